import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { QueueEvents } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { LoadedDeclarativeRule } from '@bundle-triage/rules';
import { AnalysisThreads } from '../analysis/analysis-threads.js';
import { OpenBundles } from '../browse/open-bundles.js';
import { loadSiteRules } from '../analysis/site-rules.js';
import { ServiceConfigError } from '../errors.js';
import { AnalysisEvents, relayQueueEvents } from '../events/analysis-events.js';
import { FileStore } from '../files/file-store.js';
import { buildApp } from '../http/build-app.js';
import type { ServiceContext } from '../http/service-context.js';
import { BullJobQueue } from '../queue/bullmq-job-queue.js';
import { EmbeddedJobQueue } from '../queue/embedded-job-queue.js';
import type { JobQueue } from '../queue/job-queue.js';
import { removeOldBundles } from '../retention/remove-old-bundles.js';
import { silentLog, type ServiceLog } from '../service-log.js';
import type { MetadataStore } from '../store/metadata-store.js';
import { openPostgresStore, redactUrl } from '../store/postgres-store.js';
import { SqliteClient } from '../store/sqlite-client.js';
import { SqlMetadataStore } from '../store/sql-metadata-store.js';
import { lockDataFolder } from './data-folder-lock.js';
import { JobRunner } from './job-runner.js';
import { DEFAULTS, type AnalysisSettings, type DistributedBackend, type ServiceOptions } from './service-options.js';

export interface RunningService {
  mode: 'embedded' | 'distributed';
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  url: string;
  app: FastifyInstance;
  store: MetadataStore;
  files: FileStore;
  queue: JobQueue;
  /** The bundles the object browser has open now. */
  bundles: OpenBundles;
  /** Stops listening, lets running analyses finish, closes the stores. */
  close(): Promise<void>;
}

/**
 * Starts the service. Embedded (`backend.kind: 'embedded'`): SQLite, files and the job table
 * under one data folder, analyses in worker threads of this process; queued and interrupted
 * analyses resume when it starts again. Distributed: metadata in PostgreSQL, the queue in
 * Redis (BullMQ), files in a shared folder; analyses run in `startWorker` processes.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? silentLog;
  const closers: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await Promise.resolve(close()).catch(() => undefined);
  };
  // Known once the server listens; webhook links made before that (a resumed job) use the option.
  let publicUrl = options.publicUrl ?? '';
  try {
    const backend = options.backend;
    const events = new AnalysisEvents();
    let store: MetadataStore;
    let files: FileStore;
    let queue: JobQueue;

    if (backend.kind === 'embedded') {
      // Before anything is opened: a refused rule stops the start with nothing to undo.
      const siteRules = await loadSiteRules(options.ruleDirectories ?? []);
      const dataDir = resolve(backend.dataDir);
      await mkdir(dataDir, { recursive: true });
      closers.push(lockDataFolder(dataDir));
      const sql = new SqliteClient(join(dataDir, 'triage.db'));
      closers.push(() => sql.close());
      store = await SqlMetadataStore.open(sql);
      files = new FileStore(dataDir);
      await files.prepare();
      const threads = analysisThreads(options, siteRules);
      const embedded = await EmbeddedJobQueue.open(sql, {
        analysisConcurrency: threads.size,
        log,
        ...(options.analysisRetry ? { analysisRetry: options.analysisRetry } : {}),
        ...(options.deliveryRetry ? { deliveryRetry: options.deliveryRetry } : {}),
      });
      closers.push(() => threads.close());
      closers.push(() => embedded.close());
      queue = embedded;
      const runner = jobRunner({ store, files, threads, queue, events, log }, options, () => publicUrl);
      for (const id of await store.unfinishedAnalyses()) await queue.enqueueAnalysis(id);
      embedded.start(runner);
    } else {
      if ((options.ruleDirectories ?? []).length > 0) {
        throw new ServiceConfigError('in distributed mode the workers run the analyses: give the rule folders to each bundle-triage worker (--rules), not to serve');
      }
      store = await openPostgresStore(backend.postgresUrl, { onError: (error) => log({ level: 'warn', event: 'postgres.error', message: `postgres: ${error.message}` }) });
      closers.push(() => store.close());
      files = new FileStore(backend.storeDir);
      await files.prepare();
      const bull = bullQueue(backend, options, log);
      closers.push(() => bull.close());
      await reachRedis(bull.ready(), backend.redisUrl);
      const queueEvents: QueueEvents = bull.analysisEvents();
      closers.push(() => queueEvents.close());
      relayQueueEvents(queueEvents, events);
      queue = bull;
      // Uploads recorded just before a crash of a server may not have reached the queue.
      for (const id of await store.unfinishedAnalyses()) await queue.enqueueAnalysis(id);
    }

    // Closed after the HTTP server (closers run in reverse): no request is reading them then.
    const bundles = new OpenBundles({ tempDir: files.workDir, ...options.openBundles });
    closers.push(() => bundles.close());
    const context: ServiceContext = {
      mode: backend.kind,
      store,
      files,
      bundles,
      queue,
      events,
      log,
      settings: {
        open: options.open ?? false,
        maxUploadBytes: options.maxUploadBytes ?? DEFAULTS.maxUploadBytes,
        uploadsPerMinute: options.uploadsPerMinute ?? DEFAULTS.uploadsPerMinute,
        retentionDays: options.retentionDays ?? 0,
        trustProxy: options.trustProxy ?? false,
      },
    };
    const app = await buildApp(context);
    closers.push(() => app.close());
    const address = await app.listen({ host: options.host ?? DEFAULTS.host, port: options.port ?? DEFAULTS.port });
    const url = address.replace('://[::1]', '://localhost');

    if (context.settings.retentionDays > 0) {
      const timer = setInterval(() => {
        removeOldBundles(store, files, context.settings.retentionDays, log).catch((error: unknown) =>
          log({ level: 'error', event: 'retention.error', message: `retention: ${(error as Error).message}` }),
        );
      }, options.retentionIntervalMs ?? DEFAULTS.retentionIntervalMs);
      timer.unref();
      closers.push(() => clearInterval(timer));
    }
    log({ level: 'info', event: 'service.listening', message: `listening on ${url} (${backend.kind} mode)`, fields: { url, mode: backend.kind } });
    publicUrl = options.publicUrl ?? url;
    return { mode: backend.kind, url, app, store, files, queue, bundles, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export function analysisThreads(options: AnalysisSettings, siteRules: readonly LoadedDeclarativeRule[]): AnalysisThreads {
  return new AnalysisThreads({
    threads: options.analysisThreads ?? DEFAULTS.analysisThreads,
    siteRules,
    ...(options.threadUrl ? { threadUrl: options.threadUrl } : {}),
    ...(options.analysisMemoryMb ? { maxMemoryMb: options.analysisMemoryMb } : {}),
    ...(options.analysisTimeoutMs ? { timeoutMs: options.analysisTimeoutMs } : {}),
  });
}

export function jobRunner(
  parts: Pick<ConstructorParameters<typeof JobRunner>[0], 'store' | 'files' | 'threads' | 'queue' | 'events' | 'log'>,
  options: AnalysisSettings,
  publicUrl: () => string,
): JobRunner {
  return new JobRunner({
    ...parts,
    get publicUrl() {
      return publicUrl();
    },
    ...(options.webhookTimeoutMs ? { webhookTimeoutMs: options.webhookTimeoutMs } : {}),
    ...(options.beforeAnalysis ? { beforeAnalysis: options.beforeAnalysis } : {}),
  });
}

/** The BullMQ queue of a distributed server or worker. */
export function bullQueue(backend: DistributedBackend, options: AnalysisSettings, log: ServiceLog): BullJobQueue {
  return new BullJobQueue({
    redisUrl: backend.redisUrl,
    log,
    ...(backend.queuePrefix ? { prefix: backend.queuePrefix } : {}),
    ...(options.analysisRetry ? { analysisRetry: options.analysisRetry } : {}),
    ...(options.deliveryRetry ? { deliveryRetry: options.deliveryRetry } : {}),
  });
}

/** Waits for Redis at start, and says so in one line when it cannot be reached. */
export async function reachRedis(ready: Promise<void>, url: string, timeoutMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceConfigError(`${redactUrl(url)}: cannot reach Redis within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type { ServiceLog };
