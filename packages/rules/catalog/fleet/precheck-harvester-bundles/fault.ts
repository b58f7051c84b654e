import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** mcc-harvester is 0/1 NotReady: a deployment of the chart is still progressing (pre-check 5). */
export function precheckHarvesterBundles(builder: BundleBuilder, options: { summary?: Record<string, unknown> } = {}): void {
  builder.updateObject('fleet.cattle.io/v1alpha1', 'Bundle', 'fleet-local', 'mcc-harvester', (bundle) => {
    const status = bundle.status as Record<string, unknown>;
    status.summary = options.summary ?? {
      desiredReady: 1,
      nonReadyResources: [{ bundleState: 'NotReady', name: 'fleet-local/local', nonReadyStatus: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'harvester', namespace: 'harvester-system', summary: { state: 'in-progress', transitioning: true } }] }],
      notReady: 1,
      ready: 0,
    };
    status.display = { readyClusters: '0/1', state: 'NotReady' };
  });
}
export type { KubeObject };
