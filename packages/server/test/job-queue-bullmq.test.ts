import { describe } from 'vitest';
import { BullJobQueue } from '../src/queue/bullmq-job-queue.js';
import { backingService, freshQueuePrefix } from './helpers/backing-services.js';
import { jobQueueContract } from './job-queue.contract.js';

const redis = backingService('redis');

describe.skipIf(!redis)('the BullMQ job queue (Redis)', () => {
  jobQueueContract({
    async start(handlers, retry) {
      const queue = new BullJobQueue({ redisUrl: redis!, prefix: freshQueuePrefix(), analysisRetry: retry, deliveryRetry: retry, log: () => {} });
      await queue.ready();
      const workers = queue.startWorkers(handlers, { analysisConcurrency: 2 });
      await workers.ready();
      return { queue, stop: async () => (await workers.close(), await queue.close()) };
    },
  });
});
