import { describe, expect, it } from 'vitest';
import { UPGRADE_FLOW_CODE_RULES } from '../../src/catalog/code/upgrade-flow-rules.js';
import { catalogRule, healthyCluster, runRule } from './catalog-support.js';

/** Every rule of signatures.md §3 (S19–S36) that the catalog implements. */
const UPGRADE_FLOW_RULES = [
  'upgrade-repo-vm-stuck', 'apply-manifests-waiting-managedchart', 'waiting-capi-provisioned-rke2-certs-expired',
  'apply-manifests-monitoring-pods-not-deleted', 'fleet-agent-register-ip-san', 'capi-unauthorized-local-kubeconfig-label',
  'two-node-rke2-agent-lb-lost', 'witness-instance-manager-aio-count', 'pre-drained-longhorn-instance-manager-pdb',
  'pre-drain-vm-migration-stuck', 'single-replica-volume-blocks-drain', 'post-draining-elemental-state-yaml',
  'waiting-reboot-cos-state-too-small', 'node-upgrade-job-deadline-exceeded', 'skip-restart-plan-node-machine-mismatch',
  'airgap-upgradelog-imagepullbackoff', 'upgrade-status-wiped-dismiss-it', 'upgrade-gate-disk-space-image-gc',
];

describe('upgrade-flow rules stay quiet on healthy clusters', () => {
  for (const options of [{ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 }, { harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 }]) {
    it(`no fail or warn on a healthy ${options.harvesterVersion} cluster of ${options.nodes} node(s)`, async () => {
      const bundle = healthyCluster(options);
      for (const id of UPGRADE_FLOW_RULES) {
        const run = await runRule(await catalogRule(id), bundle);
        expect(['pass', 'skipped', 'info'], `${id}: ${run.outcome} ${run.finding?.message ?? run.skipReason ?? run.error ?? ''}`).toContain(run.outcome);
      }
    });
  }

  it('registers the code rules of this section', () => {
    expect(UPGRADE_FLOW_CODE_RULES.map((rule) => rule.id).sort()).toEqual(['apply-manifests-waiting-managedchart', 'waiting-reboot-cos-state-too-small']);
  });
});
