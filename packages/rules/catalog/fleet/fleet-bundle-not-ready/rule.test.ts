import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule, runRules, type BundleBuilder } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { upgradeGateManagedChartNotReadyGeneric } from '../upgrade-gate-managedchart-not-ready-generic/fault.js';
import { fleetBundleNotReady } from './fault.js';

const ID = 'fleet-bundle-not-ready';
const rule = () => catalogRule(ID);
const BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';

const analyzeWith = async (builder: BundleBuilder, ids: string[]) => runRules(await Promise.all(ids.map((id) => catalogRule(id))), builder);

describe(ID, () => {
  it('fails high for a fleet-local Bundle that no ManagedChart stands for, quoting Fleet\'s Ready message', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 91 });
    fleetBundleNotReady(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      'Fleet Bundle fleet-local/fleet-agent-local is not ready (WaitApplied, 0/1 clusters ready): WaitApplied(1) [Cluster fleet-local/local]; statefulset.apps cattle-fleet-local-system/fleet-agent [progressing] Waiting for 1 pods to be ready.',
    );
    expectCited(bundle, run.finding, BUNDLES, /^\/status\/conditions\/0\/status$/, 'status: "False"');
  });

  it('passes on the ready bundles of a healthy cluster (near miss)', async () => {
    expect((await runRule(await rule(), healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 91 }))).outcome).toBe('pass');
  });

  it('leaves an mcc-* bundle to its ManagedChart\'s upgrade-gate finding (info, covered), found through the owner annotation', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 91 });
    upgradeGateManagedChartNotReadyGeneric(bundle);
    const report = await analyzeWith(bundle, [ID, 'upgrade-gate-managedchart-not-ready-generic']);
    const mcc = report.findings.find((finding) => finding.ruleId === ID && finding.status !== 'pass');
    expect(mcc?.message).toContain('Fleet Bundle fleet-local/mcc-rancher-monitoring is not ready (NotReady, 0/1 clusters ready)');
    expect(mcc?.status).toBe('info');
    expect(mcc?.coveredBy).toBe('upgrade-gate-managedchart-not-ready-generic');
    expect(report.summary.headline).toBe('upgrade-gate-managedchart-not-ready-generic');
  });
});
