/**
 * Log patterns and timeline: grouping accuracy on the labelled log profiles, the miner's
 * throughput, and the cost of patterns and timeline on a generated bundle against the inflate
 * floor (issue 13's target: the whole analysis with both ≤ 1.3× the floor on L).
 *
 *   pnpm bench:patterns [--sizes L] [--runs 3] [--cases floor,analyze,patterns,...] [--quick]
 *   node --import tsx bench/patterns/run.ts --sizes S --runs 1
 *
 * Each bundle case runs in its own process (bench/patterns/case.ts); the table shows medians.
 * Bundles come from bench/generate (cached in bench/.cache). Results go to stdout and to
 * bench/out/patterns-latest.txt and .json; nothing is written into bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBundle } from '../generate/ensure-bundle.js';
import { groupingAccuracy, labelledLogs } from '../../testdata/generator/log-profiles/index.js';
import { PatternMiner, splitJournalLine, splitPodLogLine } from '../../packages/core/src/index.js';
import { mineLabelled } from '../../packages/core/src/patterns/test-grouping.js';
import type { PatternCaseResult } from './case.js';

const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
const ROOT = dirname(BENCH);
const CASES = ['floor', 'analyze', 'scan', 'scan-all', 'patterns', 'timeline', 'timeline-nolocate', 'locate-slow', 'all'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'L' },
    runs: { type: 'string', default: '3' },
    cases: { type: 'string' },
    quick: { type: 'boolean' },
    cache: { type: 'string', default: join(BENCH, '.cache') },
    out: { type: 'string', default: join(BENCH, 'out') },
  },
});
const quick = values.quick ?? false;
const sizes = (quick ? 'S' : values.sizes!).split(',');
const runs = quick ? 1 : Number(values.runs);
const cases = values.cases ? values.cases.split(',') : CASES;
for (const name of cases) if (!CASES.includes(name)) throw new Error(`unknown case ${name}; known: ${CASES.join(', ')}`);

const report: string[] = [];
const json: Record<string, unknown> = {};
const say = (line = '') => {
  report.push(line);
  process.stdout.write(`${line}\n`);
};

// --- grouping accuracy ------------------------------------------------------------------------
say('grouping accuracy on the labelled log profiles (loghub metric; warning/error lines only)');
const CREATED_AT = '2025-03-12T09:14:07Z';
const accuracy: { seed: number; perTemplate: number; lines: number; accuracy: number }[] = [];
for (const seed of quick ? [20251126] : [20251126, 1, 2, 3, 4]) {
  for (const perTemplate of quick ? [40] : [10, 40, 200]) {
    const lines = labelledLogs({ seed, linesPerTemplate: perTemplate, createdAt: CREATED_AT });
    const { predicted } = mineLabelled(lines, Date.parse(CREATED_AT));
    const mined = lines.map((line, index) => ({ line, predicted: predicted[index] })).filter(({ line }) => line.level !== 'info');
    const score = groupingAccuracy(mined.map(({ line }) => line.template), mined.map(({ predicted: group }) => group));
    accuracy.push({ seed, perTemplate, lines: score.lines, accuracy: score.accuracy });
    say(`  seed ${String(seed).padEnd(9)} ${String(perTemplate).padStart(4)} lines/template  ${String(score.lines).padStart(6)} lines  accuracy ${score.accuracy.toFixed(3)}  misgrouped: ${score.misgrouped.map((item) => item.template).join(', ') || '-'}`);
  }
}
json.accuracy = accuracy;

// --- miner throughput on lines in memory --------------------------------------------------------
{
  // Lines as a scan hands them over (timestamp split off), so only the miner is timed.
  const labelled = labelledLogs({ seed: 7, linesPerTemplate: quick ? 200 : 2000, createdAt: CREATED_AT }).filter((line) => line.level !== 'info');
  const created = Date.parse(CREATED_AT);
  const fed = labelled.map((input, index) => {
    const style = input.path.startsWith('logs/') ? 'pod' : input.path.endsWith('/kubelet.log') ? 'none' : 'journal';
    const split = style === 'pod' ? splitPodLogLine(input.line) : style === 'journal' ? splitJournalLine(input.line, created) : { text: input.line };
    const line = { line: index + 1, raw: input.line, text: split.text, ...(split.time === undefined ? {} : { time: split.time }) };
    return { line, source: { path: input.path, kind: style === 'pod' ? ('pod' as const) : ('node' as const), timestampStyle: style as 'pod' | 'journal' | 'none' } };
  });
  const bytes = labelled.reduce((sum, line) => sum + Buffer.byteLength(line.line) + 1, 0);
  const mine = () => {
    const miner = new PatternMiner({ bundleCreatedAt: created });
    for (const { line, source } of fed) miner.add(line, source);
    return miner.result();
  };
  mine(); // once to compile: a bundle's miner runs long enough to be warm
  const started = performance.now();
  mine();
  const ms = performance.now() - started;
  say('');
  say(`miner alone (PatternMiner.add + result on ${fed.length} warning/error lines in memory, ${(bytes / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms, ${(fed.length / (ms / 1000) / 1000).toFixed(0)} k lines/s, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
  json.miner = { lines: fed.length, bytes, ms };
}

// --- bundle cases -------------------------------------------------------------------------------
for (const size of sizes) {
  const bundle = await ensureBundle(size, values.cache!, { log: (line) => process.stderr.write(`${line}\n`) });
  say('');
  say(`${size}: ${(bundle.uncompressedBytes / 1e6).toFixed(0)} MB uncompressed, ${(bundle.zipBytes / 1e6).toFixed(0)} MB zip (${bundle.zip})`);
  say(`  ${'case'.padEnd(18)} ${'time'.padStart(9)} ${'CPU'.padStart(9)} ${'peak RSS'.padStart(9)}  notes`);
  const medians: Record<string, PatternCaseResult> = {};
  for (const name of cases) {
    const results: PatternCaseResult[] = [];
    for (let index = 0; index < runs; index += 1) results.push(runCase(name, bundle.zip));
    results.sort((a, b) => a.ms - b.ms);
    const median = results[Math.floor(results.length / 2)]!;
    medians[name] = median;
    say(`  ${name.padEnd(18)} ${fmtMs(median.ms).padStart(9)} ${fmtMs(median.cpuMs).padStart(9)} ${`${Math.round(median.maxRssKb / 1024)} MB`.padStart(9)}  ${Object.entries(median.notes).map(([key, value]) => `${key} ${value}`).join(', ')}`);
  }
  const floor = medians.floor?.ms;
  if (floor) {
    say('');
    const floorCpu = medians.floor!.cpuMs;
    const ratio = (name: string) => (medians[name] ? `${(medians[name]!.ms / floor).toFixed(2)}× the floor (CPU ${(medians[name]!.cpuMs / floorCpu).toFixed(2)}×)` : 'not run');
    say(`  analyze ${ratio('analyze')}; patterns alone ${ratio('patterns')}; timeline alone ${ratio('timeline')}; all three on one bundle ${ratio('all')} (target ≤ 1.30×)`);
    const logBytes = Number(medians.patterns?.notes.logBytes ?? medians.scan?.notes.logBytes ?? 0);
    if (medians.patterns && logBytes) say(`  minePatterns: ${(logBytes / 1e6 / (medians.patterns.ms / 1000)).toFixed(0)} MB/s of log (${(logBytes / 1e6).toFixed(0)} MB of logs)`);
    if (medians.scan && logBytes) say(`  prefiltered scan alone: ${(logBytes / 1e6 / (medians.scan.ms / 1000)).toFixed(0)} MB/s; every line decoded: ${medians['scan-all'] ? (logBytes / 1e6 / (medians['scan-all'].ms / 1000)).toFixed(0) : '?'} MB/s`);
  }
  json[size] = medians;
}

mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, 'patterns-latest.txt'), `${report.join('\n')}\n`);
writeFileSync(join(values.out!, 'patterns-latest.json'), `${JSON.stringify(json, null, 2)}\n`);

function runCase(name: string, zip: string): PatternCaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH, 'patterns', 'case.ts'), name, zip], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`case ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as PatternCaseResult;
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
