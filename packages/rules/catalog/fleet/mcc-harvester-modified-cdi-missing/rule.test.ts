import { describe, expect, it } from 'vitest';
import { mccHarvesterModifiedCdiMissing } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';

const ID = 'mcc-harvester-modified-cdi-missing';

describe(`${ID} (S06)`, () => {
  it('fails with "apply the CDI CRD" when cdi is missing and the CRD is not in the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedCdiMissing(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `Fleet bundle fleet-local/mcc-harvester is 0/1 with 'cdi.cdi.kubevirt.io cdi missing' and the cdis.cdi.kubevirt.io CRD is not in the bundle's CRD list: apply the v1.5.0 CDI CRD so that Fleet can create the CDI object.`,
    );
    expectCited(builder, run.finding, FLEET_BUNDLES, /modifiedStatus\/0\/missing$/, 'missing: true');
  });

  it('fails with "bump forceSyncGeneration" when the CRD exists', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedCdiMissing(builder, { crdExists: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toContain('although the cdis.cdi.kubevirt.io CRD exists');
    expectCited(builder, run.finding, 'yamls/cluster/apiextensions.k8s.io/v1/customresourcedefinitions.yaml', /^\/metadata\/name$/, 'name: cdis.cdi.kubevirt.io');
  });

  it('does not fire when the CDI object exists but differs (modified, not missing)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedCdiMissing(builder, { modifiedInstead: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
