import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../../testdata/generator/healthy-cluster.js';
import { logrus } from '../../../../testdata/generator/pod-logs.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { anyCaseSource, searchKey, type LogSearch } from './log-search.js';
import { LogPass } from './log-pass.js';
import { SharedLogScans } from './shared-log-scans.js';

describe('a prefilter in any case', () => {
  it('matches each literal in any case of its ASCII letters and nothing else, over the bytes read as latin1', () => {
    const pattern = new RegExp(anyCaseSource(['error', 'I/O (x)', 'naïve']));
    for (const text of ['error', 'Error:', 'level=ERROR', 'eRRoR', 'an i/o (X) fault', Buffer.from('NAïVE', 'utf8').toString('latin1')]) expect(pattern.test(text), text).toBe(true);
    for (const text of ['err or', 'I/O x', 'naive']) expect(pattern.test(text), text).toBe(false);
  });

  it('is another search than the same literals matched exactly', () => {
    const exact: LogSearch = { pattern: 'error', prefilter: ['error'] };
    expect(searchKey({ ...exact, prefilterAnyCase: true })).not.toBe(searchKey(exact));
  });

  it('lets the pattern see every spelling it matches, in one scan beside an exact search of the same log, with or without the miner', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7 });
    const createdAt = Date.parse(builder.bundleMetadata.bundleCreatedAt);
    const at = (minutesBefore: number) => new Date(createdAt - minutesBefore * 60_000).toISOString();
    const lines = ['error: disk full', 'Error syncing volume', 'ERROR from webhook', 'eRRoR odd spelling', 'all good', 'retrying'];
    builder.addPodLog('harvester-system', 'harvester-7d9c5b7f9-abcde', 'apiserver', lines.map((text, index) => logrus(at(30 - index), 'info', text)));
    const bundle = await openBundle(builder.toZip());
    try {
      const file = bundle.logs({ namespace: 'harvester-system' }).find((log) => log.pod === 'harvester-7d9c5b7f9-abcde')!;
      const anyCase: LogSearch = { pattern: '(?i:\\berror\\b)', prefilter: ['error'], prefilterAnyCase: true };
      const exact: LogSearch = { pattern: 'error', prefilter: ['error'] };
      const pattern = (source: string) => new SafePattern(source);
      const planned = [
        { file, search: anyCase },
        { file, search: exact },
      ];
      for (const scans of [new SharedLogScans(planned, pattern), new LogPass(bundle, { planned, pattern, bundleCreatedAt: createdAt })]) {
        expect((await scans.search(file, anyCase)).count).toBe(4);
        expect((await scans.search(file, exact)).count).toBe(1);
      }
    } finally {
      await bundle.close();
    }
  });
});
