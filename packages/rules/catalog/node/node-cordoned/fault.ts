/**
 * A node left cordoned (`kubectl cordon`: spec.unschedulable and the unschedulable taint). With
 * `maintenance`, Harvester's maintenance mode did it (annotation harvesterhci.io/maintain-status);
 * with `upgrade`, an upgrade in progress is draining the node (the near miss), or one that already
 * Succeeded (which does not excuse the cordon).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addUpgrade } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export interface NodeCordonedOptions {
  hoursAgo?: number;
  maintenance?: 'running' | 'completed';
  upgrade?: 'UpgradingNodes' | 'Succeeded';
}

export function nodeCordoned(builder: BundleBuilder, options: NodeCordonedOptions = {}): string {
  const node = builder.listObjects('v1', 'Node')[0]!;
  const timeAdded = secondsBefore(builder, (options.hoursAgo ?? 26) * 3600);
  builder.updateObject('v1', 'Node', undefined, node.metadata.name, (object) => {
    const spec = object.spec as Record<string, unknown>;
    spec.taints = [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded }];
    spec.unschedulable = true;
    if (options.maintenance) (object.metadata.annotations as Record<string, string>)['harvesterhci.io/maintain-status'] = options.maintenance;
  });
  if (options.upgrade) {
    const name = node.metadata.name;
    addUpgrade(builder, {
      from: 'v1.4.1',
      to: 'v1.4.2',
      state: options.upgrade,
      nodeStatuses: { [name]: { state: options.upgrade === 'Succeeded' ? 'Succeeded' : 'Pre-drained' } },
      startedSecondsAgo: (options.hoursAgo ?? 26) * 3600 + 600,
    });
  }
  return node.metadata.name;
}
