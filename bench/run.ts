/**
 * `pnpm bench`: the numbers a user of the analyzer would ask for, on generated bundles of a
 * large cluster (see bench/README.md).
 *
 *   pnpm bench [--sizes M,L] [--runs 3] [--quick] [--no-batch] [--cpu-prof] [--cache DIR] [--out DIR]
 *
 * Every case runs in a child process (its peak RSS is its own); each is run --runs times and
 * the median is printed. The planted signatures must be found, or the run fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, copyFileSync, writeFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../packages/rules/src/index.js';
import type { CaseResult } from './cases/run-case.js';
import { ensureBundle, type GeneratedBundle } from './generate/ensure-bundle.js';
import { FLAGSHIP_RULE } from './generate/plants.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const CLI_BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
const TIME = '/usr/bin/time';
const BATCH_SIZE = 20;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-batch': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    cache: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write('Usage: pnpm bench [--sizes M,L] [--runs N] [--quick] [--no-batch] [--cpu-prof] [--cache DIR] [--out DIR]\n');
  process.exit(0);
}
/** Generated bundles, kept between runs. */
const CACHE = values.cache ?? join(BENCH, '.cache');
/** latest.json, latest.txt, profiles. */
const OUT = values.out ?? join(BENCH, 'out');
const sizes = (values.sizes ?? (values.quick ? 'S' : 'M,L')).split(',').map((size) => size.trim()).filter(Boolean);
const runs = Number(values.runs ?? (values.quick ? 1 : 3));
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Measured {
  label: string;
  size: string;
  /** Median time of the work, measured inside the child (start-up excluded). */
  ms: number;
  /** Median wall time of the whole child process (start-up and module loading included). */
  processMs: number;
  /** Median peak RSS of the child process, KiB. */
  maxRssKb: number;
  /** Uncompressed bytes of the bundle (for MB/s). */
  bundleBytes?: number;
  last: CaseResult;
}

const problems: string[] = [];
const results: Measured[] = [];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const catalog = await loadCatalog();
  const catalogIds = new Set(catalog.map((rule) => rule.id));
  const bundles = new Map<string, GeneratedBundle>();
  for (const size of sizes) bundles.set(size, await ensureBundle(size, CACHE, { log }));
  log('\n== baseline (library and catalog loaded, no bundle)');
  runCase('baseline', '-', ['baseline', '-'], 0);

  for (const [size, bundle] of bundles) {
    log(`\n== ${size}: ${mb(bundle.uncompressedBytes)} MB uncompressed, ${mb(bundle.zipBytes)} MB zipped, ${bundle.files} files`);
    const planted = bundle.plants.filter((plant) => catalogIds.has(plant.ruleId)).map((plant) => plant.ruleId);
    for (const plant of bundle.plants) if (!catalogIds.has(plant.ruleId)) log(`   note: planted ${plant.ruleId} is not in the catalog now; not checked`);
    const check = (what: string, result: CaseResult, expected: string[]) => {
      const missing = expected.filter((id) => !result.failed?.includes(id));
      if (missing.length > 0) problems.push(`${size} ${what}: planted signature(s) not found: ${missing.join(', ')}`);
      if (result.errors && result.errors.length > 0) problems.push(`${size} ${what}: rule errors: ${result.errors.join('; ')}`);
    };
    const measure = (label: string, args: string[], expected?: string[]) => {
      const measured = runCase(label, size, args, bundle.uncompressedBytes);
      if (expected) check(label, measured.last, expected);
      return measured;
    };
    // The whole analysis (overview, log patterns, timeline: the default), and the rules alone.
    measure('analyze zip', ['analyze', bundle.zip], planted);
    measure('analyze folder', ['analyze', bundle.folder], planted);
    measure('analyze fast zip', ['analyze', bundle.zip, '--fast'], planted);
    // The same without this round's health checks: what they cost (issue 12: at most +15 %).
    measure('analyze fast no-health', ['analyze', bundle.zip, '--fast', '--no-health'], planted);
    measure('floor zip', ['floor-zip', bundle.zip]);
    measure('floor folder', ['floor-folder', bundle.folder]);
    // What reading only what one rule needs costs (patterns and timeline read every log: left out).
    measure('only flagship zip', ['analyze', bundle.zip, '--only', FLAGSHIP_RULE, '--fast'], [FLAGSHIP_RULE]);
    measure('decode library', ['decode-library', bundle.folder]);
    measure('decode js-yaml', ['decode-js-yaml', bundle.folder]);
  }

  if (!values['no-batch']) {
    const batchSize = values.quick ? 'S' : 'M';
    const bundle = bundles.get(batchSize) ?? (await ensureBundle(batchSize, CACHE, { log }));
    log(`\n== batch of ${BATCH_SIZE} ${batchSize} bundles`);
    const paths = batchCopies(bundle);
    for (const jobs of [1, 2]) runBatch(batchSize, paths, jobs, bundle);
  }

  report(bundles, catalog.length);
  if (problems.length > 0) {
    log('\nFAILED:');
    for (const problem of problems) log(`  ✗ ${problem}`);
    process.exitCode = 1;
  }
}

/** Whether the library is built (`pnpm build`): the analyze cases then run it in plain Node, else from source through tsx. */
const BUILT = ['core', 'rules'].every((name) => existsSync(join(ROOT, 'packages', name, 'dist', 'index.js')));

/** Runs one case `runs` times in child processes; medians. */
function runCase(label: string, size: string, args: string[], bundleBytes: number): Measured {
  const samples: { result: CaseResult; processMs: number; maxRssKb: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    // The built library in plain Node for the cases it serves (as users run it); the rest, and an unbuilt tree, through tsx.
    const analyzing = args[0] === 'analyze' || args[0] === 'baseline';
    const script = [...(analyzing && BUILT ? [] : ['--import', 'tsx']), join(BENCH, 'cases', analyzing ? 'analyze-case.mjs' : 'run-case.ts')];
    const child = spawnMeasured([process.execPath, ...profileFlags(label, size), ...script, ...args]);
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    let result: CaseResult;
    try {
      result = JSON.parse(line) as CaseResult;
    } catch {
      throw new Error(`${label} (${size}) failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
    }
    samples.push({ result, processMs: child.wallMs, maxRssKb: child.maxRssKb ?? result.maxRssKb });
    log(`   ${label.padEnd(20)} run ${run + 1}/${runs}: ${fmtMs(result.ms)}, peak RSS ${mb(samples.at(-1)!.maxRssKb * 1024)} MB`);
  }
  const measured: Measured = {
    label,
    size,
    ms: median(samples.map((sample) => sample.result.ms)),
    processMs: median(samples.map((sample) => sample.processMs)),
    maxRssKb: median(samples.map((sample) => sample.maxRssKb)),
    bundleBytes,
    last: samples.at(-1)!.result,
  };
  results.push(measured);
  return measured;
}

/** The same bundle 20 times (hard links), as a folder `bundle-triage batch` is given. */
function batchCopies(bundle: GeneratedBundle): string[] {
  const dir = join(CACHE, `batch-${bundle.size}-g${bundle.generatorVersion}-s${bundle.seed}`);
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: BATCH_SIZE }, (_, index) => {
    const path = join(dir, `supportbundle-${String(index + 1).padStart(2, '0')}.zip`);
    if (!existsSync(path) || statSync(path).size !== bundle.zipBytes) {
      rmSync(path, { force: true });
      try {
        linkSync(bundle.zip, path);
      } catch {
        copyFileSync(bundle.zip, path);
      }
    }
    return path;
  });
}

function runBatch(size: string, paths: string[], jobs: number, bundle: GeneratedBundle): void {
  const label = `batch ${BATCH_SIZE}×${size} jobs ${jobs}`;
  const useCli = existsSync(CLI_BIN);
  const samples: { ms: number; maxRssKb: number; failed: string[] }[] = [];
  for (let run = 0; run < runs; run += 1) {
    let failedIds: string[];
    let maxRssKb: number;
    let ms: number;
    if (useCli) {
      const out = join(OUT, `batch-jobs${jobs}.jsonl`);
      const child = spawnMeasured([process.execPath, ...profileFlags(label, size), CLI_BIN, 'batch', dirname(paths[0]!), '--jobs', String(jobs), '--out', out, '--quiet']);
      if (child.status !== 0) throw new Error(`${label} failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
      const lines = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { path: string; fail?: string[]; error?: string });
      if (lines.length !== paths.length) problems.push(`${label}: ${lines.length} result lines for ${paths.length} bundles`);
      for (const line of lines) if (line.error) problems.push(`${label}: ${line.path}: ${line.error}`);
      failedIds = [...new Set(lines.flatMap((line) => line.fail ?? []))];
      ms = child.wallMs;
      maxRssKb = child.maxRssKb ?? 0;
    } else {
      const child = spawnMeasured([process.execPath, '--import', 'tsx', join(BENCH, 'cases', 'run-case.ts'), 'batch-threads', paths.join(','), '--jobs', String(jobs)]);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as CaseResult;
      failedIds = result.failed ?? [];
      ms = child.wallMs;
      maxRssKb = child.maxRssKb ?? result.maxRssKb;
    }
    samples.push({ ms, maxRssKb, failed: failedIds });
    log(`   ${label.padEnd(20)} run ${run + 1}/${runs}: ${fmtMs(ms)}${useCli ? '' : ' (library in worker threads: built CLI absent)'}, peak RSS ${mb(maxRssKb * 1024)} MB`);
  }
  const expected = bundle.plants.map((plant) => plant.ruleId);
  const missing = expected.filter((id) => !samples.at(-1)!.failed.includes(id));
  if (missing.length > 0) problems.push(`${label}: planted signature(s) not found: ${missing.join(', ')}`);
  results.push({
    label: `batch jobs ${jobs}`,
    size,
    ms: median(samples.map((sample) => sample.ms)),
    processMs: median(samples.map((sample) => sample.ms)),
    maxRssKb: median(samples.map((sample) => sample.maxRssKb)),
    bundleBytes: bundle.uncompressedBytes * paths.length,
    last: { case: useCli ? 'bundle-triage batch' : 'batch-threads', ms: 0, maxRssKb: 0, bundles: paths.length },
  });
}

interface SpawnResult {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  maxRssKb?: number;
}

/** Spawns under /usr/bin/time when there is one, for the peak RSS of the whole process tree's leader. */
function spawnMeasured(command: string[]): SpawnResult {
  const useTime = existsSync(TIME);
  const timeOut = join(OUT, 'time.txt');
  const argv = useTime ? [TIME, '-o', timeOut, '-f', '%M', ...command] : command;
  const started = performance.now();
  const child = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  let maxRssKb: number | undefined;
  if (useTime && existsSync(timeOut)) {
    const value = Number(readFileSync(timeOut, 'utf8').trim().split('\n').at(-1));
    if (Number.isFinite(value) && value > 0) maxRssKb = value;
  }
  return { status: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '', wallMs, ...(maxRssKb === undefined ? {} : { maxRssKb }) };
}

function profileFlags(label: string, size: string): string[] {
  if (!values['cpu-prof']) return [];
  const dir = join(OUT, 'profiles');
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${size}-${label.replaceAll(/[^a-z0-9]+/gi, '-')}-${Date.now()}.cpuprofile`];
}

// --- the report --------------------------------------------------------------------------------

function report(bundles: Map<string, GeneratedBundle>, ruleCount: number): void {
  const out: string[] = [];
  const find = (label: string, size: string) => results.find((result) => result.label === label && result.size === size);
  out.push('');
  out.push(`bundle-triage benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadAverage()}`);
  out.push(`catalog: ${ruleCount} rules; medians of ${runs} run(s); times exclude process start-up (process wall times in brackets)`);
  const baseline = find('baseline', '-');
  if (baseline) out.push(`baseline peak RSS (node + ${baseline.last.library === 'dist' ? 'the built library' : 'tsx + the library from source'} + catalog loaded, no bundle): ${mb(baseline.maxRssKb * 1024)} MB; start-up ${fmtMs(baseline.processMs)}`);
  for (const [size, bundle] of bundles) {
    out.push('');
    out.push(`${size}: ${mb(bundle.uncompressedBytes)} MB uncompressed (${bundle.files} files in the folder, node zips counted once), ${mb(bundle.zipBytes)} MB zip; planted: ${bundle.plants.map((plant) => plant.ruleId).join(', ')}`);
    out.push(`  ${'case'.padEnd(22)}${'time'.padStart(10)}${'[process]'.padStart(11)}${'MB/s'.padStart(8)}${'peak RSS'.padStart(11)}  notes`);
    for (const result of results.filter((r) => r.size === size && !r.label.startsWith('batch'))) {
      const throughput = result.bundleBytes && !result.label.startsWith('decode') && !result.label.startsWith('only') ? ((result.bundleBytes / 1e6) / (result.ms / 1000)).toFixed(0) : '';
      const found = result.last.failed ? `found ${result.last.failed.length} failing rule(s)` : result.last.objects !== undefined ? `${result.last.objects} objects, ${mb(result.last.bytes ?? 0)} MB YAML` : '';
      // CPU time says what a case costs when the machine is busy and wall times wander.
      const notes = [found, result.last.cpuMs !== undefined ? `cpu ${fmtMs(result.last.cpuMs)}` : '', result.last.library === 'src' ? 'library from source (tsx): not built' : ''].filter(Boolean).join('; ');
      out.push(`  ${result.label.padEnd(22)}${fmtMs(result.ms).padStart(10)}${`[${fmtMs(result.processMs)}]`.padStart(11)}${throughput.padStart(8)}${`${mb(result.maxRssKb * 1024)} MB`.padStart(11)}  ${notes}`);
    }
  }
  const batch1 = results.find((r) => r.label === 'batch jobs 1');
  const batch2 = results.find((r) => r.label === 'batch jobs 2');
  if (batch1 && batch2) {
    out.push('');
    out.push(`batch of ${BATCH_SIZE} ${batch1.size} bundles (${batch1.last.case}; process wall time): jobs 1 ${fmtMs(batch1.ms)} (peak RSS ${mb(batch1.maxRssKb * 1024)} MB), jobs 2 ${fmtMs(batch2.ms)} (peak RSS ${mb(batch2.maxRssKb * 1024)} MB)`);
  }

  // Ratios and targets.
  const targets: { name: string; value: string; ok: boolean | undefined; target: string }[] = [];
  const [small, large] = sizes.includes('L') && sizes.includes('M') ? ['M', 'L'] : [sizes[0]!, sizes.at(-1)!];
  const bigBundle = bundles.get(large)!;
  const smallBundle = bundles.get(small)!;
  const folderAnalyzed = find('analyze folder', large);
  const folderFloor = find('floor folder', large);
  if (folderAnalyzed && folderFloor) targets.push({ name: `analyze / floor, ${large}.folder`, value: `${(folderAnalyzed.ms / folderFloor.ms).toFixed(2)}×`, ok: undefined, target: '(no target)' });
  const full = find('analyze zip', large);
  const rulesAlone = find('analyze fast zip', large);
  const zipFloor = find('floor zip', large);
  if (rulesAlone && zipFloor) {
    const ratio = rulesAlone.ms / zipFloor.ms;
    targets.push({ name: `analyze (rules alone) / floor, ${large}.zip`, value: `${ratio.toFixed(2)}×`, ok: ratio <= 0.7, target: '≤ 0.7× (issue 11)' });
  }
  const withoutHealth = find('analyze fast no-health', large);
  if (rulesAlone && withoutHealth) {
    // Issue 12: what this round's health checks add to the whole catalog's time.
    const added = rulesAlone.ms / withoutHealth.ms - 1;
    targets.push({ name: `health checks' cost, ${large}.zip`, value: `${added >= 0 ? '+' : ''}${(added * 100).toFixed(0)} % (${fmtMs(rulesAlone.ms)} vs ${fmtMs(withoutHealth.ms)})`, ok: added <= 0.15, target: '≤ +15 %' });
  }
  if (full && zipFloor) {
    // Issue 13: the whole analysis with patterns and timeline, against inflating every entry.
    const ratio = full.ms / zipFloor.ms;
    const cpu = full.last.cpuMs !== undefined && zipFloor.last.cpuMs !== undefined ? `; cpu ${(full.last.cpuMs / zipFloor.last.cpuMs).toFixed(2)}×` : '';
    targets.push({ name: `analyze with patterns + timeline / floor, ${large}.zip`, value: `${ratio.toFixed(2)}×${cpu}`, ok: ratio <= 1.3, target: '≤ 1.3×' });
  }
  for (const form of ['zip', 'folder'] as const) {
    const analyzed = find(`analyze ${form}`, large);
    const base = find('baseline', '-');
    const above = analyzed && base ? ` (${mb((analyzed.maxRssKb - base.maxRssKb) * 1024)} above baseline)` : '';
    if (analyzed) targets.push({ name: `peak RSS, analyze ${large}.${form}`, value: `${mb(analyzed.maxRssKb * 1024)} MB${above}`, ok: analyzed.maxRssKb * 1024 <= 512 * 2 ** 20, target: '≤ 512 MB' });
  }
  if (small !== large) {
    const sizeRatio = bigBundle.uncompressedBytes / smallBundle.uncompressedBytes;
    for (const form of ['zip', 'folder'] as const) {
      const a = find(`analyze ${form}`, small);
      const b = find(`analyze ${form}`, large);
      if (!a || !b) continue;
      const rss = b.maxRssKb / a.maxRssKb;
      const base = find('baseline', '-');
      const aboveBase = base ? ` (above baseline: ${((b.maxRssKb - base.maxRssKb) / Math.max(1, a.maxRssKb - base.maxRssKb)).toFixed(2)}×)` : '';
      targets.push({ name: `peak RSS ${large} / ${small}, analyze ${form}`, value: `${rss.toFixed(2)}×${aboveBase}`, ok: rss <= 1.3, target: '≤ 1.3×' });
      const time = b.ms / a.ms;
      targets.push({ name: `time ${large} / ${small}, analyze ${form} (size ratio ${sizeRatio.toFixed(2)})`, value: `${time.toFixed(2)}× = ${(time / sizeRatio).toFixed(2)} of size ratio`, ok: time <= 1.1 * sizeRatio, target: '≤ 1.1 × size ratio' });
    }
  }
  const flagship = find('only flagship zip', large);
  if (flagship) targets.push({ name: `--only ${FLAGSHIP_RULE}, ${large}.zip`, value: `${fmtMs(flagship.ms)} [process ${fmtMs(flagship.processMs)}]`, ok: flagship.ms <= 500, target: '≤ 0.5 s (issue 11)' });
  for (const size of sizes) {
    const library = find('decode library', size);
    const jsYaml = find('decode js-yaml', size);
    if (library && jsYaml) {
      const ratio = library.ms / jsYaml.ms;
      targets.push({ name: `decode all YAML, library / js-yaml, ${size}`, value: `${ratio.toFixed(2)}× (${fmtMs(library.ms)} vs ${fmtMs(jsYaml.ms)})`, ok: ratio <= 1.0, target: '≤ 1.0×' });
    }
  }
  if (batch1 && batch2) {
    const speedup = batch1.ms / batch2.ms;
    targets.push({ name: `batch ${BATCH_SIZE}×${batch1.size}, throughput jobs 2 / jobs 1`, value: `${speedup.toFixed(2)}×`, ok: speedup >= 1.7, target: '≥ 1.7×' });
  }
  out.push('');
  out.push('ratios and targets:');
  for (const target of targets) out.push(`  ${target.ok === undefined ? ' ' : target.ok ? '✓' : '✗'} ${target.name.padEnd(62)} ${target.value.padEnd(34)} ${target.target}`);
  out.push('');
  out.push(problems.length === 0 ? `planted signatures: all found in every analyze case${values['no-batch'] ? '' : ' and in every batch line'}` : `planted signatures: PROBLEMS (${problems.length}), see below`);
  process.stdout.write(`${out.join('\n')}\n`);
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model, loadAverage: loadAverage(), rules: ruleCount, runs, bundles: Object.fromEntries(bundles), results, targets, problems }, null, 2)}\n`);
  writeFileSync(join(OUT, 'latest.txt'), `${out.join('\n')}\n`);
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);
}

function fmtMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
