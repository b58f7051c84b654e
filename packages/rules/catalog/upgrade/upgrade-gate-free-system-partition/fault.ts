/**
 * The v1.1.3–v1.4.x validator's free system partition minimum: a node whose COS_PERSISTENT
 * (/usr/local, 183 GiB) has `availableGiB` left (default 25; the Version annotation asks for 30).
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, fillFilesystem, GIB } from '../../../../../testdata/generator/fault-support/node-health.js';

export function upgradeGateFreeSystemPartition(cluster: GeneratedCluster, options: { node?: string; availableGiB?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  fillFilesystem(cluster, node, '/usr/local', (fs) => fs.sizeBytes - (options.availableGiB ?? 25) * GIB);
  return node;
}
