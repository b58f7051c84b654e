import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import type { ServiceLog } from '../service-log.js';
import { DEFAULT_ANALYSIS_RETRY, DEFAULT_DELIVERY_RETRY, type JobHandlers, type JobQueue, type RetryPolicy } from './job-queue.js';

export interface BullQueueOptions {
  redisUrl: string;
  /** Redis key prefix: separates services (and tests) sharing one Redis. Default `bundle-triage`. */
  prefix?: string;
  analysisRetry?: RetryPolicy;
  deliveryRetry?: RetryPolicy;
  log: ServiceLog;
}

export interface BullWorkerOptions {
  /** Analyses at once in this process (its analysis threads). */
  analysisConcurrency: number;
  deliveryConcurrency?: number;
  /**
   * How long a job stays locked to a worker without a lock renewal; a worker that dies (SIGKILL)
   * has its job taken back by another after about this long. Default 30 s.
   */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs; default half the lock duration. */
  stalledIntervalMs?: number;
}

const ANALYSIS_QUEUE = 'analyses';
const DELIVERY_QUEUE = 'webhook-deliveries';

/**
 * The queue of distributed mode: BullMQ on Redis. Job ids are the analysis and delivery ids, so
 * queueing twice is one job; retries use BullMQ's exponential backoff; a job whose worker died is
 * found by BullMQ's stalled-job check and run again by another worker.
 */
export class BullJobQueue implements JobQueue {
  readonly #analyses: Queue;
  readonly #deliveries: Queue;
  readonly #options: BullQueueOptions;

  constructor(options: BullQueueOptions) {
    this.#options = options;
    const common = { connection: connectionOptions(options.redisUrl), prefix: options.prefix ?? 'bundle-triage' };
    this.#analyses = new Queue(ANALYSIS_QUEUE, common);
    this.#deliveries = new Queue(DELIVERY_QUEUE, common);
    for (const queue of [this.#analyses, this.#deliveries]) {
      queue.on('error', (error: Error) => options.log({ level: 'warn', event: 'redis.error', message: `redis (queue ${queue.name}): ${error.message}` }));
    }
  }

  async ready(): Promise<void> {
    await Promise.all([this.#analyses.waitUntilReady(), this.#deliveries.waitUntilReady()]);
  }

  async enqueueAnalysis(analysisId: string): Promise<void> {
    const retry = this.#options.analysisRetry ?? DEFAULT_ANALYSIS_RETRY;
    await this.#analyses.add('analyse', { analysisId }, jobOptions(analysisId, retry));
  }

  async enqueueDelivery(deliveryId: string): Promise<void> {
    const retry = this.#options.deliveryRetry ?? DEFAULT_DELIVERY_RETRY;
    await this.#deliveries.add('deliver', { deliveryId }, jobOptions(deliveryId, retry));
  }

  /** Jobs waiting, delayed or running (for tests and the health page). */
  async pending(): Promise<number> {
    const counts = await Promise.all([this.#analyses, this.#deliveries].map((queue) => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    return counts.reduce((sum, count) => sum + Object.values(count).reduce((a, b) => a + b, 0), 0);
  }

  async close(): Promise<void> {
    await Promise.all([this.#analyses.close(), this.#deliveries.close()]);
  }

  /** Runs jobs in this process until closed. */
  startWorkers(handlers: JobHandlers, options: BullWorkerOptions): BullWorkers {
    return new BullWorkers(this.#options, handlers, options);
  }

  /** Progress and state changes of analyses, from whichever worker runs them. */
  analysisEvents(): QueueEvents {
    return new QueueEvents(ANALYSIS_QUEUE, { connection: connectionOptions(this.#options.redisUrl), prefix: this.#options.prefix ?? 'bundle-triage' });
  }
}

/** The two BullMQ workers of one worker process. */
export class BullWorkers {
  readonly #workers: Worker[];

  constructor(queueOptions: BullQueueOptions, handlers: JobHandlers, options: BullWorkerOptions) {
    const lockDuration = options.lockDurationMs ?? 30_000;
    const common = {
      connection: connectionOptions(queueOptions.redisUrl),
      prefix: queueOptions.prefix ?? 'bundle-triage',
      lockDuration,
      stalledInterval: options.stalledIntervalMs ?? Math.max(1_000, Math.floor(lockDuration / 2)),
      // A job whose worker was killed twice is given up (and recorded as an error), not run forever.
      maxStalledCount: 2,
    };
    const context = (job: Job) => {
      const attempts = job.opts.attempts ?? 1;
      const attempt = job.attemptsMade + 1;
      return { attempt, finalAttempt: attempt >= attempts, reportProgress: (progress: number) => job.updateProgress(Math.round(progress * 100)) };
    };
    const analyses = new Worker<{ analysisId: string }>(ANALYSIS_QUEUE, (job) => handlers.analysis(job.data.analysisId, context(job)), {
      ...common,
      concurrency: options.analysisConcurrency,
    });
    const deliveries = new Worker<{ deliveryId: string }>(DELIVERY_QUEUE, (job) => handlers.delivery(job.data.deliveryId, context(job)), {
      ...common,
      concurrency: options.deliveryConcurrency ?? 4,
    });
    this.#workers = [analyses, deliveries];
    analyses.on('failed', (job, error) => {
      if (job && isFinal(job)) void handlers.gaveUp('analysis', job.data.analysisId, error.message);
    });
    deliveries.on('failed', (job, error) => {
      if (job && isFinal(job)) void handlers.gaveUp('delivery', job.data.deliveryId, error.message);
    });
    for (const worker of this.#workers) {
      worker.on('error', (error: Error) => queueOptions.log({ level: 'warn', event: 'redis.error', message: `redis (worker ${worker.name}): ${error.message}` }));
    }
  }

  async ready(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.waitUntilReady()));
  }

  /** Stops taking jobs and waits for the running ones to finish. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.close()));
  }
}

function isFinal(job: Job): boolean {
  return job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(job.failedReason ?? '');
}

function jobOptions(jobId: string, retry: RetryPolicy) {
  return {
    jobId,
    attempts: retry.attempts,
    backoff: { type: 'exponential' as const, delay: retry.backoffMs },
    // Finished jobs are recorded in the metadata store; Redis keeps only work to do.
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/** Workers block on Redis and must retry forever while it is away (BullMQ requires null). */
function connectionOptions(url: string) {
  return { url, maxRetriesPerRequest: null, enableOfflineQueue: true };
}
