import { loadSiteRules } from '../analysis/site-rules.js';
import { AnalysisEvents } from '../events/analysis-events.js';
import { FileStore } from '../files/file-store.js';
import { silentLog } from '../service-log.js';
import { openPostgresStore } from '../store/postgres-store.js';
import type { WorkerOptions } from './service-options.js';
import { analysisThreads, bullQueue, jobRunner, reachRedis } from './start-service.js';

export interface RunningWorker {
  /** Analyses this worker runs at once. */
  concurrency: number;
  /** Stops taking jobs, lets running ones finish, closes its connections. */
  close(): Promise<void>;
}

/**
 * A worker process of distributed mode: takes analyses and webhook deliveries from BullMQ and
 * runs them with the same JobRunner as embedded mode, in its own analysis threads. Any number
 * of workers may run, on any machine that sees the shared store at the same path. A worker that
 * dies mid-analysis loses nothing: BullMQ gives its job to another worker once its lock expires.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? silentLog;
  const { backend } = options;
  const siteRules = await loadSiteRules(options.ruleDirectories ?? []);
  const store = await openPostgresStore(backend.postgresUrl, { onError: (error) => log({ level: 'warn', event: 'postgres.error', message: `postgres: ${error.message}` }) });
  const queue = bullQueue(backend, options, log);
  const threads = analysisThreads(options, siteRules);
  try {
    await reachRedis(queue.ready(), backend.redisUrl);
    const files = new FileStore(backend.storeDir);
    await files.prepare();
    const runner = jobRunner({ store, files, threads, queue, events: new AnalysisEvents(), log }, options, () => options.publicUrl ?? '');
    const workers = queue.startWorkers(runner, {
      analysisConcurrency: threads.size,
      ...(options.lockDurationMs ? { lockDurationMs: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
    });
    await reachRedis(workers.ready(), backend.redisUrl);
    log({ level: 'info', event: 'worker.ready', message: `bundle-triage worker ready: ${threads.size} analysis thread(s)`, fields: { concurrency: threads.size } });
    return {
      concurrency: threads.size,
      close: async () => {
        await workers.close();
        await threads.close();
        await queue.close();
        await store.close();
      },
    };
  } catch (error) {
    await threads.close();
    await queue.close().catch(() => undefined);
    await store.close();
    throw error;
  }
}
