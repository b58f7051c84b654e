/** A failed systemd unit on a node (default rancher-system-agent.service, which runs OS upgrades and node plans). */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode } from '../../../../../testdata/generator/fault-support/node-health.js';
import { updateNodeHealth } from '../../../../../testdata/generator/node-bundle.js';

export function nodeSystemdUnitFailed(cluster: GeneratedCluster, options: { node?: string; unit?: string; description?: string } = {}): string {
  const node = options.node ?? faultNode(cluster);
  updateNodeHealth(cluster, node, (health) => {
    health.failedUnits.push({ unit: options.unit ?? 'rancher-system-agent.service', description: options.description ?? 'Rancher System Agent' });
  });
  return node;
}
