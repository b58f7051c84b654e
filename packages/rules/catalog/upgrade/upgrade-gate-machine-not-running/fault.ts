import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The CAPI machine of the last node is stuck Provisioning (validator check 9, pre-check 11). */
export function upgradeGateMachineNotRunning(builder: BundleBuilder, options: { phase?: string } = {}): string {
  const machine = builder.listObjects('cluster.x-k8s.io/v1beta1', 'Machine', 'fleet-local').at(-1)!;
  builder.updateObject(machine.apiVersion, 'Machine', 'fleet-local', machine.metadata.name, (object) => {
    (object.status as Record<string, unknown>).phase = options.phase ?? 'Provisioning';
  });
  return machine.metadata.name;
}
export type { KubeObject };
