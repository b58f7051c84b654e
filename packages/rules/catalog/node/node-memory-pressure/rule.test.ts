import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeMemoryPressure } from './fault.js';

describeNodeHealthCheck({
  id: 'node-memory-pressure',
  source: 'supportconfig',
  fault: (cluster) => nodeMemoryPressure(cluster),
  // 89 % used, no swap: a full hypervisor, not a short one.
  nearMiss: (cluster) => nodeMemoryPressure(cluster, { availableKiB: 7_300_000 }),
  status: 'warn',
  message: (node) =>
    `${node as string} is almost out of memory: 97% used, 1.8 GiB available of 62.7 GiB (free -k); kubelet evicts pods and the kernel's OOM killer ends processes (VMs first, they are the largest) when it runs out`,
  file: 'basic-health-check.txt',
  proof: /^Mem:\s+65777212\s/,
});

describe('node-memory-pressure', () => {
  it('warns at 85 % when the node also swaps, citing the swap line', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 61 });
    const node = nodeMemoryPressure(cluster, { availableKiB: 8_900_000, swapUsedKiB: 2_097_152 });
    const run = await runRule(await catalogRule('node-memory-pressure'), cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(new RegExp(`^${node} swaps with 86% of its memory used: 2 GiB of 8 GiB swap in use`));
    expect(run.finding!.evidence.map((item) => citedLine(cluster.builder, item).split(/\s+/)[0])).toEqual(['Mem:', 'Swap:']);
  });
});
