import { describe, expect, it } from 'vitest';
import { fleetHelmAnotherOperationInProgress } from './fault.js';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'fleet-helm-another-operation-in-progress';

describe(`${ID} (S10)`, () => {
  it('fails for the ManagedChart whose Helm release is stuck, citing the fleet-agent log', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    fleetHelmAnotherOperationInProgress(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `ManagedChart harvester-crd is not Ready: Helm release harvester-crd in harvester-system is stuck with 'another operation (install/upgrade/rollback) is in progress' (3 fleet-agent log lines); roll the release back to its last deployed revision.`,
    );
    const chartEvidence = expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'ErrApplied(1) [Cluster fleet-local/local:');
    expect(chartEvidence.object?.name).toBe('harvester-crd');
    const log = run.finding!.evidence.find((item) => item.path.includes('fleet-agent'))!;
    expect(log.path).toMatch(/^logs\/cattle-fleet-local-system\/fleet-agent-[^/]+\/fleet-agent\.log$/);
    expect(citedLine(builder, log)).toContain('handler bundle-deploy: another operation (install/upgrade/rollback) is in progress, requeuing');
    expect(run.finding?.remediation?.commands).toContain('helm history harvester-crd -n harvester-system');
  });

  it('fails with the same message on v1.1.0, but as a risk: that validator does not check managed charts', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.1.0', nodes: 3, seed: 2 });
    fleetHelmAnotherOperationInProgress(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toMatch(/^ManagedChart harvester-crd is not Ready: Helm release harvester-crd in harvester-system is stuck/);
    expect(run.finding?.tags).toEqual(['upgrade', 'fleet', 'managedchart', 'helm']);
  });

  it('does not fire on a different Helm error of the same chart', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    fleetHelmAnotherOperationInProgress(builder, { clusterMessage: 'UPGRADE FAILED: cannot patch "harvester-crd" with kind Job: field is immutable' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
