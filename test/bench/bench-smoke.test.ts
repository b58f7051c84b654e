import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Speed is never asserted here: only that the benchmark runs end to end on a tiny generated
// bundle and that the analyzer finds every signature planted in it (zip and folder alike).
describe('pnpm bench --quick', () => {
  it('generates a small bundle, runs every case once and finds the planted signatures', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--quick', '--no-batch', '--cache', join(work, 'cache'), '--out', join(work, 'out')],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stdout).toContain('planted signatures: all found');
    for (const label of ['analyze zip', 'analyze folder', 'floor zip', 'floor folder', 'only flagship zip', 'decode library', 'decode js-yaml']) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).toContain('mcc-harvester-modified-snapshot-validation-webhook');
  }, 120_000);
});
