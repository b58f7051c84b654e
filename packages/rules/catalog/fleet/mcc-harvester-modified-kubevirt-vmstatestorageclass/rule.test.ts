import { describe, expect, it } from 'vitest';
import { mccHarvesterModifiedKubevirtVmStateStorageClass } from './fault.js';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';

const ID = 'mcc-harvester-modified-kubevirt-vmstatestorageclass';

describe(`${ID} (S05)`, () => {
  it('fails when the KubeVirt CR is modified on vmStateStorageClass during the upgrade to v1.5.0', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedKubevirtVmStateStorageClass(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `Fleet bundle fleet-local/mcc-harvester is 0/1 and Modified on 'kubevirt.kubevirt.io harvester-system/kubevirt modified {"spec":{"configuration":{"vmStateStorageClass"…': the kubevirts.kubevirt.io CRD is older than the v1.5.0 chart, so the upgrade waits for mcc-harvester forever (6 apply-manifests retry lines).`,
    );
    expectCited(builder, run.finding, FLEET_BUNDLES, /modifiedStatus\/0\/patch$/, 'vmStateStorageClass');
    const log = run.finding!.evidence.find((item) => item.path.endsWith('/apply.log'))!;
    expect(citedLine(builder, log)).toContain('Current state: WaitApplied');
    expect(run.finding?.remediation?.patch?.diff).toContain('forceSyncGeneration: 1');
  });

  it('does not fire when the KubeVirt CR differs on another field (a direct edit, S13)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedKubevirtVmStateStorageClass(builder, { patch: '{"spec":{"configuration":{"developerConfiguration":{"featureGates":["LiveMigration"]}}}}' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
