import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The last node stopped posting status: Ready Unknown (validator check 6, pre-check 6). */
export function upgradeGateNodeNotReady(builder: BundleBuilder, options: { status?: string } = {}): string {
  const node = builder.listObjects('v1', 'Node').at(-1)!;
  builder.updateObject('v1', 'Node', undefined, node.metadata.name, (object) => {
    const conditions = (object.status as { conditions: Record<string, string>[] }).conditions;
    const ready = conditions.find((condition) => condition.type === 'Ready')!;
    ready.status = options.status ?? 'Unknown';
    ready.reason = 'NodeStatusUnknown';
    ready.message = 'Kubelet stopped posting node status.';
  });
  return node.metadata.name;
}
export type { KubeObject };
