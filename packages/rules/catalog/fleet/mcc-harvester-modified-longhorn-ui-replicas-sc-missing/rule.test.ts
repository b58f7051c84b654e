import { describe, expect, it } from 'vitest';
import { mccHarvesterModifiedLonghornUiReplicasScMissing } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';
const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-modified-longhorn-ui-replicas-sc-missing';

describe(`${ID} (S07)`, () => {
  it('fails when harvester-longhorn is missing and longhorn-ui replicas drifted', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedLonghornUiReplicasScMissing(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `An upgrade would be refused with 'managed chart harvester is not ready, please wait for it to be ready': mcc-harvester is Modified because StorageClass harvester-longhorn is missing from the cluster (longhorn-ui drift: {"spec":{"replicas":2}}).`,
    );
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'message:');
    expectCited(builder, run.finding, FLEET_BUNDLES, /modifiedStatus\/1\/missing$/, 'missing: true');
  });

  it('does not fire when only longhorn-ui drifted and harvester-longhorn is still there', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedLonghornUiReplicasScMissing(builder, { keepStorageClass: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
