import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { upgradeGateNodeUnschedulable } from '../../upgrade/upgrade-gate-node-unschedulable/fault.js';

/** The last node is cordoned, the case the Node-Status pre-check reports first. */
export function precheckNodeStatus(builder: BundleBuilder, options: { unschedulable?: boolean } = {}): string {
  return upgradeGateNodeUnschedulable(builder, options);
}
export type { KubeObject };
