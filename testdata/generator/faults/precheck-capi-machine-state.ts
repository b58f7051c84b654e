import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { upgradeGateMachineNotRunning } from './upgrade-gate-machine-not-running.js';

/** A machine not in phase Running (pre-check 11). */
export function precheckCapiMachineState(builder: BundleBuilder, options: { phase?: string } = {}): string {
  return upgradeGateMachineNotRunning(builder, options);
}
export type { KubeObject };
