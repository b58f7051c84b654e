import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** Fleet reports the rancher-monitoring chart bundle as not deployed: summary.ready 0 (pre-check 4). */
export function precheckHelmBundles(builder: BundleBuilder, options: { bundle?: string; ready?: number } = {}): string {
  const name = options.bundle ?? 'mcc-rancher-monitoring';
  builder.updateObject('fleet.cattle.io/v1alpha1', 'Bundle', 'fleet-local', name, (bundle) => {
    const status = bundle.status as Record<string, unknown>;
    const ready = options.ready ?? 0;
    status.summary = { desiredReady: 1, ready, ...(ready === 0 ? { waitApplied: 1 } : {}) };
    status.display = { readyClusters: `${ready}/1`, ...(ready === 0 ? { state: 'WaitApplied' } : {}) };
  });
  return `fleet-local/${name}`;
}
export type { KubeObject };
