import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** A machine that never joined: no status.nodeRef (newer validator node/machine matching). */
export function upgradeGateMachineEmptyNoderef(builder: BundleBuilder, options: { keepNodeRef?: boolean } = {}): string {
  const machine = builder.listObjects('cluster.x-k8s.io/v1beta1', 'Machine', 'fleet-local').at(-1)!;
  builder.updateObject(machine.apiVersion, 'Machine', 'fleet-local', machine.metadata.name, (object) => {
    const status = object.status as Record<string, unknown>;
    if (!options.keepNodeRef) delete status.nodeRef;
    status.phase = 'Provisioned';
  });
  return machine.metadata.name;
}
export type { KubeObject };
