/**
 * The order in which API discovery lists groups, which is the order kubectl tries them when a
 * name (`settings`, `clusters`, `nodes`) fits types of several groups: the core group first,
 * then APIServices by `groupPriorityMinimum` (highest first) and, within a priority, by the
 * APIService's name, `<version>.<group>` (kube-aggregator's sort). Kubernetes' own groups have
 * fixed priorities (kube-apiserver's table below); every CRD group gets 1000 and
 * metrics-server's metrics.k8s.io 100. A group's place is that of its first APIService.
 */
const BUILT_IN_GROUP_PRIORITY: Readonly<Record<string, number>> = {
  '': 18000,
  extensions: 17900,
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'apiextensions.k8s.io': 16700,
  'admissionregistration.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
  'internal.apiserver.k8s.io': 16000,
  'resource.k8s.io': 15900,
  'apiregistration.k8s.io': 15800,
  'metrics.k8s.io': 100,
};

/** What a CRD's APIService gets (crdregistration). */
const CUSTOM_GROUP_PRIORITY = 1000;

export interface GroupOrderKey {
  priority: number;
  /** The first `<version>.<group>` in name order. */
  name: string;
}

export function groupOrderKey(group: string, versions: readonly string[]): GroupOrderKey {
  const names = (versions.length > 0 ? versions : ['v1']).map((version) => `${version}.${group}`).sort(byteOrder);
  return { priority: BUILT_IN_GROUP_PRIORITY[group] ?? CUSTOM_GROUP_PRIORITY, name: names[0]! };
}

/** Negative when group `a` comes before group `b` in discovery. */
export function compareGroupOrder(a: GroupOrderKey, b: GroupOrderKey): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return byteOrder(a.name, b.name);
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups the Kubernetes API server serves itself (not from CRDs). */
export function isKubernetesGroup(group: string): boolean {
  return Object.hasOwn(BUILT_IN_GROUP_PRIORITY, group);
}
