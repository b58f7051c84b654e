import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The last node's CAPI machine was deleted: nodes(n) and machines(n-1) (newer validator, pre-check 10). */
export function upgradeGateNodesMachinesMismatch(builder: BundleBuilder): string {
  const machine = builder.listObjects('cluster.x-k8s.io/v1beta1', 'Machine', 'fleet-local').at(-1)!;
  builder.removeObject(machine.apiVersion, 'Machine', 'fleet-local', machine.metadata.name);
  return machine.metadata.name;
}
export type { KubeObject };
