import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { catalogRule, healthyCluster } from './catalog-support.js';

/** The Fleet / ManagedChart rules of signatures.md §2 (S02 – S18). */
export const FLEET_RULE_IDS = [
  'mcc-harvester-errapplied-default-storageclass',
  'mcc-harvester-errapplied-post-upgrade-hook-timeout',
  'mcc-harvester-modified-longhorn-crd-status',
  'mcc-harvester-modified-kubevirt-vmstatestorageclass',
  'mcc-harvester-modified-cdi-missing',
  'mcc-harvester-modified-longhorn-ui-replicas-sc-missing',
  'mcc-harvester-errapplied-release-not-found',
  'mcc-harvester-errapplied-deletion-errors-no-route-match',
  'fleet-helm-another-operation-in-progress',
  'fleet-chart-pending-upgrade-wait-helm-release',
  'local-managed-system-agent-bundle-not-ready',
  'mcc-harvester-modified-user-edited-downstream-object',
  'mcc-rancher-monitoring-modified-admission-webhook-cabundle',
  'managedchart-rancher-monitoring-not-ready-storage-network',
  'managedchart-left-paused',
  'leftover-upgradelog-operator-managedchart',
  'upgrade-gate-managedchart-not-ready-generic',
];

describe('Fleet / ManagedChart rules (S02 – S18) on healthy clusters', () => {
  for (const [version, nodes, seed] of [
    ['v1.4.1', 1, 1],
    ['v1.4.2', 3, 2],
  ] as const) {
    it(`stay quiet (no fail, no warn, no error) on a healthy ${nodes}-node ${version} cluster`, async () => {
      const rules = await Promise.all(FLEET_RULE_IDS.map((id) => catalogRule(id)));
      const bundle = await openBundle(healthyCluster({ harvesterVersion: version, nodes, seed }).toZip());
      try {
        const report = await analyze(bundle, { rules, includePass: true });
        const noisy = report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn');
        expect(noisy.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
        expect(report.errors).toEqual([]);
        expect(report.findings.length + report.skipped.length).toBeGreaterThanOrEqual(FLEET_RULE_IDS.length);
      } finally {
        await bundle.close();
      }
    }, 60_000);
  }
});

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
const hasSample = SAMPLE !== '' && existsSync(join(SAMPLE, 'metadata.yaml'));
describe.skipIf(!hasSample)(`Fleet / ManagedChart rules on the real v1.0 sample (${hasSample ? SAMPLE : 'absent: set BUNDLE_TRIAGE_SAMPLE_V10'})`, () => {
  // The sample is a real v1.0 cluster: mcc-rancher-monitoring is modified on the
  // rancher-monitoring-admission webhooks (S14, #2152) and mcc-harvester reports
  // "configmap.v1 longhorn-system/longhorn-storageclass missing".
  it('run without a rule error, find S14, and let S18 report only what S14 does not explain', async () => {
    const rules = await Promise.all(FLEET_RULE_IDS.map((id) => catalogRule(id)));
    const bundle = await openBundle(SAMPLE);
    try {
      const report = await analyze(bundle, { rules });
      expect(report.errors).toEqual([]);
      const failing = report.findings.filter((finding) => finding.status === 'fail');
      expect(failing.map((finding) => finding.ruleId).sort()).toEqual(['mcc-rancher-monitoring-modified-admission-webhook-cabundle', 'upgrade-gate-managedchart-not-ready-generic']);
      expect(failing.find((finding) => finding.ruleId === 'upgrade-gate-managedchart-not-ready-generic')?.message).toContain('managed chart harvester is not ready');
      expect(failing.find((finding) => finding.ruleId === 'upgrade-gate-managedchart-not-ready-generic')?.message).toContain('modified: none; missing (deleted): ConfigMap longhorn-system/longhorn-storageclass');
      const covered = report.findings.find((finding) => finding.ruleId === 'upgrade-gate-managedchart-not-ready-generic' && finding.status === 'info');
      expect(covered?.coveredBy).toBe('mcc-rancher-monitoring-modified-admission-webhook-cabundle');
    } finally {
      await bundle.close();
    }
  }, 120_000);
});
