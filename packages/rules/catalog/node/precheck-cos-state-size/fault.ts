/**
 * Pre-check COS_STATE-Size: a node installed with an 8 GiB COS_STATE partition (its filesystem is
 * 7.8 GiB: 8,154,588 KiB, the script's own example), or `sizeKiB` for the near miss.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode } from '../../../../../testdata/generator/fault-support/node-health.js';
import { updateNodeHealth } from '../../../../../testdata/generator/node-bundle.js';

export function precheckCosStateSize(cluster: GeneratedCluster, options: { node?: string; sizeKiB?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  updateNodeHealth(cluster, node, (health) => {
    const state = health.filesystems.find((fs) => fs.mount === '/run/initramfs/cos-state')!;
    state.sizeBytes = (options.sizeKiB ?? 8_154_588) * 1024;
    state.usedBytes = 3_763_300 * 1024;
  });
  return node;
}
