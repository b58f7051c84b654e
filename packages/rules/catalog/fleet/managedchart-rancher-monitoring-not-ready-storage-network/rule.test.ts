import { describe, expect, it } from 'vitest';
import { managedChartRancherMonitoringNotReadyStorageNetwork } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'managedchart-rancher-monitoring-not-ready-storage-network';

describe(`${ID} (S15)`, () => {
  it('fails when rancher-monitoring is not Ready while the storage network is configured', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    managedChartRancherMonitoringNotReadyStorageNetwork(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `An upgrade would be refused with '"validator.harvesterhci.io" denied the request: managed chart rancher-monitoring is not ready, please wait for it to be ready' while the storage-network setting is configured; modified monitoring objects: Prometheus cattle-monitoring-system/rancher-monitoring-prometheus.`,
    );
    expectCited(builder, run.finding, 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml', /^\/value$/, 'value:');
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/status$/, 'status: "False"');
  });

  it('does not fire when rancher-monitoring is not Ready but no storage network is configured', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    managedChartRancherMonitoringNotReadyStorageNetwork(builder, { storageNetwork: false });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
