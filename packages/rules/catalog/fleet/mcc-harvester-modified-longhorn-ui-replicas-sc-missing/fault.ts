/**
 * S07 `mcc-harvester-modified-longhorn-ui-replicas-sc-missing` (signatures.md §2): on v1.3.1 the
 * chart-owned StorageClass harvester-longhorn was deleted and longhorn-ui scaled by hand; Fleet
 * reports both and mcc-harvester is Modified (#6561). `keepStorageClass` only scales longhorn-ui.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setChartNotReady, setServerVersion, type ModifiedEntry } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export function mccHarvesterModifiedLonghornUiReplicasScMissing(builder: BundleBuilder, options: { keepStorageClass?: boolean } = {}): void {
  setServerVersion(builder, 'v1.3.1');
  builder.updateObject('apps/v1', 'Deployment', 'longhorn-system', 'longhorn-ui', (deployment) => {
    (deployment.spec as Record<string, unknown>).replicas = 1;
  });
  const modified: ModifiedEntry[] = [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'longhorn-system', name: 'longhorn-ui', patch: '{"spec":{"replicas":2}}' }];
  if (!options.keepStorageClass) {
    builder.removeObject('storage.k8s.io/v1', 'StorageClass', undefined, 'harvester-longhorn');
    modified.push({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name: 'harvester-longhorn', missing: true });
  }
  setChartNotReady(builder, 'harvester', { state: 'Modified', modified });
}
