import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { analyze } from '../../../src/engine/analyze.js';
import { mccHarvesterModifiedLonghornCrdStatus } from './fault.js';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';
const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-modified-longhorn-crd-status';

describe(`${ID} (S04)`, () => {
  it('fails when mcc-harvester is Modified on Longhorn CRD status the chart does not ignore, citing the apply-manifests loop', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedLonghornCrdStatus(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `Fleet bundle fleet-local/mcc-harvester is Modified on the status of Longhorn CRDs settings.longhorn.io, replicas.longhorn.io, instancemanagers.longhorn.io, engines.longhorn.io, which the harvester ManagedChart does not ignore, so the upgrade's apply-manifests step waits for it forever (6 'Current state: Modified' lines in the apply-manifests log).`,
    );
    expectCited(builder, run.finding, FLEET_BUNDLES, /modifiedStatus\/0\/patch$/, 'patch:');
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/status$/, 'status: "False"');
    const log = run.finding!.evidence.find((item) => item.path.endsWith('/apply.log'))!;
    expect(log.path).toBe('logs/harvester-system/hvst-upgrade-q8v4m-apply-manifests-7xk2p/apply.log');
    expect(citedLine(builder, log)).toContain('Current version: 1.3.1, Current state: Modified, Current generation: 4');
    expect(run.finding?.remediation?.patch?.diff).toContain('name: engines.longhorn.io');
  });

  it('does not fire when the Longhorn CRDs differ in spec, not in server-filled status', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedLonghornCrdStatus(builder, { patch: '{"spec":{"versions":[{"name":"v1beta2","served":true}]}}' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });

  it('explains apply-manifests waiting on mcc-harvester, and heads the report as the root cause', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    // The loop has waited on the Modified bundle for 12 minutes, so S20 fires too.
    mccHarvesterModifiedLonghornCrdStatus(builder, { loopRounds: 150 });
    const bundle = await openBundle(builder.toZip());
    try {
      const report = await analyze(bundle, { rules: await loadCatalog() });
      const cause = report.findings.find((finding) => finding.ruleId === ID)!;
      const symptom = report.findings.find((finding) => finding.ruleId === 'apply-manifests-waiting-managedchart')!;
      expect([cause.status, symptom.status]).toEqual(['fail', 'fail']);
      expect(symptom.causedBy).toEqual([{ ruleId: ID, fingerprint: cause.fingerprint }]);
      expect(cause.explains).toEqual([{ ruleId: 'apply-manifests-waiting-managedchart', fingerprint: symptom.fingerprint }]);
      expect(report.summary.headline).toBe(ID);
      expect(report.summary.headlineFingerprint).toBe(cause.fingerprint);
    } finally {
      await bundle.close();
    }
  });
});
