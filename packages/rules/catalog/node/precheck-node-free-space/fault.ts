/**
 * Pre-check Node-Free-Space: a node's COS_PERSISTENT (/usr/local, where kubelet and containerd keep
 * images) so full that 13 GiB of new images takes it past 85 % of its 183 GiB. `usedGiB` 150 fails;
 * 142–143 sits within df -h's rounding of the limit; 141 and below pass.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, fillFilesystem, GIB } from '../../../../../testdata/generator/fault-support/node-health.js';

export function precheckNodeFreeSpace(cluster: GeneratedCluster, options: { node?: string; usedGiB?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  fillFilesystem(cluster, node, '/usr/local', (options.usedGiB ?? 150) * GIB);
  return node;
}
