import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../testdata/generator/index.js';
import { renderCatalogTable } from '../src/catalog/catalog-table.js';
import { catalogDirectory, loadCatalog } from '../src/catalog/load-catalog.js';
import { loadNotDetectable } from '../src/catalog/not-detectable.js';
import { analyze } from '../src/engine/analyze.js';

const SIGNATURE_COUNT = 49;

describe('the built-in catalog', () => {
  it('loads every rule file against the schema, with unique kebab-case ids', async () => {
    const rules = await loadCatalog();
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+([.-][a-z0-9]+)*$/);
  });

  it('gives every rule references, and every rule that can fail a remediation', async () => {
    for (const rule of await loadCatalog()) {
      expect(rule.references?.length ?? 0, `${rule.id} has no references`).toBeGreaterThan(0);
      const canFail = rule.kind === 'code' || rule.outcomes.some((outcome) => outcome.status === 'fail' || outcome.status === 'warn');
      if (canFail && rule.kind === 'declarative') expect(rule.remediation, `${rule.id} has no remediation`).toBeDefined();
    }
  });

  it(`accounts for all ${SIGNATURE_COUNT} signatures: a rule each, or a not-detectable entry with its reason`, async () => {
    const rules = await loadCatalog();
    const notDetectable = await loadNotDetectable();
    const covered = [...rules.flatMap((rule) => (rule.signature ? [rule.signature] : [])), ...notDetectable.map((entry) => entry.signature)];
    const expected = Array.from({ length: SIGNATURE_COUNT }, (_, index) => `S${String(index + 1).padStart(2, '0')}`);
    expect([...covered].sort()).toEqual(expected);
    for (const entry of notDetectable) expect(entry.reason.length, `${entry.signature} needs a reason`).toBeGreaterThan(20);
  });

  it('matches the committed catalog table (run pnpm catalog:table when it does not)', async () => {
    const table = renderCatalogTable(await loadCatalog(), await loadNotDetectable());
    const committed = readFileSync(join(catalogDirectory(), '..', 'CATALOG.md'), 'utf8');
    expect(committed, 'packages/rules/CATALOG.md is stale: run pnpm catalog:table').toBe(table);
  });
});

describe('the whole catalog on healthy generated clusters', () => {
  for (const [version, nodes, seed] of [
    ['v1.4.1', 1, 1],
    ['v1.4.2', 3, 2],
  ] as const) {
    it(`reports no fail, no warn and no error on a healthy ${nodes}-node ${version} cluster`, async () => {
      const bundle = await openBundle(healthyCluster({ harvesterVersion: version, nodes, seed }).toZip());
      try {
        const report = await analyze(bundle, { rules: await loadCatalog() });
        const noisy = report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn');
        expect(noisy.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
        expect(report.errors).toEqual([]);
      } finally {
        await bundle.close();
      }
    }, 120_000);
  }
});

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
describe.skipIf(!SAMPLE || !existsSync(join(SAMPLE, 'metadata.yaml')))(`the whole catalog on the real v1.0 sample (${SAMPLE || 'absent'})`, () => {
  it('runs without a rule error', async () => {
    const bundle = await openBundle(SAMPLE);
    try {
      const report = await analyze(bundle, { rules: await loadCatalog() });
      expect(report.errors).toEqual([]);
      expect(report.bundle.harvesterVersion).toBe('1a861fc-dirty');
    } finally {
      await bundle.close();
    }
  }, 120_000);
});
