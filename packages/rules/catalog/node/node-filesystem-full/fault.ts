/**
 * A node's filesystem nearly full: COS_PERSISTENT (/usr/local, 183 GiB) at `usedGiB` (default 171:
 * 94 %), or another mount of the node's df (`mount`).
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, fillFilesystem, GIB } from '../../../../../testdata/generator/fault-support/node-health.js';

export function nodeFilesystemFull(cluster: GeneratedCluster, options: { node?: string; mount?: string; usedGiB?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  fillFilesystem(cluster, node, options.mount ?? '/usr/local', (options.usedGiB ?? 171) * GIB);
  return node;
}
