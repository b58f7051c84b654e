import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { flagshipS01 } from '../mcc-harvester-modified-snapshot-validation-webhook/fault.js';
import { mccHarvesterModifiedUserEditedDownstreamObject } from '../mcc-harvester-modified-user-edited-downstream-object/fault.js';
import { setBundleNotReady } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';
import { upgradeGateManagedChartNotReadyGeneric } from './fault.js';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { analyze } from '../../../src/engine/analyze.js';
import type { BundleBuilder } from '../../../src/testing/index.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'upgrade-gate-managedchart-not-ready-generic';

async function analyzeWith(builder: BundleBuilder, ids: string[]) {
  const bundle = await openBundle(builder.toZip());
  try {
    return await analyze(bundle, { rules: await Promise.all(ids.map((id) => catalogRule(id))), includePass: true });
  } finally {
    await bundle.close();
  }
}

describe(`${ID} (S18)`, () => {
  it('fails for a ManagedChart that is not Ready for a reason no specific rule knows, listing its non-ready objects', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    upgradeGateManagedChartNotReadyGeneric(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding?.message).toBe(
      `An upgrade would be refused with 'admission webhook "validator.harvesterhci.io" denied the request: managed chart rancher-monitoring is not ready, please wait for it to be ready': its Fleet state is NotReady (0/1); modified: none; missing (deleted): none; extra: none; not ready: Deployment cattle-monitoring-system/rancher-monitoring-operator.`,
    );
    const evidence = expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/status$/, 'status: "False"');
    expect(evidence.object).toEqual({ apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', namespace: 'fleet-local', name: 'rancher-monitoring' });
  });

  it('lists the modified object when a bundle is Modified on an object no specific rule knows', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterModifiedUserEditedDownstreamObject(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toContain('managed chart harvester is not ready');
    expect(run.finding?.message).toContain('modified: Deployment harvester-system/harvester-network-controller-manager;');
  });

  it('yields to S01 on the flagship bundle: its finding for the harvester ManagedChart becomes info, covered by S01', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    flagshipS01(builder);
    const report = await analyzeWith(builder, ['mcc-harvester-modified-snapshot-validation-webhook', ID]);
    const s01 = report.findings.find((finding) => finding.ruleId === 'mcc-harvester-modified-snapshot-validation-webhook');
    const s18 = report.findings.find((finding) => finding.ruleId === ID && finding.status !== 'pass');
    expect(s01?.status).toBe('fail');
    expect(s18?.status).toBe('info');
    expect(s18?.coveredBy).toBe('mcc-harvester-modified-snapshot-validation-webhook');
    expect(s18?.message).toContain('managed chart harvester is not ready');
    expect(report.summary.headline).toBe('mcc-harvester-modified-snapshot-validation-webhook');
  });

  it('yields to S13 when the unknown modified object is a direct edit, and S13 fails listing it', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterModifiedUserEditedDownstreamObject(builder);
    const report = await analyzeWith(builder, ['mcc-harvester-modified-user-edited-downstream-object', ID]);
    const s13 = report.findings.find((finding) => finding.ruleId === 'mcc-harvester-modified-user-edited-downstream-object');
    const s18 = report.findings.find((finding) => finding.ruleId === ID && finding.status !== 'pass');
    expect(s13?.status).toBe('fail');
    expect(s13?.message).toContain('Deployment harvester-system/harvester-network-controller-manager');
    expect(s18?.status).toBe('info');
    expect(s18?.coveredBy).toBe('mcc-harvester-modified-user-edited-downstream-object');
  });

  it('keeps failing for a second not-ready ManagedChart that S01 does not explain', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    flagshipS01(builder);
    upgradeGateManagedChartNotReadyGeneric(builder);
    const report = await analyzeWith(builder, ['mcc-harvester-modified-snapshot-validation-webhook', ID]);
    const s18 = report.findings.filter((finding) => finding.ruleId === ID);
    expect(s18.map((finding) => finding.status).sort()).toEqual(['fail', 'info']);
    expect(s18.find((finding) => finding.status === 'fail')?.message).toContain('managed chart rancher-monitoring is not ready');
  });

  it('does not fire for a non-ManagedChart Fleet bundle that is not ready (the gate only reads ManagedCharts)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    setBundleNotReady(builder, 'fleet-agent-local', { state: 'WaitApplied' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });

  it('passes with nothing to check when fleet-local holds no ManagedChart', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    for (const chart of builder.listObjects('management.cattle.io/v3', 'ManagedChart')) builder.removeObject('management.cattle.io/v3', 'ManagedChart', 'fleet-local', chart.metadata.name);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
    expect(run.finding?.message).toBe('no charts object to check; none matched');
  });
});

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
const hasSample = SAMPLE !== '' && existsSync(join(SAMPLE, 'metadata.yaml'));
describe.skipIf(!hasSample)(`the fleet rules on the real v1.0 sample (${hasSample ? SAMPLE : 'absent: set BUNDLE_TRIAGE_SAMPLE_V10'})`, () => {
  // The sample is a real v1.0-era cluster (a development build on Kubernetes v1.21.7): mcc-rancher-monitoring
  // is modified on the rancher-monitoring-admission webhooks (S14, #2152) and mcc-harvester reports
  // "configmap.v1 longhorn-system/longhorn-storageclass missing", as every v1.0.x cluster does (#2088).
  it('run without a rule error, find S14, say why mcc-harvester is Modified, and skip S18: the v1.0 validator has no managed-chart check', async () => {
    const rules = (await loadCatalog()).filter((rule) => rule.component === 'fleet');
    const bundle = await openBundle(SAMPLE);
    try {
      const report = await analyze(bundle, { rules });
      expect(report.errors).toEqual([]);
      const failing = report.findings.filter((finding) => finding.status === 'fail');
      expect(failing.map((finding) => finding.ruleId)).toEqual(['mcc-rancher-monitoring-modified-admission-webhook-cabundle']);
      const hook = report.findings.find((finding) => finding.ruleId === 'mcc-harvester-modified-longhorn-storageclass-hook');
      expect(hook?.status).toBe('warn');
      // The pre-check still fails on it, as the script would; the finding says why.
      const precheck = report.findings.find((finding) => finding.ruleId === 'precheck-harvester-bundles');
      expect([precheck?.status, precheck?.coveredBy]).toEqual(['info', 'mcc-harvester-modified-longhorn-storageclass-hook']);
      const skipped = report.skipped.find((entry) => entry.ruleId === ID);
      expect(skipped?.kind).toBe('version');
      expect(skipped?.reason).toBe(
        'applies to Harvester >=1.1.2-rc2; this bundle is a development build (1a861fc-dirty) on Kubernetes v1.21.7+rke2r1 (the Kubernetes of Harvester v1.0.0–v1.0.2), so it is not of that range',
      );
    } finally {
      await bundle.close();
    }
  }, 120_000);
});
