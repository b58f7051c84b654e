/**
 * S17 `leftover-upgradelog-operator-managedchart` (signatures.md §2): an upgrade with the upgrade
 * log enabled was deleted, but its hvst-upgrade-rqqrp-upgradelog-operator ManagedChart stayed
 * behind, not Ready (#7560). `upgradeState` keeps the owning Upgrade in that state instead.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { readyFleetStatus } from '../../../../../testdata/generator/fleet-status.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade, setChartNotReady } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const LEFTOVER_CHART = 'hvst-upgrade-rqqrp-upgradelog-operator';

export function leftoverUpgradelogOperatorManagedChart(builder: BundleBuilder, options: { upgradeState?: string } = {}): void {
  const created = beforeCreated(builder, 3 * 86400);
  const spec = {
    chart: 'harvester-upgradelog-operator',
    defaultNamespace: 'harvester-system',
    releaseName: LEFTOVER_CHART,
    repoName: 'harvester-charts',
    targets: [{ clusterName: 'local', clusterSelector: { matchExpressions: [{ key: 'provisioning.cattle.io/unmanaged-system-agent', operator: 'DoesNotExist' }] } }],
    values: { nameOverride: LEFTOVER_CHART },
    version: '0.1.0',
  };
  const times = { readyAt: created, processedAt: created, observedGeneration: 1, resourcesSha256Sum: 'f'.repeat(64) };
  builder.addObject({
    apiVersion: 'management.cattle.io/v3',
    kind: 'ManagedChart',
    metadata: { creationTimestamp: created, generation: 1, labels: { 'harvesterhci.io/upgradeLog': 'hvst-upgrade-rqqrp-upgradelog' }, name: LEFTOVER_CHART, namespace: 'fleet-local' },
    spec,
    status: readyFleetStatus(times),
  });
  builder.addObject({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind: 'Bundle',
    metadata: { annotations: { 'objectset.rio.cattle.io/id': 'managed-chart' }, creationTimestamp: created, generation: 1, name: `mcc-${LEFTOVER_CHART}`, namespace: 'fleet-local' },
    spec: { defaultNamespace: 'harvester-system', helm: { chart: spec.chart, releaseName: LEFTOVER_CHART, repo: 'http://harvester-cluster-repo.cattle-system.svc/charts', version: '0.1.0' }, targets: spec.targets },
    status: readyFleetStatus(times),
  });
  setChartNotReady(builder, LEFTOVER_CHART, {
    state: 'NotReady',
    nonReady: [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: `${LEFTOVER_CHART}`, state: 'updating', message: ['Deployment does not have minimum availability.', 'Available: 0/1'] }],
  });
  if (options.upgradeState) addUpgrade(builder, { name: 'hvst-upgrade-rqqrp', version: 'v1.4.2', previousVersion: 'v1.4.1', state: options.upgradeState, secondsAgo: 1800 });
}
