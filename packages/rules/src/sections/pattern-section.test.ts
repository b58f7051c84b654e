import { openBundle, splitLogLine } from '@bundle-triage/core';
import type { Finding } from '@bundle-triage/report';
import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../../testdata/generator/healthy-cluster.js';
import { logrus } from '../../../../testdata/generator/pod-logs.js';
import { logEvidence } from '../engine/build-evidence.js';
import { MAX_EXCERPT } from '../rule/evidence-excerpt.js';
import { LogPass } from '../logs/log-pass.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { patternSection } from './pattern-section.js';

describe('the templates a finding explains', () => {
  it('matches a cited log line longer than the excerpt on the whole line, not on the cut one', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7 });
    const createdAt = Date.parse(builder.bundleMetadata.bundleCreatedAt);
    const at = (minutesBefore: number) => new Date(createdAt - minutesBefore * 60_000).toISOString();
    // A controller that logs a long error every minute: the report's excerpt keeps its first 240 characters.
    const longError = (index: number) =>
      `failed to sync virtualmachineimage default/image-${index}: rpc error: code = Unknown desc = failed to download backing image: ${'layer '.repeat(30)}from https://images.example.com/${index}.qcow2`;
    builder.addPodLog('harvester-system', 'harvester-7d9c5b7f9-abcde', 'apiserver', Array.from({ length: 30 }, (_, index) => logrus(at(40 - index), 'error', longError(index))));
    const bundle = await openBundle(builder.toZip());
    try {
      const pass = new LogPass(bundle, { planned: [], pattern: (source) => new SafePattern(source), bundleCreatedAt: createdAt });
      const mined = await pass.patterns();
      const log = bundle.logs({ namespace: 'harvester-system' }).find((file) => file.pod === 'harvester-7d9c5b7f9-abcde')!;
      let cited: { line: number; raw: string } | undefined;
      for await (const line of log.lines()) if (line.line === 10) cited = { line: line.line, raw: line.raw };
      const evidence = logEvidence(log.path, cited!.line, cited!.raw);
      expect(evidence.excerpt).toHaveLength(MAX_EXCERPT);
      const whole = await pass.templateOf(splitLogLine(cited!.raw, log.timestampStyle, createdAt).text, log);
      expect(whole).toBeDefined();
      // The cut line alone is not the template's: without reading the line again nothing is claimed.
      expect(await pass.templateOf(splitLogLine(evidence.excerpt, log.timestampStyle, createdAt).text, log)).not.toBe(whole);

      const finding = { ruleId: 'image-download-failing', status: 'fail', fingerprint: 'f', evidence: [evidence] } as unknown as Finding;
      const { claims } = await patternSection(mined, [{ finding, objects: [] }], (text, file) => pass.templateOf(text, file), bundle, createdAt);
      expect([...claims.get(finding)!]).toEqual([whole]);
    } finally {
      await bundle.close();
    }
  });
});
