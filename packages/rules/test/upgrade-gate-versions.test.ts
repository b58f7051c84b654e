/**
 * The upgrade gate is the validator of the release the cluster runs (signatures.md §0.3), and its
 * checks came one release at a time (harvester pkg/webhook/resources/upgrade/validator.go at each
 * tag). A gate rule must not say "an upgrade would be refused with …" for a release whose validator
 * does not make that check: each is skipped as another version on the last release without it, and
 * judged on the first with it.
 */
import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../testdata/generator/index.js';
import { catalogRule, runRule } from '../src/testing/index.js';

const GATES: readonly { id: string; lastWithout: string; firstWith: string; range: string }[] = [
  { id: 'upgrade-gate-degraded-volumes', lastWithout: 'v1.0.3', firstWith: 'v1.1.0', range: '>=1.1.0' },
  { id: 'upgrade-gate-capi-cluster-not-provisioned', lastWithout: 'v1.0.3', firstWith: 'v1.1.0', range: '>=1.1.0' },
  { id: 'upgrade-gate-managedchart-not-ready-generic', lastWithout: 'v1.1.0', firstWith: 'v1.2.1', range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-node-not-ready', lastWithout: 'v1.1.0', firstWith: 'v1.2.1', range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-node-unschedulable', lastWithout: 'v1.1.0', firstWith: 'v1.2.1', range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-machine-not-running', lastWithout: 'v1.1.0', firstWith: 'v1.2.1', range: '>=1.1.2-rc2' },
  { id: 'upgrade-gate-non-live-migratable-vms', lastWithout: 'v1.2.1', firstWith: 'v1.2.2', range: '>=1.2.2' },
  { id: 'upgrade-gate-disk-space-image-gc', lastWithout: 'v1.2.1', firstWith: 'v1.2.2', range: '>=1.2.2' },
  { id: 'upgrade-gate-single-replica-volumes', lastWithout: 'v1.2.2', firstWith: 'v1.3.2', range: '>=1.3.0' },
  { id: 'upgrade-gate-vmbackup-in-progress', lastWithout: 'v1.3.2', firstWith: 'v1.4.0', range: '>=1.4.0' },
  { id: 'upgrade-gate-backup-schedule-running', lastWithout: 'v1.3.2', firstWith: 'v1.4.0', range: '>=1.4.0' },
];

describe('upgrade gates by the release whose validator makes the check', () => {
  for (const gate of GATES) {
    it(`${gate.id}: skipped as another version on ${gate.lastWithout}, judged on ${gate.firstWith}`, async () => {
      const rule = await catalogRule(gate.id);
      const before = await runRule(rule, healthyCluster({ harvesterVersion: gate.lastWithout, nodes: 3, seed: 5 }));
      expect([before.outcome, before.skipKind, before.skipReason]).toEqual(['skipped', 'version', `applies to Harvester ${gate.range}; this bundle is ${gate.lastWithout}`]);
      const from = await runRule(rule, healthyCluster({ harvesterVersion: gate.firstWith, nodes: 3, seed: 5 }));
      expect(from.skipKind).not.toBe('version');
    });
  }
});
