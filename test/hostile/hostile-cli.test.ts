// The hostile corpus through the built CLI, as a triage pipeline runs it:
// `bundle-triage analyze <input> --format json --quiet`. Unusable input costs exit 2 and one
// line naming the file and the cause; anything else is a valid report with the right
// diagnostics. Every run stays within 30 s and 512 MB and writes nothing outside its temp folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateReport } from '@bundle-triage/report';
import type { Report } from '@bundle-triage/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectOneLineError } from '../cli/run-cli.js';
import { HOSTILE_CASES, type ResourceRead } from './corpus.js';
import { boundViolations, fingerprintTree, runCliBounded, runFolder } from './run-bounded.js';

const work = runFolder('cli');
beforeAll(assertBuilt);
afterAll(work.remove);

/** The first words of the one-line error for each typed error (see the CLI README). */
const WHAT: Record<string, string> = {
  BUNDLE_NOT_FOUND: 'cannot open bundle',
  BUNDLE_FORMAT: 'cannot read bundle',
  BUNDLE_LIMIT: 'bundle refused (safety limit)',
  BUNDLE_UNSAFE_PATH: 'bundle refused (unsafe path)',
};

/**
 * The catalog is lazy: it never opens the `default` namespace's lists, where the YAML cases
 * hide their damage. A site rule that takes them as inputs makes the CLI read them.
 */
function readerRule(reads: readonly ResourceRead[]): string {
  const inputs = reads.map((read, index) => `  list${index}: { resource: { group: '${read.group}', resource: ${read.resource}, namespace: ${read.namespace} }, required: false }`);
  return [
    'id: hostile-corpus-reader',
    'title: Reads the lists the hostile corpus damages',
    'severity: low',
    'component: test',
    'inputs:',
    ...inputs,
    'outcomes:',
    '  - when: { field: { path: list0/*/metadata/name, equals: no-such-object } }',
    '    status: info',
    '    message: never matches',
    '',
  ].join('\n');
}

describe('hostile and broken bundles through the built CLI', () => {
  HOSTILE_CASES.forEach((hostile, caseNumber) => {
    const outcome = hostile.expect.kind === 'error' ? `exit 2 with one line (${hostile.expect.code})` : 'a valid report with the right diagnostics';
    it(`${hostile.name}: ${outcome}, within 30 s and 512 MB, nothing left behind`, async () => {
      const folder = join(work.path, String(caseNumber));
      const inputFolder = join(folder, 'input');
      const input = await hostile.build(inputFolder);
      const args = ['analyze', input, '--format', 'json', '--quiet'];
      const reads = hostile.expect.kind === 'analysis' ? (hostile.expect.read ?? []) : [];
      if (reads.length > 0) {
        const rules = join(folder, 'rules');
        mkdirSync(rules);
        writeFileSync(join(rules, 'reader.yaml'), readerRule(reads));
        args.push('--rules', rules);
      }
      const scratch = join(folder, 'run');
      mkdirSync(scratch);
      const before = fingerprintTree(inputFolder);

      const run = await runCliBounded(args, scratch);

      expect(boundViolations(run)).toEqual([]);
      expect(fingerprintTree(inputFolder), 'the input folder changed').toEqual(before);
      if (hostile.expect.kind === 'error') {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        const line = expectOneLineError(run.stderr);
        expect(line.startsWith(`bundle-triage: ${WHAT[hostile.expect.code]}: ${input}: `), line).toBe(true);
        expect(line).toMatch(hostile.expect.message);
      } else {
        expect(run.stderr).toBe('');
        expect([0, 3]).toContain(run.code);
        const report = JSON.parse(run.stdout) as Report;
        expect(validateReport(report).errors).toEqual([]);
        expect(report.errors).toEqual([]);
        const diagnostics = report.diagnostics.map((diagnostic) => `${diagnostic.path}: ${diagnostic.message}`);
        for (const pattern of hostile.expect.diagnostics) {
          expect(diagnostics.some((line) => pattern.test(line)), `no diagnostic matches ${pattern}: ${JSON.stringify(diagnostics)}`).toBe(true);
        }
      }
    }, 60_000);
  });
});
