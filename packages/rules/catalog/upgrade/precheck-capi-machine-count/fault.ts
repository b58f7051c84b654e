import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { upgradeGateNodesMachinesMismatch } from '../upgrade-gate-nodes-machines-mismatch/fault.js';

/** One machine fewer than nodes (pre-check 10). */
export function precheckCapiMachineCount(builder: BundleBuilder): string {
  return upgradeGateNodesMachinesMismatch(builder);
}
export type { KubeObject };
