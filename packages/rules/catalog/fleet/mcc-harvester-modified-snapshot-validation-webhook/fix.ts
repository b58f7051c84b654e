/**
 * The documented fix for S01 (signatures.md §1 "Remediation"): append the two
 * snapshot-validation-webhook entries to `spec.diff.comparePatches` of the `harvester`
 * ManagedChart (Rancher copies them to the `mcc-harvester` Bundle); Fleet then ignores the
 * regenerated certificate and the bundle is Ready (1/1) again.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { readyFleetStatus } from '../../../../../testdata/generator/fleet-status.js';
import { SNAPSHOT_WEBHOOK_COMPARE_PATCHES } from '../../../../../testdata/generator/harvester-managed-chart.js';
import { FLEET_BUNDLE, MANAGED_CHART, beforeCreated, comparePatchesOf, sameTarget, setReadyBundleCount, statusBasis } from '../../../../../testdata/generator/fault-support/fleet-objects.js';

export function fixS01(builder: BundleBuilder): void {
  const fixedAt = beforeCreated(builder, 600);
  for (const [apiVersion, kind, namespace, name] of [
    [...MANAGED_CHART, 'harvester'],
    [...FLEET_BUNDLE, 'mcc-harvester'],
  ] as const) {
    builder.updateObject(apiVersion, kind, namespace, name, (object) => {
      const patches = comparePatchesOf(object);
      for (const fix of SNAPSHOT_WEBHOOK_COMPARE_PATCHES) {
        if (!patches.some((patch) => sameTarget(patch, fix))) patches.push(structuredClone(fix));
      }
      object.metadata.generation = Number(object.metadata.generation ?? 1) + 1;
      object.status = readyFleetStatus(statusBasis(object, fixedAt));
    });
  }
  setReadyBundleCount(builder, 0, 0);
}
