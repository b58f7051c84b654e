import { describe, expect, it } from 'vitest';
import { twoNodeRke2AgentLbLost } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('two-node-rke2-agent-lb-lost');

describe('two-node-rke2-agent-lb-lost (S25)', () => {
  it('fails on a two-node cluster whose worker is NotReady while the management node is Pre-drained', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 2, seed: 25 });
    twoNodeRke2AgentLbLost(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'Two-node cluster stuck in upgrade hvst-upgrade-7xk2p: node states are Pre-drained, Images preloaded while worker harvester-node-1 is NotReady (its rke2-agent load balancer lost the API server after rke2-server restarted).',
    );
    expectCites(bundle, run, 'yamls/cluster/v1/nodes.yaml', 'status: Unknown');
    expectCites(bundle, run, 'yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/upgrades.yaml', 'state: Pre-drained');
  });

  it('does not fire while the worker is Ready (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 2, seed: 25 });
    twoNodeRke2AgentLbLost(bundle, { workerReady: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
