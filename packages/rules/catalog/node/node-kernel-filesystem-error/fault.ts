/**
 * ext4 finds corruption on a node's filesystem and takes it read-only (`device` sdc, a Longhorn
 * disk by default), `minutesBefore` 25 minutes before the bundle.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';

export function nodeKernelFilesystemError(cluster: GeneratedCluster, options: { node?: string; device?: string; minutesBefore?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  const device = options.device ?? 'sdc';
  const minutes = options.minutesBefore ?? 25;
  kernelMessages(cluster, node, [
    [minutes, `EXT4-fs error (device ${device}): ext4_find_entry:1463: inode #2: comm longhorn: reading directory lblock 0`],
    [minutes, `Aborting journal on device ${device}-8.`],
    [minutes, `EXT4-fs (${device}): Remounting filesystem read-only`],
  ]);
  return node;
}
