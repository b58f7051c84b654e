/**
 * A node short of memory: `availableKiB` left of its 62.7 GiB (default 1,900,000 KiB: 97 % used),
 * optionally with swap in use.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode } from '../../../../../testdata/generator/fault-support/node-health.js';
import { updateNodeHealth } from '../../../../../testdata/generator/node-bundle.js';

export function nodeMemoryPressure(cluster: GeneratedCluster, options: { node?: string; availableKiB?: number; swapUsedKiB?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  updateNodeHealth(cluster, node, (health) => {
    const { memory } = health;
    memory.availableKiB = options.availableKiB ?? 1_900_000;
    memory.freeKiB = Math.round(memory.availableKiB * 0.4);
    memory.buffCacheKiB = Math.round(memory.availableKiB * 0.7);
    memory.usedKiB = memory.totalKiB - memory.freeKiB - memory.buffCacheKiB;
    if (options.swapUsedKiB !== undefined) health.swap = { totalKiB: 8_388_604, usedKiB: options.swapUsedKiB };
  });
  return node;
}
