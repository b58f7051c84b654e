import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeLoadHigh } from './fault.js';

describeNodeHealthCheck({
  id: 'node-load-high',
  source: 'supportconfig',
  fault: (cluster) => nodeLoadHigh(cluster),
  // Busy, but within twice the CPUs over 15 minutes: a full hypervisor.
  nearMiss: (cluster) => nodeLoadHigh(cluster, { load: [40.5, 33.1, 31.9] }),
  status: 'warn',
  message: (node) =>
    `${node as string}'s 15-minute load 68.2 is more than four times its 16 CPUs (load 71.3, 69.8, 68.2; up 12:35): its pods and VMs wait for CPU or for I/O`,
  file: 'basic-health-check.txt',
  proof: 'load average: 71.30, 69.80, 68.20',
});

describe('node-load-high', () => {
  it('cites the CPU count where mpstat printed it', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 62 });
    nodeLoadHigh(cluster, { load: [36.4, 35.0, 34.1] });
    const run = await runRule(await catalogRule('node-load-high'), cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(/15-minute load 34\.1 is more than twice its 16 CPUs/);
    expect(run.finding!.evidence.map((item) => citedLine(cluster.builder, item))).toEqual([expect.stringContaining('load average: 36.40, 35.00, 34.10'), expect.stringMatching(/\(16 CPU\)$/)]);
  });
});
