import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { upgradeGateMachineNotRunning } from '../upgrade-gate-machine-not-running/fault.js';

/** A machine not in phase Running (pre-check 11). */
export function precheckCapiMachineState(builder: BundleBuilder, options: { phase?: string } = {}): string {
  return upgradeGateMachineNotRunning(builder, options);
}
export type { KubeObject };
