import { describe, expect, it } from 'vitest';
import { mccHarvesterErrAppliedPostUpgradeHookTimeout } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';
const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-errapplied-post-upgrade-hook-timeout';

describe(`${ID} (S03)`, () => {
  it('fails when the post-upgrade hook timed out and the harvester ManagedChart has no timeoutSeconds', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterErrAppliedPostUpgradeHookTimeout(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `An upgrade would be refused with 'managed chart harvester is not ready, please wait for it to be ready': mcc-harvester is ErrApplied with 'post-upgrade hooks failed: context deadline exceeded', and the harvester ManagedChart has no spec.timeoutSeconds, so Helm runs the Longhorn post-upgrade hook with no timeout.`,
    );
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'ErrApplied(1) [Cluster fleet-local/local: post-upgrade hooks failed:');
    expectCited(builder, run.finding, FLEET_BUNDLES, /^\/status\/display\/readyClusters$/, 'readyClusters: 0/1');
    expect(run.finding?.remediation?.patch?.diff).toContain('timeoutSeconds: 600');
  });

  it('does not fire when timeoutSeconds is already set (the missing-timeout cause is excluded)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterErrAppliedPostUpgradeHookTimeout(builder, { timeoutSeconds: 600 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
