import { describe, expect, it } from 'vitest';
import { LEFTOVER_CHART, leftoverUpgradelogOperatorManagedChart } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'leftover-upgradelog-operator-managedchart';

describe(`${ID} (S17)`, () => {
  it('fails for an upgradelog-operator ManagedChart left behind, not Ready, with no upgrade running', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    leftoverUpgradelogOperatorManagedChart(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `A retry would be refused with 'admission webhook "validator.harvesterhci.io" denied the request: managed chart ${LEFTOVER_CHART} is not ready, please wait for it to be ready.': this upgrade-log ManagedChart was left behind and no upgrade is in progress.`,
    );
    const evidence = expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/status$/, 'status: "False"');
    expect(evidence.object?.name).toBe(LEFTOVER_CHART);
    expect(run.finding?.remediation?.commands).toContain(`kubectl delete managedchart ${LEFTOVER_CHART} -n fleet-local`);
  });

  it('does not fire while its upgrade is still preparing the logging infrastructure', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    leftoverUpgradelogOperatorManagedChart(builder, { upgradeState: 'PreparingLoggingInfra' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
