import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The last node was cordoned (left in maintenance mode) (validator check 6, pre-check 6). */
export function upgradeGateNodeUnschedulable(builder: BundleBuilder, options: { unschedulable?: boolean } = {}): string {
  const node = builder.listObjects('v1', 'Node').at(-1)!;
  builder.updateObject('v1', 'Node', undefined, node.metadata.name, (object) => {
    (object.spec as Record<string, unknown>).unschedulable = options.unschedulable ?? true;
    (object.metadata.annotations as Record<string, string>)['harvesterhci.io/maintain-status'] = 'completed';
  });
  return node.metadata.name;
}
export type { KubeObject };
