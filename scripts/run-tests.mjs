#!/usr/bin/env node
// Runs the whole vitest suite and prints the closing line CI reads ("N passed, N failed"),
// because CI does not parse vitest's own summary. Exits non-zero when a test failed or none ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const resultsFile = join(resultsDir, 'vitest.json');
mkdirSync(resultsDir, { recursive: true });
rmSync(resultsFile, { force: true });

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

let results;
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch (error) {
  console.error(`run-tests: vitest wrote no results to ${resultsFile} (${error.message})`);
  process.exit(run.status || 1);
}
const passed = results.numPassedTests ?? 0;
// A failed test counts once (numFailedTestSuites also counts the file and describe around it);
// a file that failed without a failed test (it did not load, a hook threw) counts as one.
const filesFailedOutsideTests = (results.testResults ?? []).filter(
  (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
).length;
const failed = (results.numFailedTests ?? 0) + filesFailedOutsideTests;
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error('run-tests: no test ran');
  process.exit(1);
}
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
