import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { precheckNodeFreeSpace } from './fault.js';

describeNodeHealthCheck({
  id: 'precheck-node-free-space',
  source: 'supportconfig',
  fault: (cluster) => precheckNodeFreeSpace(cluster),
  nearMiss: (cluster) => precheckNodeFreeSpace(cluster, { usedGiB: 141 }),
  status: 'fail',
  message: (node) =>
    `Node-Free-Space Test: Failed — Node "${node as string}" doesn't have enough free space: 150G of 183G used on COS_PERSISTENT (/usr/local, where kubelet and containerd keep images), and 13 GiB of new images takes it past 85 % of the capacity`,
  file: 'fs-diskio.txt',
  proof: /^\/dev\/sda5\s+ext4\s+183G\s+150G\s+33G\s+82% \/usr\/local$/,
});

describe('precheck-node-free-space near its threshold', () => {
  it('warns, naming df -h\'s rounding and the exact command, when the rounded figures straddle 85 %', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 42 });
    const node = precheckNodeFreeSpace(cluster, { usedGiB: 143 });
    const run = await runRule(await catalogRule('precheck-node-free-space'), cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain(`within df -h's rounding (whole GiB, rounded up) of 85 % of the capacity`);
    expect(run.finding!.message).toContain(`kubectl get --raw /api/v1/nodes/${node}/proxy/stats/summary`);
    expect(citedLine(cluster.builder, run.finding!.evidence[0]!)).toMatch(/143G.*\/usr\/local$/);
  });
});
