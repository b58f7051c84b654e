import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The CAPI cluster fleet-local/local left phase Provisioned (validator check 2, pre-check 8). */
export function upgradeGateCapiClusterNotProvisioned(builder: BundleBuilder, options: { phase?: string } = {}): void {
  builder.updateObject('cluster.x-k8s.io/v1beta1', 'Cluster', 'fleet-local', 'local', (cluster) => {
    (cluster.status as Record<string, unknown>).phase = options.phase ?? 'Provisioning';
  });
}
export type { KubeObject };
