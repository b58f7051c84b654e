/** A node's disk (sda, its only one) whose SMART overall-health self-assessment says FAILED. */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode } from '../../../../../testdata/generator/fault-support/node-health.js';
import { updateNodeHealth } from '../../../../../testdata/generator/node-bundle.js';

export function nodeDiskSmartFailed(cluster: GeneratedCluster, options: { node?: string; passed?: boolean } = {}): string {
  const node = options.node ?? faultNode(cluster);
  updateNodeHealth(cluster, node, (health) => {
    for (const disk of health.disks) disk.passed = options.passed ?? false;
  });
  return node;
}
