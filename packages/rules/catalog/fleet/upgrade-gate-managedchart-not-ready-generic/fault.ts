/**
 * S18 `upgrade-gate-managedchart-not-ready-generic` (signatures.md §2): a ManagedChart is not
 * Ready for a reason no specific rule knows. Here rancher-monitoring is NotReady because its
 * operator Deployment has no available replica (what the generic router must still report).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setChartNotReady } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export function upgradeGateManagedChartNotReadyGeneric(builder: BundleBuilder, options: { chart?: string } = {}): void {
  setChartNotReady(builder, options.chart ?? 'rancher-monitoring', {
    state: 'NotReady',
    nonReady: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'cattle-monitoring-system',
        name: 'rancher-monitoring-operator',
        state: 'updating',
        message: ['Deployment does not have minimum availability.', 'Available: 0/1'],
      },
    ],
  });
}
