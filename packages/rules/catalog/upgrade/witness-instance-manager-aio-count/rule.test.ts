import { describe, expect, it } from 'vitest';
import { witnessInstanceManagerAioCount } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('witness-instance-manager-aio-count');

describe('witness-instance-manager-aio-count (S26)', () => {
  it('fails on the aio count loop when a witness node exists', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 26 });
    witnessInstanceManagerAioCount(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'apply-manifests keeps retrying "instance-manager (aio) (image=longhornio/longhorn-instance-manager:v1.6.2) count is not 1 on node harvester-node-2, will retry..." (20 times) on a cluster with witness node harvester-node-2.',
    );
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expectCites(bundle, run, log.path, 'count is not 1 on node harvester-node-2');
    expectCites(bundle, run, 'yamls/cluster/v1/nodes.yaml', 'node-role.harvesterhci.io/witness');
  });

  it('does not fire without a witness node (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 26 });
    witnessInstanceManagerAioCount(bundle, { witness: false });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
