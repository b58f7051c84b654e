import { openBundle } from '@bundle-triage/core';
import type { KubeObject } from '@bundle-triage/core';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ObjectFeed } from './object-feed.js';
import { TimelineConsumer } from './timeline-consumer.js';

const FLAGSHIP = fileURLToPath(new URL('../../../../testdata/bundles/flagship-v1.4.1.zip', import.meta.url));

describe('the object feed', () => {
  it('hands every file the timeline wants over once when no rule decoded it, each events.k8s.io list after its core list', async () => {
    const bundle = await openBundle(FLAGSHIP);
    try {
      const timeline = new TimelineConsumer(bundle, await bundle.facts());
      const given: string[] = [];
      const recording = {
        wants: (path: string) => timeline.wants(path),
        last: (path: string) => timeline.last(path),
        addObjects: (objects: readonly KubeObject[], path: string) => {
          given.push(path);
          timeline.addObjects(objects, path);
        },
      };
      const feed = await ObjectFeed.start(bundle, [recording]);
      await feed.drain();
      const wanted = bundle.index.resourceFiles().filter((file) => timeline.wants(file.path)).map((file) => file.path);
      expect([...given].sort()).toEqual([...wanted].sort());
      expect(new Set(given).size).toBe(given.length);
      const newer = given.filter((path) => path.includes('/events.k8s.io/'));
      expect(newer.length).toBeGreaterThan(0);
      for (const path of newer) {
        const core = path.replace('/events.k8s.io/v1/', '/v1/');
        if (given.includes(core)) expect(given.indexOf(core)).toBeLessThan(given.indexOf(path));
      }
    } finally {
      await bundle.close();
    }
  });
});
