import { describe, expect, it } from 'vitest';
import { localManagedSystemAgentBundleNotReady } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';

const ID = 'local-managed-system-agent-bundle-not-ready';

describe(`${ID} (S12)`, () => {
  it('fails when local-managed-system-agent is Modified on the Windows upgrade plan', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    localManagedSystemAgentBundleNotReady(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `Fleet bundle fleet-local/local-managed-system-agent is 0/1 and Modified on 'plan.upgrade.cattle.io cattle-system/system-agent-upgrader-windows modified'; the upgrade pre-check reports 'There are non-ready Helm bundles'.`,
    );
    expectCited(builder, run.finding, FLEET_BUNDLES, /modifiedStatus\/0\/name$/, 'name: system-agent-upgrader-windows');
    expectCited(builder, run.finding, FLEET_BUNDLES, /^\/status\/display\/readyClusters$/, 'readyClusters: 0/1');
  });

  it('only warns, listing the object, when the bundle is Modified on another plan', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    localManagedSystemAgentBundleNotReady(builder, { plan: 'system-agent-upgrader' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding?.message).toBe('Fleet bundle fleet-local/local-managed-system-agent is 0/1 (Modified); modified: Plan cattle-system/system-agent-upgrader; not ready: none.');
  });

  it('does not fire (not applicable) on v1.4.1, outside the reported release', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    localManagedSystemAgentBundleNotReady(builder, { serverVersion: 'v1.4.1' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('applies to Harvester >=1.4.0 <1.4.1; this bundle is v1.4.1');
  });
});
