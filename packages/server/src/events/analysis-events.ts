import { EventEmitter } from 'node:events';
import type { QueueEvents } from 'bullmq';

/** "This analysis changed": readers look up its record for the new state. */
export interface AnalysisChange {
  analysisId: string;
  /** 0…1 while it runs, when the change is progress. */
  progress?: number;
}

/**
 * Changes of analyses, for the server-sent events of the web UI and API. In embedded mode the
 * jobs run in this process and publish here directly; in distributed mode the workers'
 * changes arrive through BullMQ's queue events (Redis streams), see `relayQueueEvents`.
 */
export class AnalysisEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per open event stream: many browsers may watch at once.
    this.#emitter.setMaxListeners(0);
  }

  publish(change: AnalysisChange): void {
    this.#emitter.emit('change', change);
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (change: AnalysisChange) => void): () => void {
    this.#emitter.on('change', listener);
    return () => this.#emitter.off('change', listener);
  }
}

/** Publishes what BullMQ says about analysis jobs of any worker (job ids are analysis ids). */
export function relayQueueEvents(queueEvents: QueueEvents, events: AnalysisEvents): void {
  queueEvents.on('progress', ({ jobId, data }) => events.publish({ analysisId: jobId, ...(typeof data === 'number' ? { progress: data / 100 } : {}) }));
  for (const name of ['added', 'active', 'completed', 'failed', 'retries-exhausted'] as const) {
    queueEvents.on(name as 'added', ({ jobId }: { jobId: string }) => events.publish({ analysisId: jobId }));
  }
}
