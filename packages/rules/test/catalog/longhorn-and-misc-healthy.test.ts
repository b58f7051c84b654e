// Healthy clusters are quiet: no rule of signatures S37–S49 fails or warns on the generator's
// healthy v1.4.x clusters (noise is a bug). Skipped is allowed: it names what the bundle lacks.
import { describe, expect, it } from 'vitest';
import { catalogRule, healthyCluster, runRule } from './catalog-support.js';

const LONGHORN_AND_MISC_RULE_IDS = [
  'longhorn-eviction-requested-manager-crash',
  'longhorn-volume-degraded',
  'longhorn-volume-faulted',
  'longhorn-stale-attached-volume',
  'rwx-migratable-vm-restart-on-csi-restart',
  'longhorn-backing-image-copies',
  'rancher-webhook-cert-expired',
  'snapshot-validation-webhook-x509-or-refused',
  'backup-target-refresh-interval-high-cpu',
  'capi-cluster-paused-or-not-provisioned',
  'vm-stuck-starting-not-a-device-node',
  'vm-start-button-missing-pod-completed',
  'pre-v1.4.0-backingimage-crd-not-updated',
];

describe('Longhorn, webhook and misc rules on healthy clusters', () => {
  for (const options of [
    { harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 },
    { harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 },
  ]) {
    it(`neither fail nor warn on a healthy ${options.harvesterVersion} cluster of ${options.nodes} node(s)`, async () => {
      const builder = healthyCluster(options);
      const outcomes: [string, string, string | undefined][] = [];
      for (const id of LONGHORN_AND_MISC_RULE_IDS) {
        const run = await runRule(await catalogRule(id), builder);
        outcomes.push([id, run.outcome, run.error]);
      }
      for (const [id, outcome, error] of outcomes) expect([id, outcome, error]).toEqual([id, expect.stringMatching(/^(pass|info|skipped)$/), undefined]);
    }, 120_000);
  }

  it('every rule carries its signature id and a description', async () => {
    const signatures = [];
    for (const id of LONGHORN_AND_MISC_RULE_IDS) {
      const rule = await catalogRule(id);
      expect(rule.description, id).toBeTruthy();
      expect(rule.references?.length, id).toBeGreaterThan(0);
      signatures.push(rule.signature);
    }
    expect(signatures).toEqual(Array.from({ length: 13 }, (_, index) => `S${37 + index}`));
  });
});
