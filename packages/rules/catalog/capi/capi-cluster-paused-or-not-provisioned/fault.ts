/**
 * S46 `capi-cluster-paused-or-not-provisioned` (signatures.md §5): the CAPI cluster
 * fleet-local/local was paused (`paused`), is not Provisioned (`phase`, e.g. Provisioning), or
 * the machine of a node is not Running (`machinePhase`, e.g. Provisioned before its node
 * registered). `paused: false` explicitly written is the near miss (someone unpaused it).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';

export interface CapiClusterOptions {
  paused?: boolean;
  phase?: string;
  machinePhase?: string;
}

const CAPI = 'cluster.x-k8s.io/v1beta1';

export function capiClusterPausedOrNotProvisioned(builder: BundleBuilder, options: CapiClusterOptions = {}): { machine?: string } {
  builder.updateObject(CAPI, 'Cluster', 'fleet-local', 'local', (cluster) => {
    const spec = cluster.spec as Record<string, unknown>;
    if (options.paused !== undefined) {
      spec.paused = options.paused;
      cluster.metadata.generation = Number(cluster.metadata.generation ?? 1) + 1;
    }
    const status = cluster.status as { phase: string; conditions: { type: string; status: string; reason?: string; message?: string }[] };
    if (options.phase) {
      status.phase = options.phase;
      for (const condition of status.conditions) {
        if (condition.type === 'Ready' || condition.type === 'ControlPlaneReady') {
          condition.status = 'False';
          condition.reason = 'WaitingForControlPlane';
          condition.message = 'Waiting for control plane provider to indicate the control plane has been initialized';
        }
      }
    }
  });
  if (!options.machinePhase) return {};
  const machine = builder.listObjects(CAPI, 'Machine', 'fleet-local').at(-1)!;
  builder.updateObject(CAPI, 'Machine', 'fleet-local', machine.metadata.name, (object) => {
    (object.status as { phase: string }).phase = options.machinePhase!;
  });
  return { machine: machine.metadata.name };
}
