/**
 * Distributed mode with real parts: PostgreSQL, Redis and `worker` processes of the built
 * package. Each test waits on states (analysis records, files, log entries), never on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, startService, type RunningService } from '../../packages/server/src/index.js';
import { backingService, freshDatabase, freshQueuePrefix } from '../../packages/server/test/helpers/backing-services.js';
import { assertBuilt } from '../../packages/server/test/helpers/built-server.js';
import { LogRecorder } from '../../packages/server/test/helpers/log-recorder.js';
import { wrapService, type TestService } from '../../packages/server/test/helpers/test-service.js';
import { waitFor } from '../../packages/server/test/helpers/wait-for.js';
import { freePort, startServiceProcess, type ServiceProcess } from './processes.js';
import { fixture, generatedBundle, S01 } from './test-bundles.js';

const postgres = backingService('postgres');
const redis = backingService('redis');
const scratch = mkdtempSync(join(tmpdir(), 'bt-distributed-'));
let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
const processes: ServiceProcess[] = [];
const services: TestService[] = [];
const redisServers: ChildProcess[] = [];

beforeAll(async () => {
  assertBuilt();
  if (postgres) database = await freshDatabase(postgres);
});
afterEach(async () => {
  await Promise.all(processes.splice(0).map((child) => child.kill('SIGKILL')));
  await Promise.all(services.splice(0).map((service) => service.close()));
  // Last: what used this Redis closes first.
  await Promise.all(redisServers.splice(0).map(stopRedis));
});
afterAll(async () => {
  await database?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A distributed serve in this process and `workers` worker processes, on one Redis prefix. */
async function cluster(options: { redisUrl: string; workers: number; gateDir?: string; storeDir?: string }) {
  const backend = { kind: 'distributed' as const, redisUrl: options.redisUrl, postgresUrl: database!.url, storeDir: options.storeDir ?? mkdtempSync(join(scratch, 'store-')), queuePrefix: freshQueuePrefix() };
  const logs = new LogRecorder();
  const running: RunningService = await startService({ backend, port: 0, log: logs.log, uploadsPerMinute: 1000 });
  const tokens = {
    reader: (await issueToken(running.store, 'reader', 'reader')).secret,
    uploader: (await issueToken(running.store, 'uploader', 'uploader')).secret,
    admin: (await issueToken(running.store, 'admin', 'admin')).secret,
  };
  const service = wrapService(running, backend.storeDir, logs, tokens, false);
  services.push(service);
  const workerOptions = { backend, analysisThreads: 1, lockDurationMs: 3_000, stalledIntervalMs: 1_000, analysisRetry: { attempts: 3, backoffMs: 200 } };
  const workers = await Promise.all(
    Array.from({ length: options.workers }, () => startServiceProcess({ role: 'worker', options: workerOptions, ...(options.gateDir ? { gateDir: options.gateDir } : {}) })),
  );
  processes.push(...workers);
  return { service, workers, backend, workerOptions };
}

describe.skipIf(!postgres || !redis)('distributed mode (PostgreSQL, Redis, worker processes)', () => {
  it('analyses 20 concurrent uploads over two workers, each exactly once', async () => {
    const { service, workers } = await cluster({ redisUrl: redis!, workers: 2 });
    const bundles = [...['flagship-v1.4.1.zip', 'healthy-v1.4.2-3node.zip', 'flagship-v1.4.1.tar.gz'].map(fixture), ...Array.from({ length: 17 }, (_, index) => generatedBundle(2000 + index))];
    const answers = await Promise.all(bundles.map((bundle) => service.upload(bundle.bytes, `?fileName=${bundle.name}`)));
    expect(answers.map((answer) => answer.status)).toEqual(bundles.map(() => 202));
    const finished = await Promise.all(answers.map((answer) => service.finished(answer.body.analysisId, 600_000)));
    expect(finished.map((analysis) => [analysis.status, analysis.attempts])).toEqual(bundles.map(() => ['done', 1]));
    const started = workers.flatMap((worker) => worker.logs.filter((entry) => entry.event === 'analysis.started').map((entry) => entry.fields!.analysisId));
    expect(started.sort()).toEqual(answers.map((answer) => answer.body.analysisId).sort());
    // Both workers took a share.
    // A worker records the analysis before its log line reaches this process through the pipe.
    await waitFor('every worker to log analysis.done', () => workers.every((worker) => worker.logs.some((entry) => entry.event === 'analysis.done')), 10_000).catch(() => undefined);
    expect(workers.every((worker) => worker.logs.some((entry) => entry.event === 'analysis.done'))).toBe(true);
    expect(finished[0]!.summary!.headline).toBe(S01);
  }, 900_000);

  it('runs again, in another worker, an analysis whose worker was killed (SIGKILL) mid-analysis', async () => {
    const gateDir = mkdtempSync(join(scratch, 'gate-'));
    const { service, workers, workerOptions } = await cluster({ redisUrl: redis!, workers: 1, gateDir });
    const { body } = await service.upload(generatedBundle(3001).bytes);
    // The worker has started the analysis (recorded as running) and holds it at the gate.
    await waitFor('the analysis to start', () => existsSync(join(gateDir, `${body.analysisId}.started`)));
    expect(((await (await service.request(`/api/analyses/${body.analysisId}`)).json()) as { status: string }).status).toBe('running');
    expect(await workers[0]!.kill('SIGKILL')).toBe('SIGKILL');

    const rescuer = await startServiceProcess({ role: 'worker', options: workerOptions });
    processes.push(rescuer);
    const analysis = await service.finished(body.analysisId, 120_000);
    expect(analysis).toMatchObject({ status: 'done', attempts: 2 });
    expect(analysis.summary!.headline).toBe(S01);
    await waitFor('the rescuer to log analysis.done', () => rescuer.logs.some((entry) => entry.event === 'analysis.done' && entry.fields?.analysisId === body.analysisId), 10_000).catch(() => undefined);
    expect(rescuer.logs.some((entry) => entry.event === 'analysis.done' && entry.fields?.analysisId === body.analysisId)).toBe(true);
    writeFileSync(join(gateDir, `${body.analysisId}.release`), '');
  }, 300_000);

  it('keeps working when Redis restarts: the workers and the server reconnect', async () => {
    const port = await freePort();
    const redisDir = mkdtempSync(join(scratch, 'redis-'));
    redisServers.push(await startRedis(port, redisDir));
    const { service, workers } = await cluster({ redisUrl: `redis://127.0.0.1:${port}`, workers: 1 });
    const before = (await service.upload(generatedBundle(3002).bytes)).body.analysisId;
    expect((await service.finished(before)).status).toBe('done');

    await stopRedis(redisServers.pop()!);
    redisServers.push(await startRedis(port, redisDir));
    const after = (await service.upload(generatedBundle(3003).bytes)).body.analysisId;
    expect(await service.finished(after, 120_000)).toMatchObject({ status: 'done', attempts: 1 });
    // The analysis is recorded before the worker's log line reaches this process through the pipe.
    await waitFor('the worker to log analysis.done', () => workers[0]!.logs.some((entry) => entry.event === 'analysis.done' && entry.fields?.analysisId === after), 10_000).catch(() => undefined);
    expect(workers[0]!.logs.some((entry) => entry.event === 'analysis.done' && entry.fields?.analysisId === after)).toBe(true);
  }, 300_000);

  it('runs uploads queued while no worker was running once one starts, and a server restart loses none of them', async () => {
    const { service, workerOptions } = await cluster({ redisUrl: redis!, workers: 0 });
    const ids = [];
    for (const seed of [3004, 3005]) ids.push((await service.upload(generatedBundle(seed).bytes)).body.analysisId);
    // The server goes away and comes back; the queue and the records are outside it.
    await service.service.close();
    const logs = new LogRecorder();
    const restarted = await startService({ backend: workerOptions.backend, port: 0, log: logs.log });
    services.splice(services.indexOf(service), 1, wrapService(restarted, workerOptions.backend.storeDir, logs, service.tokens, false));
    const worker = await startServiceProcess({ role: 'worker', options: workerOptions });
    processes.push(worker);
    const again = services.at(-1)!;
    for (const id of ids) expect((await again.finished(id, 120_000)).status).toBe('done');
  }, 300_000);
});

function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (/Ready to accept connections/.test(output)) resolve(server);
    });
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)));
  });
}

function stopRedis(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}
