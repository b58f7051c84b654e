/**
 * Memory errors on a node as EDAC logs them: `uncorrected` (UE, default) or corrected (CE), with
 * the machine-check lines that come with them, `minutesBefore` 300 minutes before the bundle.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';

export function nodeKernelHardwareError(cluster: GeneratedCluster, options: { node?: string; uncorrected?: boolean; minutesBefore?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  const minutes = options.minutesBefore ?? 300;
  const kind = options.uncorrected === false ? 'CE' : 'UE';
  kernelMessages(cluster, node, [
    [minutes, 'mce: [Hardware Error]: Machine check events logged'],
    [minutes, `EDAC MC0: 1 ${kind} memory read error on CPU_SrcID#0_MC#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x1a2b3c offset:0x0 grain:32 syndrome:0x0 - err_code:0x0101:0x0090 SystemAddress:0x1a2b3c000 ProcessorSocketId:0x0 MemoryControllerId:0x0 ChannelAddress:0xd15e000 ChannelId:0x1 RankAddress:0x68af000 PhysicalRankId:0x0 DimmSlotId:0x0 Row:0x1a2b Column:0x1c0 Bank:0x1 BankGroup:0x2 ChipSelect:0x0 ChipId:0x0)`],
  ]);
  return node;
}
