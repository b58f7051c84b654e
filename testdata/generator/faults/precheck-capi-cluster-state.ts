import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { upgradeGateCapiClusterNotProvisioned } from './upgrade-gate-capi-cluster-not-provisioned.js';

/** The CAPI cluster is not Provisioned (same state as validator check 2). */
export function precheckCapiClusterState(builder: BundleBuilder, options: { phase?: string } = {}): void {
  upgradeGateCapiClusterNotProvisioned(builder, options);
}
export type { KubeObject };
