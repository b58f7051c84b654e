import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** Someone paused the CAPI cluster fleet-local/local and did not unpause it (pre-check 9). */
export function precheckCapiClusterPause(builder: BundleBuilder, options: { paused?: boolean } = {}): void {
  builder.updateObject('cluster.x-k8s.io/v1beta1', 'Cluster', 'fleet-local', 'local', (cluster) => {
    (cluster.spec as Record<string, unknown>).paused = options.paused ?? true;
  });
}
export type { KubeObject };
