import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { nodeNotReady } from '../node-not-ready/fault.js';
import { nodeUnreachableTaint } from './fault.js';

const ID = 'node-unreachable-taint';

describe(ID, () => {
  it('fails for a Ready node that still carries the unreachable taint, saying since when', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const node = nodeUnreachableTaint(builder, { minutesAgo: 75 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `node ${node} is tainted node.kubernetes.io/unreachable:NoExecute (added 1h15m before the bundle was taken): pods that do not tolerate it are evicted from the node and none is scheduled there`,
    );
    expectCited(builder, run.finding, 'yamls/cluster/v1/nodes.yaml', /^\/spec\/taints\/0\/key$/, 'key: node.kubernetes.io/unreachable');
  });

  it('fails with both taints of a node that stopped reporting', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    nodeNotReady(builder, { minutesAgo: 12 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toContain('is tainted node.kubernetes.io/unreachable:NoSchedule, node.kubernetes.io/unreachable:NoExecute (added 12m before');
  });

  it('passes for other taints (KubeVirt\'s drain taint: a near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    nodeUnreachableTaint(builder, { key: 'kubevirt.io/drain', value: 'draining' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
