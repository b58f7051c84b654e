import { describe, expect, it } from 'vitest';
import { fleetChartPendingUpgradeWaitHelmRelease } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'fleet-chart-pending-upgrade-wait-helm-release';

describe(`${ID} (S11)`, () => {
  it('fails when apply-manifests keeps waiting for the fleet Helm release', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    const path = fleetChartPendingUpgradeWaitHelmRelease(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `The upgrade's apply-manifests step waits for the fleet Helm release: 'wait helm release cattle-fleet-system fleet fleet-104.0.2+up0.10.2 0.10.2 deployed' repeats 8 times; the release is most likely stuck in pending-upgrade and needs a rollback.`,
    );
    expect(run.finding!.evidence[0]!.path).toBe(path);
    expect(citedLine(builder, run.finding!.evidence[0]!)).toMatch(/^\S+Z wait helm release cattle-fleet-system fleet fleet-104\.0\.2\+up0\.10\.2 0\.10\.2 deployed$/);
  });

  it('does not fire when the wait ended after two rounds and the upgrade moved on', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    fleetChartPendingUpgradeWaitHelmRelease(builder, { rounds: 2, movedOn: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });

  it('is skipped with its reason when no apply-manifests log was collected (no upgrade ran)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
      setting.value = 'v1.3.2';
    });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('no log of pods hvst-upgrade-* in namespace harvester-system was collected in this bundle');
  });
});
