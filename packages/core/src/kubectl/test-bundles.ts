// Bundles for the kubectl tests: the committed fixtures, and generated variants of the
// workloads cluster (testdata/generator) opened from memory.
import { fileURLToPath } from 'node:url';
import { openBundle, type Bundle } from '../bundle.js';
import { addCustomResourceDefinitions, addWorkloadHistory, generateHealthyCluster } from '../../../../testdata/generator/index.js';
import type { ClusterContext } from '../../../../testdata/generator/cluster-context.js';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../../testdata/bundles/${name}`, import.meta.url));
}

export const WORKLOADS = {
  zip: fixturePath('workloads-v1.4.2.zip'),
  tarGz: fixturePath('workloads-v1.4.2.tar.gz'),
  folder: fixturePath('workloads-v1.4.2'),
};

/** The workloads cluster, changed by `change` (or not), then opened from its zip bytes. */
export async function workloadsVariant(change?: (cluster: ClusterContext) => void, options: { crds?: boolean } = {}): Promise<Bundle> {
  const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1421 });
  addWorkloadHistory(cluster);
  if (options.crds !== false) addCustomResourceDefinitions(cluster);
  change?.(cluster);
  return openBundle(cluster.builder.toZip());
}

export const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';

/** Names and places in the workloads fixture, taken from the generator that made it (seed 1421). */
export interface WorkloadsNames {
  /** harvester-system pod in CrashLoopBackOff, and its ReplicaSet. */
  crashLoopPod: string;
  crashLoopReplicaSet: string;
  /** longhorn-system longhorn-manager restarted twice (with a previous log). */
  restartedPod: { name: string; ip: string; node: string };
  /** A harvester-system virt-handler pod that never restarted. */
  quietPod: string;
  /** The PVCs in default, sorted. */
  claims: string[];
}

export function workloadsNames(): WorkloadsNames {
  const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1421 });
  addWorkloadHistory(cluster);
  const { builder } = cluster;
  const crashLoop = builder.listObjects('v1', 'Pod', 'harvester-system').find((pod) => pod.metadata.name.startsWith('harvester-network-controller-manager-'))!;
  const restarted = builder.listObjects('v1', 'Pod', 'longhorn-system').find((pod) => restartCount(pod) === 2)!;
  return {
    crashLoopPod: crashLoop.metadata.name,
    crashLoopReplicaSet: String((crashLoop.metadata.ownerReferences as { name: string }[])[0]!.name),
    restartedPod: { name: restarted.metadata.name, ip: String((restarted.status as { podIP: string }).podIP), node: String((restarted.spec as { nodeName: string }).nodeName) },
    quietPod: builder.listObjects('v1', 'Pod', 'harvester-system').find((pod) => pod.metadata.name.startsWith('virt-handler-'))!.metadata.name,
    claims: builder.listObjects('v1', 'PersistentVolumeClaim', 'default').map((claim) => claim.metadata.name),
  };
}

function restartCount(pod: { status?: unknown; [field: string]: unknown }): number {
  const statuses = (pod.status as { containerStatuses?: { restartCount?: number }[] } | undefined)?.containerStatuses ?? [];
  return statuses.reduce((sum, status) => sum + (status.restartCount ?? 0), 0);
}
