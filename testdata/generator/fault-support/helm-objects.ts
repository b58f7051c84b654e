/**
 * What faults need to put helm-controller objects into a generated cluster after the fact: the
 * cluster's nodes as the generator's ClusterNode, a PRNG of the fault's own (so a fault never
 * shifts the names the healthy cluster drew), and the job helpers of helm-jobs.ts.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterNode } from '../cluster-context.js';
import { SeededRandom } from '../random.js';

export { addHelmChart, addHelmJob, HELM_CHART_FINALIZER, KLIPPER_HELM_IMAGE, type HelmJobState } from '../helm-jobs.js';
export { klipperHelmLog } from '../klipper-helm-log.js';

/** The first node of the bundle as the job helpers take it. */
export function firstNode(builder: BundleBuilder): ClusterNode {
  const node = builder.listObjects('v1', 'Node')[0]!;
  const addresses = ((node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
  return {
    name: node.metadata.name,
    ip: addresses.find((address) => address.type === 'InternalIP')?.address ?? '192.168.122.11',
    controlPlane: true,
    machine: '',
    systemUuid: '',
    podCidr: '',
  };
}

/** A PRNG for one fault, from a number of its own. */
export function faultRandom(seed: number): SeededRandom {
  return new SeededRandom(seed);
}

/** An RFC 3339 time `seconds` before the bundle was created. */
export function secondsBefore(builder: BundleBuilder, seconds: number): string {
  return new Date(Date.parse(builder.createdAt) - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** The HelmChart `namespace/name` as the bundle holds it (throws when absent: a fault on the wrong cluster). */
export function helmChart(builder: BundleBuilder, namespace: string, name: string): KubeObject {
  const chart = builder.getObject('helm.cattle.io/v1', 'HelmChart', namespace, name);
  if (!chart) throw new Error(`no HelmChart ${namespace}/${name} in this cluster`);
  return chart;
}

/** Removes a Job and the pods it owns (a fault replaces what helm-controller left with what it leaves now). */
export function removeJobAndPods(builder: BundleBuilder, namespace: string, job: string): void {
  builder.removeObject('batch/v1', 'Job', namespace, job);
  for (const pod of builder.listObjects('v1', 'Pod', namespace)) {
    if ((pod.metadata.labels as Record<string, string> | undefined)?.['job-name'] !== job) continue;
    builder.removeObject('v1', 'Pod', namespace, pod.metadata.name);
    builder.removePodLogs(namespace, pod.metadata.name);
  }
}
