import { describe, expect, it } from 'vitest';
import { managedChartLeftPaused } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'managedchart-left-paused';

describe(`${ID} (S16)`, () => {
  it('fails for each ManagedChart left paused after the upgrade failed', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    managedChartLeftPaused(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    const failing = run.findings.filter((finding) => finding.status === 'fail');
    expect(failing.map((finding) => finding.evidence[0]?.object?.name).sort()).toEqual(['harvester', 'harvester-crd', 'rancher-monitoring-crd']);
    const harvester = failing.find((finding) => finding.message.includes('ManagedChart harvester '))!;
    expect(harvester.message).toBe(
      'ManagedChart harvester is left paused (spec.paused: true) and no upgrade is in progress, so Fleet never updates it and later upgrades stall or report it not ready; resume it.',
    );
    expectCited(builder, harvester, MANAGED_CHARTS, /^\/spec\/paused$/, 'paused: true');
    expect(harvester.remediation?.patch?.diff).toContain('paused: false');
  });

  it('does not fire while an upgrade is running (it pauses the charts on purpose)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    managedChartLeftPaused(builder, { upgradeState: 'UpgradingSystemServices' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
