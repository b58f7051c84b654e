import { describe, expect, it } from 'vitest';
import { singleReplicaVolumeBlocksDrain } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('single-replica-volume-blocks-drain');

describe('single-replica-volume-blocks-drain (S29)', () => {
  it('fails when the only replica of a single-replica volume is on the Pre-drained node', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 29 });
    const volume = singleReplicaVolumeBlocksDrain(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(new RegExp(`^Node harvester-node-1 is stuck in Pre-drained: single-replica volume ${volume} \\(PVC default/\\S+\\) has its only replica ${volume}-r-1 there, so the drain cannot finish\\.$`));
    expectCites(bundle, run, 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', 'numberOfReplicas: 1');
    expectCites(bundle, run, 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/replicas.yaml', 'nodeID: harvester-node-1');
  });

  it('does not fire when the single replica lives on another node (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 29 });
    singleReplicaVolumeBlocksDrain(bundle, { replicaElsewhere: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
