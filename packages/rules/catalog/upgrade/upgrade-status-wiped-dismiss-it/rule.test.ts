import { describe, expect, it } from 'vitest';
import { upgradeStatusWipedDismissIt } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('upgrade-status-wiped-dismiss-it');

describe('upgrade-status-wiped-dismiss-it (S35)', () => {
  it('fails when the latest Upgrade to the running version restarted with an empty status', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 35 });
    upgradeStatusWipedDismissIt(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'Upgrade hvst-upgrade-7xk2p to v1.4.1 runs again although the cluster already runs v1.4.1: its status was cleared (state PreparingLoggingInfra, no node states), as happens after "Dismiss it" in the Rancher UI.',
    );
    expectCites(bundle, run, 'yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/upgrades.yaml', 'version: v1.4.1');
    expect(run.finding!.remediation!.patch!.diff).toContain('harvesterhci.io/read-message');
  });

  it('does not fire on a completed upgrade with its node states (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 35 });
    upgradeStatusWipedDismissIt(bundle, { completed: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
