import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { analyze } from '../../../src/engine/analyze.js';
import { waitingCapiProvisionedRke2CertsExpired } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('waiting-capi-provisioned-rke2-certs-expired');

describe('waiting-capi-provisioned-rke2-certs-expired (S21)', () => {
  it('fails when apply-manifests waits for the CAPI cluster and the planner waits for the probes', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 21 });
    waitingCapiProvisionedRke2CertsExpired(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      "apply-manifests keeps logging \"Waiting for CAPI cluster fleet-local/local to be provisioned (current phase: Provisioning)\" (40 times) while cluster fleet-local/local reports 'configuring bootstrap node(s) custom-24cb32ce8387: waiting for probes: kube-controller-manager, kube-scheduler': the kube-controller-manager and kube-scheduler certificates have most likely expired.",
    );
    // yaml.v2 folds the long message; the cited line is where it starts.
    expectCites(bundle, run, 'yamls/namespaced/fleet-local/provisioning.cattle.io/v1/clusters.yaml', "message: 'configuring bootstrap node(s) custom-24cb32ce8387");
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expectCites(bundle, run, log.path, 'Waiting for CAPI cluster fleet-local/local to be provisioned');
    expect(run.finding!.remediation!.patch!.diff).toContain('rotateCertificates');
  });

  it('does not fire when the cluster waits for something else (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 21 });
    waitingCapiProvisionedRke2CertsExpired(bundle, { message: 'configuring bootstrap node(s) custom-24cb32ce8387: waiting for kubelet to update' });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('explains the CAPI cluster that is not Provisioned (its owner chain), and heads the report as the root cause', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 21 });
    waitingCapiProvisionedRke2CertsExpired(bundle);
    const opened = await openBundle(bundle.toZip());
    try {
      const report = await analyze(opened, { rules: await loadCatalog() });
      const cause = report.findings.find((finding) => finding.ruleId === 'waiting-capi-provisioned-rke2-certs-expired')!;
      const symptom = report.findings.find((finding) => finding.ruleId === 'capi-cluster-paused-or-not-provisioned')!;
      expect([cause.status, symptom.status]).toEqual(['fail', 'fail']);
      expect(symptom.message).toContain('status is Provisioning');
      expect(symptom.causedBy).toEqual([{ ruleId: cause.ruleId, fingerprint: cause.fingerprint }]);
      expect(cause.explains).toEqual([{ ruleId: symptom.ruleId, fingerprint: symptom.fingerprint }]);
      expect(report.summary.headline).toBe('waiting-capi-provisioned-rke2-certs-expired');
      // The generic gate and pre-check stay in the report as info, covered by the specific rule.
      for (const id of ['upgrade-gate-capi-cluster-not-provisioned', 'precheck-capi-cluster-state']) {
        expect(report.findings.find((finding) => finding.ruleId === id)?.status, id).toBe('info');
      }
    } finally {
      await opened.close();
    }
  });
});
