/** A node whose load is far above its 16 CPUs (default 1/5/15-minute load 71.3, 69.8, 68.2). */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode } from '../../../../../testdata/generator/fault-support/node-health.js';
import { updateNodeHealth } from '../../../../../testdata/generator/node-bundle.js';

export function nodeLoadHigh(cluster: GeneratedCluster, options: { node?: string; load?: [number, number, number] } = {}): string {
  const node = options.node ?? faultNode(cluster);
  updateNodeHealth(cluster, node, (health) => {
    health.load = options.load ?? [71.3, 69.8, 68.2];
  });
  return node;
}
