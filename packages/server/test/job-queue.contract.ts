/**
 * The contract of the job queue, run against the embedded queue (a table in real SQLite) and
 * BullMQ (real Redis): each job runs once however often it is queued; a job that throws runs
 * again after its backoff and knows its last attempt; a queue that gives up says so.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { JobContext, JobHandlers, JobQueue, RetryPolicy } from '../src/queue/job-queue.js';
import { waitFor } from './helpers/wait-for.js';

export interface QueueFactory {
  /** Starts a queue that runs jobs with these handlers and this retry policy. */
  start(handlers: JobHandlers, retry: RetryPolicy): Promise<{ queue: JobQueue; stop(): Promise<void> }>;
}

interface Call {
  kind: 'analysis' | 'delivery' | 'gaveUp';
  id: string;
  attempt?: number;
  finalAttempt?: boolean;
}

export function jobQueueContract(factory: QueueFactory): void {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  const recordingHandlers = (calls: Call[], behaviour: (call: Call) => void = () => {}): JobHandlers => ({
    async analysis(id: string, job: JobContext) {
      const call = { kind: 'analysis' as const, id, attempt: job.attempt, finalAttempt: job.finalAttempt };
      calls.push(call);
      await job.reportProgress(0.5);
      behaviour(call);
    },
    async delivery(id: string, job: JobContext) {
      const call = { kind: 'delivery' as const, id, attempt: job.attempt, finalAttempt: job.finalAttempt };
      calls.push(call);
      behaviour(call);
    },
    async gaveUp(kind, id) {
      calls.push({ kind: 'gaveUp', id });
      void kind;
    },
  });

  it('runs a job queued twice once, and deliveries with their own handler', async () => {
    const calls: Call[] = [];
    const started = await factory.start(recordingHandlers(calls), { attempts: 3, backoffMs: 50 });
    stop = started.stop;
    const [analysis, delivery] = [randomUUID(), randomUUID()];
    await Promise.all([started.queue.enqueueAnalysis(analysis), started.queue.enqueueAnalysis(analysis), started.queue.enqueueDelivery(delivery)]);
    await waitFor('both jobs to run', () => calls.length >= 2 && calls, 20_000);
    // Queued again after it ran: the handler sees it again and, in the service, finds it finished.
    expect(calls.filter((call) => call.kind === 'analysis' && call.id === analysis)).toHaveLength(1);
    expect(calls).toContainEqual({ kind: 'delivery', id: delivery, attempt: 1, finalAttempt: false });
  });

  it('runs a failing job again after its backoff, tells the last attempt, and gives up after it', async () => {
    const calls: Call[] = [];
    const failing = randomUUID();
    const recovering = randomUUID();
    const started = await factory.start(
      recordingHandlers(calls, (call) => {
        if (call.id === failing || (call.id === recovering && call.attempt === 1)) throw new Error(`attempt ${call.attempt} failed`);
      }),
      { attempts: 3, backoffMs: 100 },
    );
    stop = started.stop;
    await started.queue.enqueueAnalysis(failing);
    await started.queue.enqueueAnalysis(recovering);
    await waitFor('the failing job to be given up', () => calls.some((call) => call.kind === 'gaveUp' && call.id === failing), 30_000);
    await waitFor('the recovering job to run twice', () => calls.filter((call) => call.id === recovering).length === 2, 30_000);
    expect(calls.filter((call) => call.id === failing && call.kind === 'analysis').map((call) => [call.attempt, call.finalAttempt])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(calls.filter((call) => call.id === recovering).map((call) => call.attempt)).toEqual([1, 2]);
    expect(calls.filter((call) => call.kind === 'gaveUp').map((call) => call.id)).toEqual([failing]);
  });
}
