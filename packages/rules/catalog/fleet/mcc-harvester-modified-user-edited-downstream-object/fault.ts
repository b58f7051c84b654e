/**
 * S13 `mcc-harvester-modified-user-edited-downstream-object` (signatures.md §2): an operator
 * edited the harvester-network-controller-manager Deployment directly; Fleet reports it as
 * modified and mcc-harvester is Modified (#8604).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setChartNotReady } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const NETWORK_MANAGER_PATCH =
  '{"spec":{"template":{"spec":{"containers":[{"args":["--leader-elect"],"image":"rancher/harvester-network-controller:v0.5.6","name":"harvester-network-manager","resources":{"limits":{"cpu":"200m","memory":"512Mi"}}}]}}}}';

export function mccHarvesterModifiedUserEditedDownstreamObject(builder: BundleBuilder): void {
  builder.updateObject('apps/v1', 'Deployment', 'harvester-system', 'harvester-network-controller-manager', (deployment) => {
    const annotations = ((deployment.metadata.annotations ??= {}) as Record<string, string>);
    annotations['kubectl.kubernetes.io/restartedAt'] = '2025-03-11T15:02:44Z';
  });
  setChartNotReady(builder, 'harvester', {
    state: 'Modified',
    modified: [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: 'harvester-network-controller-manager', patch: NETWORK_MANAGER_PATCH }],
  });
}
