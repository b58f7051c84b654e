import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedJobQueue } from '../src/queue/embedded-job-queue.js';
import { SqliteClient } from '../src/store/sqlite-client.js';
import { jobQueueContract } from './job-queue.contract.js';
import { waitFor } from './helpers/wait-for.js';

const scratch = mkdtempSync(join(tmpdir(), 'bt-queue-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the embedded job queue (a table in SQLite)', () => {
  jobQueueContract({
    async start(handlers, retry) {
      const sql = new SqliteClient(':memory:');
      const queue = await EmbeddedJobQueue.open(sql, { analysisConcurrency: 2, analysisRetry: retry, deliveryRetry: retry, log: () => {} });
      queue.start(handlers);
      return { queue, stop: async () => (await queue.close(), await sql.close()) };
    },
  });

  it('runs again, after a restart, a job that was running when the process stopped', async () => {
    const file = join(scratch, 'restart.db');
    const first = new SqliteClient(file);
    const queue = await EmbeddedJobQueue.open(first, { analysisConcurrency: 1, log: () => {} });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let running = false;
    queue.start({
      analysis: async () => {
        running = true;
        await held;
      },
      delivery: async () => {},
      gaveUp: async () => {},
    });
    await queue.enqueueAnalysis('interrupted');
    await queue.enqueueAnalysis('waiting');
    await waitFor('the first job to start', () => running);
    // The process "dies": its connection goes away with the job still active.
    await first.close().catch(() => undefined);
    release();

    const second = new SqliteClient(file);
    const ran: string[] = [];
    const reopened = await EmbeddedJobQueue.open(second, { analysisConcurrency: 1, log: () => {} });
    reopened.start({ analysis: async (id) => void ran.push(id), delivery: async () => {}, gaveUp: async () => {} });
    await waitFor('both jobs to run after the restart', () => ran.length === 2);
    expect(ran.sort()).toEqual(['interrupted', 'waiting']);
    expect(await reopened.pending()).toBe(0);
    await reopened.close();
    await second.close();
  });
});
