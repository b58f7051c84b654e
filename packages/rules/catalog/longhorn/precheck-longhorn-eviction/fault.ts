import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** Eviction was requested on the default disk of the first Longhorn node and never cleared (pre-check 7). */
export function precheckLonghornEviction(builder: BundleBuilder, options: { evictionRequested?: boolean } = {}): string {
  const node = builder.listObjects('longhorn.io/v1beta2', 'Node', 'longhorn-system')[0]!;
  builder.updateObject(node.apiVersion, 'Node', 'longhorn-system', node.metadata.name, (object) => {
    const disks = (object.spec as { disks: Record<string, Record<string, unknown>> }).disks;
    for (const disk of Object.values(disks)) {
      disk.evictionRequested = options.evictionRequested ?? true;
      disk.allowScheduling = false;
    }
  });
  return node.metadata.name;
}
export type { KubeObject };
