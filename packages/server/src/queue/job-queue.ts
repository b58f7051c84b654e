/**
 * The queue of work: analyses, and webhook deliveries. Embedded mode keeps it in the SQLite
 * database (restart-safe, one process); distributed mode is BullMQ on Redis (any number of
 * worker processes, stalled-job recovery). Both call the same JobHandlers.
 */
export interface JobQueue {
  /** Makes sure the analysis will run; queueing one that is already queued does nothing. */
  enqueueAnalysis(analysisId: string): Promise<void>;
  /** Queues a webhook delivery; idempotent per delivery id. */
  enqueueDelivery(deliveryId: string): Promise<void>;
  close(): Promise<void>;
}

/** What a job knows about itself. */
export interface JobContext {
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows if this one throws: the handler records the failure itself. */
  finalAttempt: boolean;
  /** Progress for the queue's own observers (BullMQ progress events). */
  reportProgress(progress: number): Promise<void>;
}

/** The work itself. A handler that throws (and is not on its final attempt) is retried with backoff. */
export interface JobHandlers {
  analysis(analysisId: string, job: JobContext): Promise<void>;
  delivery(deliveryId: string, job: JobContext): Promise<void>;
  /** The queue gave up on a job without its handler's word (stalled too often). */
  gaveUp(kind: 'analysis' | 'delivery', id: string, reason: string): Promise<void>;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Delay before the second try; doubled for each one after. */
  backoffMs: number;
}

export const DEFAULT_ANALYSIS_RETRY: RetryPolicy = { attempts: 3, backoffMs: 5_000 };
export const DEFAULT_DELIVERY_RETRY: RetryPolicy = { attempts: 6, backoffMs: 2_000 };
