/**
 * Reading and rewriting the Fleet objects of `fleet-local` that faults change: the `harvester`
 * ManagedChart, its `mcc-harvester` Bundle, and the roll-up counts on the Fleet Cluster and
 * ClusterGroup (`readyBundles`), which Fleet keeps consistent with the bundles.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import type { ComparePatch } from '../harvester-managed-chart.js';

export const MANAGED_CHART = ['management.cattle.io/v3', 'ManagedChart', 'fleet-local'] as const;
export const FLEET_BUNDLE = ['fleet.cattle.io/v1alpha1', 'Bundle', 'fleet-local'] as const;

/** `spec.diff.comparePatches` of a ManagedChart or Bundle (created when absent). */
export function comparePatchesOf(object: KubeObject): ComparePatch[] {
  const spec = (object.spec ??= {}) as Record<string, unknown>;
  const diff = (spec.diff ??= {}) as { comparePatches?: ComparePatch[] };
  return (diff.comparePatches ??= []);
}

export function sameTarget(a: ComparePatch, b: ComparePatch): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

/** The Fleet status fields a new status is derived from. */
export function statusBasis(object: KubeObject, readyAt: string): {
  readyAt: string;
  processedAt: string;
  observedGeneration: number;
  resourcesSha256Sum: string;
} {
  const status = (object.status ?? {}) as Record<string, unknown>;
  return {
    readyAt,
    processedAt: readyAt,
    observedGeneration: Number(object.metadata.generation ?? 1),
    resourcesSha256Sum: String(status.resourcesSha256Sum ?? ''),
  };
}

/** Sets how many of the cluster's bundles are ready on the Fleet Cluster and ClusterGroup. */
export function setReadyBundleCount(builder: BundleBuilder, notReady: number, modified: number): void {
  const update = (kind: 'Cluster' | 'ClusterGroup', name: string) =>
    builder.updateObject('fleet.cattle.io/v1alpha1', kind, 'fleet-local', name, (object) => {
      const status = object.status as { display: Record<string, string>; summary: Record<string, number> };
      const desired = status.summary.desiredReady!;
      status.display.readyBundles = `${desired - notReady}/${desired}`;
      status.summary = { desiredReady: desired, ...(modified ? { modified } : {}), ready: desired - notReady };
    });
  update('Cluster', 'local');
  update('ClusterGroup', 'default');
}

/** `t` seconds before the bundle was created, RFC3339. */
export function beforeCreated(builder: BundleBuilder, seconds: number): string {
  return new Date(Date.parse(builder.createdAt) - seconds * 1000).toISOString().replace('.000Z', 'Z');
}
