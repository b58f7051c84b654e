import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBundleError, openBundle } from '@bundle-triage/core';
import { analyze, loadCatalog } from '@bundle-triage/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from './corpus.js';

const work = mkdtempSync(join(tmpdir(), 'hostile-corpus-'));
// The analyzer's temp folders go under a parent of this test's own, so other test files (and
// other processes) making theirs in the OS temp dir at the same time cannot look like leftovers.
const tempParent = mkdtempSync(join(tmpdir(), 'hostile-temp-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(tempParent, { recursive: true, force: true });
});

/** The analyzer's private temp folders; none may be left behind. */
const leftovers = () => readdirSync(tempParent).filter((name) => name.startsWith('bundle-triage-')).sort();

describe('hostile and broken bundles through the library', () => {
  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name}: ${hostile.expect.kind === 'error' ? `refused with ${hostile.expect.code}` : 'analysed, with the right diagnostics'}`, async () => {
      const input = await hostile.build(join(work, hostile.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)));
      const before = leftovers();
      const started = Date.now();
      let error: unknown;
      let diagnostics: string[] = [];
      try {
        const bundle = await openBundle(input, { tempDir: tempParent });
        try {
          const report = await analyze(bundle, { rules: await loadCatalog() });
          expect(report.errors).toEqual([]);
          for (const query of hostile.expect.kind === 'analysis' ? (hostile.expect.read ?? []) : []) await bundle.resources(query);
          diagnostics = bundle.diagnostics().map((diagnostic) => `${diagnostic.path}: ${diagnostic.message}`);

        } finally {
          await bundle.close();
        }
      } catch (caught) {
        error = caught;
      }
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(leftovers()).toEqual(before);

      if (hostile.expect.kind === 'error') {
        expect(isBundleError(error), `expected a typed BundleError, got ${String(error)}`).toBe(true);
        const bundleError = error as Error & { code: string };
        expect(bundleError.code).toBe(hostile.expect.code);
        expect(bundleError.message).toMatch(hostile.expect.message);
        expect(bundleError.message).not.toContain('\n');
      } else {
        expect(error, `expected the analysis to complete, got ${String(error)}`).toBeUndefined();
        for (const pattern of hostile.expect.diagnostics) {
          expect(diagnostics.some((line) => pattern.test(line)), `no diagnostic matches ${pattern}: ${JSON.stringify(diagnostics)}`).toBe(true);
        }
      }
    }, 60_000);
  }
});
