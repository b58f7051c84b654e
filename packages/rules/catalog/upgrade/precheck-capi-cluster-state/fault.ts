import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { upgradeGateCapiClusterNotProvisioned } from '../upgrade-gate-capi-cluster-not-provisioned/fault.js';

/** The CAPI cluster is not Provisioned (same state as validator check 2). */
export function precheckCapiClusterState(builder: BundleBuilder, options: { phase?: string } = {}): void {
  upgradeGateCapiClusterNotProvisioned(builder, options);
}
export type { KubeObject };
