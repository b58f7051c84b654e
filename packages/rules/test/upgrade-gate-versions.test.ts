/**
 * The upgrade gate is the validator of the release the cluster runs (signatures.md §0.3), and its
 * checks came one release at a time (harvester pkg/webhook/resources/upgrade/validator.go at each
 * tag). A gate rule must not say "an upgrade would be refused with …" for a release whose validator
 * does not make that check: each is skipped as another version on the last release without it, and
 * judged on the first with it.
 */
import { describe, expect, it } from 'vitest';
import { readinessCluster } from '../../../testdata/generator/fault-support/readiness-check.js';
import { catalogRule, runRule } from '../src/testing/index.js';

/** A release the generator models, reporting `server` as its server-version (the validator's release). */
interface Release {
  cluster: string;
  server?: string;
}

const GATES: readonly { id: string; without: Release; with: Release; range: string }[] = [
  { id: 'upgrade-gate-degraded-volumes', without: { cluster: 'v1.1.0', server: 'v1.1.0-rc1' }, with: { cluster: 'v1.1.0', server: 'v1.1.0-rc2' }, range: '>=1.1.0-rc2' },
  // v1.1.0 and v1.1.1 check the CAPI cluster only when an Upgrade is deleted.
  { id: 'upgrade-gate-capi-cluster-not-provisioned', without: { cluster: 'v1.1.0', server: 'v1.1.1' }, with: { cluster: 'v1.1.0', server: 'v1.1.2' }, range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-managedchart-not-ready-generic', without: { cluster: 'v1.1.0', server: 'v1.1.2-rc1' }, with: { cluster: 'v1.1.0', server: 'v1.1.2-rc2' }, range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-node-not-ready', without: { cluster: 'v1.1.0', server: 'v1.1.1' }, with: { cluster: 'v1.1.0', server: 'v1.1.2' }, range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-node-unschedulable', without: { cluster: 'v1.1.0', server: 'v1.1.1' }, with: { cluster: 'v1.1.0', server: 'v1.1.2' }, range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-machine-not-running', without: { cluster: 'v1.1.0', server: 'v1.1.1' }, with: { cluster: 'v1.1.0', server: 'v1.1.2' }, range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-non-live-migratable-vms', without: { cluster: 'v1.2.1' }, with: { cluster: 'v1.2.2', server: 'v1.2.2-rc1' }, range: '>=1.2.2-rc1' },
  { id: 'upgrade-gate-disk-space-image-gc', without: { cluster: 'v1.2.1' }, with: { cluster: 'v1.2.2', server: 'v1.2.2-rc1' }, range: '>=1.2.2-rc1' },
  { id: 'upgrade-gate-single-replica-volumes', without: { cluster: 'v1.2.2' }, with: { cluster: 'v1.3.2', server: 'v1.3.0-rc1' }, range: '>=1.3.0-rc1' },
  { id: 'upgrade-gate-vmbackup-in-progress', without: { cluster: 'v1.4.0', server: 'v1.4.0-rc2' }, with: { cluster: 'v1.4.0', server: 'v1.4.0-rc3' }, range: '>=1.4.0-rc3' },
  { id: 'upgrade-gate-backup-schedule-running', without: { cluster: 'v1.4.0', server: 'v1.4.0-rc2' }, with: { cluster: 'v1.4.0', server: 'v1.4.0-rc3' }, range: '>=1.4.0-rc3' },
  // v1.5.0 dropped the free-space minimum already in its first rc.
  { id: 'upgrade-gate-free-system-partition', without: { cluster: 'v1.4.2', server: 'v1.5.0-rc1' }, with: { cluster: 'v1.4.2', server: 'v1.4.3' }, range: '>=1.1.3 <1.5.0-rc1' },
  { id: 'upgrade-gate-machine-empty-noderef', without: { cluster: 'v1.4.2', server: 'v1.5.0' }, with: { cluster: 'v1.4.2', server: 'v1.5.1-rc1' }, range: '>=1.5.1-rc1' },
  { id: 'upgrade-gate-nodes-machines-mismatch', without: { cluster: 'v1.4.2', server: 'v1.5.0' }, with: { cluster: 'v1.4.2', server: 'v1.5.1-rc1' }, range: '>=1.5.1-rc1' },
];

const named = (release: Release) => release.server ?? release.cluster;
const cluster = (release: Release) => readinessCluster(3, release.cluster, 5, release.server);

describe('upgrade gates by the release whose validator makes the check', () => {
  for (const gate of GATES) {
    it(`${gate.id}: skipped as another version on ${named(gate.without)}, judged on ${named(gate.with)}`, async () => {
      const rule = await catalogRule(gate.id);
      const before = await runRule(rule, cluster(gate.without));
      expect([before.outcome, before.skipKind, before.skipReason]).toEqual(['skipped', 'version', `applies to Harvester ${gate.range}; this bundle is ${named(gate.without)}`]);
      const from = await runRule(rule, cluster(gate.with));
      expect(from.skipKind).not.toBe('version');
    });
  }
});
