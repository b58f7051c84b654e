import { describe, expect, it } from 'vitest';
import { applyManifestsWaitingManagedchart } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('apply-manifests-waiting-managedchart');

describe('apply-manifests-waiting-managedchart (S20)', () => {
  it('fails when the last progress line is still WaitApplied after more than 10 minutes, naming the bundle', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 20 });
    applyManifestsWaitingManagedchart(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'Upgrade hvst-upgrade-7xk2p is stuck in "Upgrading System Services": apply-manifests has logged "Current state: WaitApplied" for chart version 1.4.2 for 12 minutes; non-ready bundles: fleet-local/mcc-harvester (WaitApplied(1) [Cluster fleet-local/local]).',
    );
    const pod = run.finding!.evidence[1]!.path;
    expect(pod).toMatch(/^logs\/harvester-system\/hvst-upgrade-7xk2p-apply-manifests-\w{5}\/apply\.log$/);
    expectCites(bundle, run, pod, 'Current version: 1.4.2, Current state: WaitApplied, Current generation: 5');
    expectCites(bundle, run, 'yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/upgrades.yaml', 'harvesterhci.io/upgradeState: UpgradingSystemServices');
  });

  it('does not fire when the chart became ready after a short wait (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 20 });
    applyManifestsWaitingManagedchart(bundle, { recovered: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('is skipped when the upgrade is in UpgradingSystemServices but no apply-manifests log was collected', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 20 });
    const { addUpgrade } = await import('../../../../../testdata/generator/fault-support/upgrade-objects.js');
    addUpgrade(bundle, { from: 'v1.4.1', to: 'v1.4.2', state: 'UpgradingSystemServices' });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('upgrade hvst-upgrade-7xk2p is in UpgradingSystemServices but no apply-manifests pod log was collected');
  });
});
