/**
 * S08 `mcc-harvester-errapplied-release-not-found` (signatures.md §2): a v1.3.0 cluster with a
 * witness node whose harvester bundle is ErrApplied "release: not found" while the harvester and
 * harvester-webhook Deployments are at 2/3 (#5917).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export function mccHarvesterErrAppliedReleaseNotFound(builder: BundleBuilder, options: { clusterMessage?: string } = {}): void {
  setServerVersion(builder, 'v1.3.0');
  const nodes = builder.listObjects('v1', 'Node');
  const witness = nodes[nodes.length - 1];
  if (witness && nodes.length >= 3) {
    builder.updateObject('v1', 'Node', undefined, witness.metadata.name, (node) => {
      (node.metadata.labels as Record<string, string>)['node-role.harvesterhci.io/witness'] = 'true';
    });
  }
  setChartNotReady(builder, 'harvester', {
    state: 'ErrApplied',
    clusterMessage: options.clusterMessage ?? 'release: not found',
    nonReady: [
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: 'harvester', state: 'progressing', message: ['Available: 2/3'] },
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: 'harvester-webhook', state: 'progressing', message: ['Deployment does not have minimum availability.', 'Available: 2/3'] },
    ],
  });
}
