import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { upgradeGateNodesMachinesMismatch } from './upgrade-gate-nodes-machines-mismatch.js';

/** One machine fewer than nodes (pre-check 10). */
export function precheckCapiMachineCount(builder: BundleBuilder): string {
  return upgradeGateNodesMachinesMismatch(builder);
}
export type { KubeObject };
