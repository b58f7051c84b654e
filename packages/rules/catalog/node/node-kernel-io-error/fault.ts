/**
 * I/O errors on a node's disk, as the block layer logs them (`minutesBefore` 40 by default): on
 * sdb, the device of a Longhorn volume attached over iSCSI, or `device`.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';

export function nodeKernelIoError(cluster: GeneratedCluster, options: { node?: string; device?: string; minutesBefore?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  const device = options.device ?? 'sdb';
  const minutes = options.minutesBefore ?? 40;
  kernelMessages(cluster, node, [
    [minutes + 1, `sd 2:0:0:1: [${device}] tag#7 FAILED Result: hostbyte=DID_TRANSPORT_DISRUPTED driverbyte=DRIVER_OK cmd_age=30s`],
    [minutes + 1, `I/O error, dev ${device}, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2`],
    [minutes, `Buffer I/O error on dev ${device}, logical block 256, lost async page write`],
  ]);
  return node;
}
