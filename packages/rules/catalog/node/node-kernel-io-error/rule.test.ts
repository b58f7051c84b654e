import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeKernelIoError } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-io-error',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelIoError(cluster),
  // An empty virtual CD-ROM of the BMC: its I/O errors say nothing about the node's storage.
  nearMiss: (cluster) => nodeKernelIoError(cluster, { device: 'sr0' }),
  status: 'fail',
  message: (node) =>
    `2 I/O error(s) on sdb (${node as string}) in the 24 hours up to the bundle, the last one 40m before it: a local disk failing, or a Longhorn volume attached over iSCSI that lost its replicas`,
  file: 'logs/kernel.log',
  proof: 'I/O error, dev sdb, sector 2048 op 0x1:(WRITE)',
});

describe('node-kernel-io-error over many lines on several nodes', () => {
  it('counts the age from the latest line, though more lines matched than a condition keeps and a later node logged an older one', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 75 });
    const [first, second] = cluster.nodes.map((node) => node.name);
    // 150 errors on the first node, the latest 5 minutes before the bundle; one on the second node (read after it), 3 hours before.
    kernelMessages(cluster, first!, Array.from({ length: 150 }, (_, index) => [5 + (149 - index), `blk_update_request: I/O error, dev sdb, sector ${2048 + index} op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0`] as const));
    kernelMessages(cluster, second!, [[180, 'blk_update_request: I/O error, dev sdc, sector 4096 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0']]);
    const run = await runRule(await catalogRule('node-kernel-io-error'), cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/^151 I\/O error\(s\) on .* in the 24 hours up to the bundle, the last one 5m before it:/);
  });
});
