import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../../packages/server/test/helpers/built-server.js';
import { startTestService, type TestService } from '../../packages/server/test/helpers/test-service.js';
import { mixedBundles } from './test-bundles.js';

let service: TestService;
beforeAll(async () => {
  assertBuilt();
  service = await startTestService({ uploadsPerMinute: 1000 });
});
afterAll(() => service?.close());

describe('50 concurrent uploads (embedded mode)', () => {
  it('analyses every distinct bundle exactly once and loses none, duplicates included', async () => {
    const bundles = await mixedBundles(50, 40);
    const answers = await Promise.all(bundles.map((bundle) => service.upload(bundle.bytes, `?fileName=${encodeURIComponent(bundle.name)}`)));
    expect(answers.map((answer) => answer.status)).toEqual(bundles.map(() => 202));

    // The same content always answers with the same analysis; different content with different ones.
    const byContent = new Map<string, Set<string>>();
    bundles.forEach((bundle, index) => {
      const sha = createHash('sha256').update(bundle.bytes).digest('hex');
      byContent.set(sha, (byContent.get(sha) ?? new Set()).add(answers[index]!.body.analysisId));
    });
    expect(byContent.size).toBe(40);
    expect([...byContent.values()].every((ids) => ids.size === 1)).toBe(true);
    const ids = [...new Set(answers.map((answer) => answer.body.analysisId))];
    expect(ids).toHaveLength(40);

    const finished = await Promise.all(ids.map((id) => service.finished(id, 600_000)));
    expect(finished.filter((analysis) => analysis.status !== 'done').map((analysis) => analysis.error)).toEqual([]);
    expect(finished.map((analysis) => analysis.attempts)).toEqual(ids.map(() => 1));
    for (const id of ids) {
      expect(service.logs.entries.filter((entry) => entry.event === 'analysis.started' && entry.fields?.analysisId === id), id).toHaveLength(1);
      expect(service.logs.entries.filter((entry) => entry.event === 'analysis.done' && entry.fields?.analysisId === id), id).toHaveLength(1);
    }
    const listed = (await (await service.request('/api/analyses?limit=200')).json()) as { total: number };
    expect(listed.total).toBe(40);
    expect(await (service.service.queue as unknown as { pending(): Promise<number> }).pending()).toBe(0);
  }, 900_000);
});
