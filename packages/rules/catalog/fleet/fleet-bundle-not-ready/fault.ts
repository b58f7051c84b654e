/**
 * The fleet-agent-local Bundle (the Fleet agent of the local cluster, no ManagedChart behind it)
 * is WaitApplied: the agent's StatefulSet in cattle-fleet-local-system does not become ready, so
 * Fleet reports the agent Deployment it applied as not ready.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setBundleNotReady } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export function fleetBundleNotReady(builder: BundleBuilder, bundle = 'fleet-agent-local'): void {
  setBundleNotReady(builder, bundle, {
    state: 'WaitApplied',
    nonReady: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'cattle-fleet-local-system', name: 'fleet-agent', state: 'in-progress', message: ['Waiting for 1 pods to be ready'] }],
  });
}
