/**
 * How long the built CLI takes for what a user types most, process start-up included (issue 11's
 * targets: `--version` ≤ 0.15 s, `rules list` ≤ 0.3 s, analysing the flagship zip ≤ 0.4 s, wall
 * clock, median of 5). Each command runs in a fresh `node` process, as from a shell; one warm-up
 * run first, so the file cache is not what is measured.
 *
 *   pnpm build && pnpm bench:startup [--runs 5]
 *
 * Results go to stdout and to bench/out/startup-latest.txt and .json; nothing is written into
 * bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CLI = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
const FLAGSHIP = join(ROOT, 'testdata', 'bundles', 'flagship-v1.4.1.zip');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, out: { type: 'string', default: join(BENCH, 'out') } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run pnpm build first`);

interface StartupCase {
  label: string;
  args: string[];
  /** Exit codes that mean the command did its job (analyze exits 3 when it finds a failure). */
  ok: number[];
  /** What its output must hold, so a broken command is not timed as a fast one. */
  expect: RegExp;
  targetMs: number;
}

const CASES: StartupCase[] = [
  { label: '--version', args: ['--version'], ok: [0], expect: /\d+\.\d+\.\d+/, targetMs: 150 },
  { label: 'rules list', args: ['rules', 'list'], ok: [0], expect: /mcc-harvester-modified-snapshot-validation-webhook/, targetMs: 300 },
  { label: 'analyze flagship zip', args: ['analyze', FLAGSHIP, '--format', 'json'], ok: [0, 3], expect: /"headline"[\s\S]*mcc-harvester-modified-snapshot-validation-webhook/, targetMs: 400 },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function runOnce(startupCase: StartupCase): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CLI, ...startupCase.args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status === null || !startupCase.ok.includes(child.status)) throw new Error(`${startupCase.label}: exit ${child.status ?? child.signal}: ${child.stderr.trim().split('\n')[0] ?? ''}`);
  if (!startupCase.expect.test(child.stdout)) throw new Error(`${startupCase.label}: the output does not hold ${startupCase.expect}`);
  return ms;
}

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
const results: Record<string, { medianMs: number; runsMs: number[]; targetMs: number; met: boolean }> = {};
say(`built CLI start-up, wall clock with process start-up, median of ${runs} (one warm-up run first); node ${process.version}`);
for (const startupCase of CASES) {
  runOnce(startupCase);
  const samples = Array.from({ length: runs }, () => runOnce(startupCase));
  const medianMs = median(samples);
  const met = medianMs <= startupCase.targetMs;
  results[startupCase.label] = { medianMs, runsMs: samples, targetMs: startupCase.targetMs, met };
  say(`  ${met ? '✓' : '✗'} ${startupCase.label.padEnd(22)} ${`${medianMs.toFixed(0)} ms`.padStart(8)}   target ≤ ${startupCase.targetMs} ms   runs: ${samples.map((ms) => ms.toFixed(0)).join(', ')}`);
}
mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, 'startup-latest.txt'), `${lines.join('\n')}\n`);
writeFileSync(join(values.out!, 'startup-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
