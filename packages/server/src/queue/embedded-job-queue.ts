import type { ServiceLog } from '../service-log.js';
import type { SqlClient } from '../store/sql-client.js';
import { DEFAULT_ANALYSIS_RETRY, DEFAULT_DELIVERY_RETRY, type JobHandlers, type JobQueue, type RetryPolicy } from './job-queue.js';

export interface EmbeddedJobQueueOptions {
  /** Analyses at once (the number of analysis threads). */
  analysisConcurrency: number;
  deliveryConcurrency?: number;
  analysisRetry?: RetryPolicy;
  deliveryRetry?: RetryPolicy;
  log: ServiceLog;
}

type JobKind = 'analysis' | 'delivery';

interface JobRow {
  id: string;
  kind: JobKind;
  target: string;
  attempts: number;
  run_after: number;
}

/**
 * The queue of embedded mode: a table in the service's SQLite database, so queued work survives
 * a restart. One process owns the data folder (see lockDataFolder), so jobs left `active` by a
 * crash are simply waiting again at start. Work is dispatched at once when queued; retries wait
 * for their backoff on a timer.
 */
export class EmbeddedJobQueue implements JobQueue {
  readonly #sql: SqlClient;
  readonly #options: Required<EmbeddedJobQueueOptions>;
  #handlers: JobHandlers | undefined;
  readonly #active = { analysis: 0, delivery: 0 };
  readonly #running = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #pumping: Promise<void> | undefined;
  #pumpAgain = false;

  private constructor(sql: SqlClient, options: EmbeddedJobQueueOptions) {
    this.#sql = sql;
    this.#options = {
      deliveryConcurrency: 4,
      analysisRetry: DEFAULT_ANALYSIS_RETRY,
      deliveryRetry: DEFAULT_DELIVERY_RETRY,
      ...options,
    };
  }

  static async open(sql: SqlClient, options: EmbeddedJobQueueOptions): Promise<EmbeddedJobQueue> {
    await sql.run(`CREATE TABLE IF NOT EXISTS embedded_jobs (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, state TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, run_after BIGINT NOT NULL, last_error TEXT)`);
    // Whatever was running when the process stopped runs again.
    await sql.run(`UPDATE embedded_jobs SET state = 'waiting' WHERE state = 'active'`);
    return new EmbeddedJobQueue(sql, options);
  }

  /** Starts running jobs with these handlers. */
  start(handlers: JobHandlers): void {
    this.#handlers = handlers;
    this.#pump();
  }

  async enqueueAnalysis(analysisId: string): Promise<void> {
    await this.#enqueue('analysis', analysisId);
  }

  async enqueueDelivery(deliveryId: string): Promise<void> {
    await this.#enqueue('delivery', deliveryId);
  }

  /** Jobs waiting or running (for tests and the health page). */
  async pending(): Promise<number> {
    const [row] = await this.#sql.query<{ n: number }>('SELECT count(*) AS n FROM embedded_jobs');
    return Number(row?.n ?? 0);
  }

  /** Stops taking jobs and waits for the running ones (their threads are stopped by the caller). */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await Promise.allSettled([...this.#running]);
  }

  async #enqueue(kind: JobKind, target: string): Promise<void> {
    await this.#sql.run(`INSERT INTO embedded_jobs (id, kind, target, state, run_after) VALUES ($1, $2, $3, 'waiting', $4) ON CONFLICT (id) DO NOTHING`, [
      `${kind}:${target}`,
      kind,
      target,
      Date.now(),
    ]);
    this.#pump();
  }

  /** Claims and starts whatever may run now; one pass at a time. */
  #pump(): void {
    if (!this.#handlers || this.#closed) return;
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = this.#claimAndStart()
      .catch((error: unknown) => this.#options.log({ level: 'error', event: 'queue.error', message: `embedded queue: ${(error as Error).message}` }))
      .finally(() => {
        this.#pumping = undefined;
        if (this.#pumpAgain) {
          this.#pumpAgain = false;
          this.#pump();
        }
      });
  }

  async #claimAndStart(): Promise<void> {
    // One "now" for claiming and for the next wake-up: a job not due at this instant is the one
    // the timer is set for (a timer may fire a millisecond before the clock says it is due).
    const now = Date.now();
    for (const kind of ['analysis', 'delivery'] as const) {
      const room = (kind === 'analysis' ? this.#options.analysisConcurrency : this.#options.deliveryConcurrency) - this.#active[kind];
      if (room <= 0) continue;
      const jobs = await this.#sql.transaction(async (tx) => {
        const rows = await tx.query<JobRow>(
          `SELECT id, kind, target, attempts, run_after FROM embedded_jobs WHERE state = 'waiting' AND kind = $1 AND run_after <= $2 ORDER BY run_after, id LIMIT $3`,
          [kind, now, room],
        );
        for (const row of rows) await tx.run(`UPDATE embedded_jobs SET state = 'active', attempts = attempts + 1 WHERE id = $1`, [row.id]);
        return rows;
      });
      for (const job of jobs) this.#start(job);
    }
    await this.#scheduleNext(now);
  }

  #start(job: JobRow): void {
    const kind = job.kind;
    const policy = kind === 'analysis' ? this.#options.analysisRetry : this.#options.deliveryRetry;
    const attempt = Number(job.attempts) + 1;
    this.#active[kind] += 1;
    const context = { attempt, finalAttempt: attempt >= policy.attempts, reportProgress: async () => {} };
    const handlers = this.#handlers!;
    const work = (kind === 'analysis' ? handlers.analysis(job.target, context) : handlers.delivery(job.target, context)).then(
      () => this.#sql.run('DELETE FROM embedded_jobs WHERE id = $1', [job.id]),
      async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (context.finalAttempt) {
          await this.#sql.run('DELETE FROM embedded_jobs WHERE id = $1', [job.id]);
          await handlers.gaveUp(kind, job.target, message);
          return;
        }
        const delay = policy.backoffMs * 2 ** (attempt - 1);
        await this.#sql.run(`UPDATE embedded_jobs SET state = 'waiting', run_after = $2, last_error = $3 WHERE id = $1`, [job.id, Date.now() + delay, message]);
      },
    );
    const tracked: Promise<void> = work
      .then(() => undefined)
      .catch((error: unknown) => this.#options.log({ level: 'error', event: 'queue.error', message: `embedded queue: ${(error as Error).message}` }))
      .finally(() => {
        this.#active[kind] -= 1;
        this.#running.delete(tracked);
        this.#pump();
      });
    this.#running.add(tracked);
  }

  /** Wakes up for the earliest retry that was not due at `now`. */
  async #scheduleNext(now: number): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    // Jobs due now but waiting for room start when a running job ends.
    const [next] = await this.#sql.query<{ run_after: number | null }>(`SELECT min(run_after) AS run_after FROM embedded_jobs WHERE state = 'waiting' AND run_after > $1`, [now]);
    if (next?.run_after === null || next?.run_after === undefined) return;
    this.#timer = setTimeout(() => this.#pump(), Math.max(1, Number(next.run_after) - Date.now()));
    this.#timer.unref();
  }
}
