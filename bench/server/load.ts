/**
 * Load on the service, end to end: the built `bundle-triage serve` (and `worker`s) in their own
 * processes, this process uploading flagship-sized bundles over HTTP and timing each one from the
 * start of its upload to its `done` event (server-sent events, no polling).
 *
 *   node --import tsx bench/server/load.ts [--mode embedded|distributed|both] [--bundles 40]
 *        [--concurrency 40] [--threads 2] [--workers 2] [--out bench/out]
 *
 * Every bundle is distinct (generated clusters with the flagship fault), so the SHA-256 dedupe
 * never answers from a previous analysis. Distributed mode needs Redis and PostgreSQL: the URLs of
 * BUNDLE_TRIAGE_TEST_REDIS_URL / BUNDLE_TRIAGE_TEST_POSTGRES_URL (scripts/test-services.sh) or
 * --redis / --postgres; it makes its own database and Redis key prefix and drops them after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freshDatabase, freshQueuePrefix } from '../../packages/server/test/helpers/backing-services.js';
import { freePort } from '../../test/server/processes.js';
import { flagshipS01, healthyCluster } from '../../testdata/generator/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/dist/bin.js');
const HEADLINE = 'mcc-harvester-modified-snapshot-validation-webhook';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    bundles: { type: 'string', default: '40' },
    concurrency: { type: 'string' },
    threads: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    redis: { type: 'string' },
    postgres: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench/out') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write('Usage: node --import tsx bench/server/load.ts [--mode embedded|distributed|both] [--bundles N] [--concurrency N] [--threads N] [--workers N]\n');
  process.exit(0);
}
const count = Number(values.bundles);
const concurrency = Number(values.concurrency ?? values.bundles);
const threads = Number(values.threads);
const workerCount = Number(values.workers);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface RunResult {
  mode: string;
  setup: string;
  bundles: number;
  wallSeconds: number;
  bundlesPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  uploadMs: { p50: number; p95: number };
  failed: number;
}

async function main(): Promise<void> {
  if (!Number.isInteger(count) || count < 1) throw new Error('--bundles must be a positive integer');
  log(`generating ${count} distinct flagship-sized bundles…`);
  const bundles = Array.from({ length: count }, (_, index) => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 900_000 + index });
    flagshipS01(bundle);
    return bundle.toZip();
  });
  log(`bundle size: ${(bundles.reduce((sum, bundle) => sum + bundle.length, 0) / bundles.length / 1024).toFixed(0)} KiB on average`);
  const results: RunResult[] = [];
  if (values.mode === 'embedded' || values.mode === 'both') results.push(await embedded(bundles));
  if (values.mode === 'distributed' || values.mode === 'both') {
    const redisUrl = values.redis ?? process.env.BUNDLE_TRIAGE_TEST_REDIS_URL;
    const postgresUrl = values.postgres ?? process.env.BUNDLE_TRIAGE_TEST_POSTGRES_URL;
    if (!redisUrl || !postgresUrl) {
      if (values.mode === 'distributed') throw new Error('distributed mode needs --redis and --postgres (or BUNDLE_TRIAGE_TEST_REDIS_URL / _POSTGRES_URL)');
      log('skipping distributed mode: no Redis/PostgreSQL URLs (eval "$(bash scripts/test-services.sh start)")');
    } else {
      results.push(await distributed(bundles, redisUrl, postgresUrl));
    }
  }
  const table = [
    `service load, ${count} distinct flagship-sized bundles uploaded ${concurrency} at a time; ${cpus().length} cores (${availableParallelism()} available), Node ${process.version}`,
    '',
    '| mode | setup | bundles/s end to end | p50 upload→report | p95 upload→report | max | p95 upload (HTTP) | failed |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.mode} | ${result.setup} | ${result.bundlesPerSecond.toFixed(2)} | ${ms(result.latencyMs.p50)} | ${ms(result.latencyMs.p95)} | ${ms(result.latencyMs.max)} | ${ms(result.uploadMs.p95)} | ${result.failed} |`,
    ),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(join(values.out!, 'server-load.json'), `${JSON.stringify({ at: new Date().toISOString(), bundles: count, concurrency, results }, null, 2)}\n`);
  writeFileSync(join(values.out!, 'server-load.txt'), `${table}\n`);
  if (results.some((result) => result.failed > 0)) process.exitCode = 1;
}

async function embedded(bundles: Uint8Array[]): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bt-bench-embedded-'));
  const port = await freePort();
  const serve = await startCli(['serve', '--data', dataDir, '--port', String(port), '--open', '--threads', String(threads), '--uploads-per-minute', '100000']);
  try {
    return await measure('embedded', `serve, ${threads} analysis threads`, `http://127.0.0.1:${port}`, bundles);
  } finally {
    await stop(serve);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function distributed(bundles: Uint8Array[], redisUrl: string, postgresUrl: string): Promise<RunResult> {
  const database = await freshDatabase(postgresUrl);
  const storeDir = mkdtempSync(join(tmpdir(), 'bt-bench-store-'));
  const port = await freePort();
  const env = { BUNDLE_TRIAGE_REDIS_URL: redisUrl, BUNDLE_TRIAGE_POSTGRES_URL: database.url };
  const shared = ['--store', storeDir, '--queue-prefix', freshQueuePrefix()];
  const serve = await startCli(['serve', ...shared, '--port', String(port), '--open', '--uploads-per-minute', '100000'], env);
  const workers: ChildProcess[] = [];
  try {
    for (let index = 0; index < workerCount; index += 1) workers.push(await startCli(['worker', ...shared, '--threads', '1'], env, /worker ready/));
    return await measure('distributed', `serve + ${workerCount} worker processes × 1 thread, Redis + PostgreSQL`, `http://127.0.0.1:${port}`, bundles);
  } finally {
    for (const worker of workers) await stop(worker);
    await stop(serve);
    rmSync(storeDir, { recursive: true, force: true });
    await database.drop();
  }
}

/** Uploads every bundle (`concurrency` at a time) and waits for each `done` event. */
async function measure(mode: string, setup: string, base: string, bundles: Uint8Array[]): Promise<RunResult> {
  log(`== ${mode}: ${setup}`);
  const finishedAt = new Map<string, { at: number; status: string }>();
  const waiters = new Map<string, () => void>();
  const events = await fetch(`${base}/api/events`);
  const reader = events.body!.getReader();
  let stopped = false;
  const pump = (async () => {
    let buffer = '';
    const decoder = new TextDecoder();
    while (!stopped) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (!data || !message.startsWith('event: analysis')) continue;
        const analysis = JSON.parse(data) as { id: string; status: string };
        if ((analysis.status === 'done' || analysis.status === 'error') && !finishedAt.has(analysis.id)) {
          finishedAt.set(analysis.id, { at: performance.now(), status: analysis.status });
          waiters.get(analysis.id)?.();
        }
      }
    }
  })();

  const started = performance.now();
  const latencies: number[] = [];
  const uploads: number[] = [];
  let failed = 0;
  const queue = bundles.map((bundle, index) => ({ bundle, index }));
  const lane = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const uploadStart = performance.now();
      const response = await fetch(`${base}/api/uploads?fileName=bench-${item.index}.zip`, { method: 'POST', body: item.bundle, headers: { 'content-type': 'application/zip' } });
      const answer = (await response.json()) as { analysisId: string };
      uploads.push(performance.now() - uploadStart);
      if (response.status !== 202) {
        failed += 1;
        continue;
      }
      const id = answer.analysisId;
      if (!finishedAt.has(id)) await new Promise<void>((resolve) => waiters.set(id, resolve));
      const finish = finishedAt.get(id)!;
      if (finish.status !== 'done') failed += 1;
      latencies.push(finish.at - uploadStart);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bundles.length) }, lane));
  const wall = (performance.now() - started) / 1000;
  stopped = true;
  await reader.cancel().catch(() => undefined);
  await pump;
  // One check that the analyses found what was planted.
  const sample = (await (await fetch(`${base}/api/analyses?limit=1`)).json()) as { items: { summary: { headline: string } | null }[] };
  if (sample.items[0]?.summary?.headline !== HEADLINE) {
    failed += 1;
    log(`unexpected headline: ${JSON.stringify(sample.items[0]?.summary)}`);
  }
  const result = { mode, setup, bundles: bundles.length, wallSeconds: wall, bundlesPerSecond: bundles.length / wall, latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) }, uploadMs: { p50: percentile(uploads, 50), p95: percentile(uploads, 95) }, failed };
  log(`   ${result.bundlesPerSecond.toFixed(2)} bundles/s, p95 upload→report ${ms(result.latencyMs.p95)}, ${failed} failed`);
  return result;
}

function startCli(args: string[], env: Record<string, string> = {}, readyLine = /listening on/): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (readyLine.test(output)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`bundle-triage ${args[0]} exited (${code}): ${output.slice(-1000)}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
