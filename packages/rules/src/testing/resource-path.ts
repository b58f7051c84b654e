/**
 * Where support-bundle-kit writes a resource list: `yamls/cluster/<gv>/<plural>.yaml` or
 * `yamls/namespaced/<ns>/<gv>/<plural>.yaml`, with `gv` = `v1` for the core group
 * (bundle-format.md §1.5). The plural is the API resource name from discovery, which a fixture
 * does not have, so it is derived from the kind, with the irregular names of the resources a
 * Harvester bundle holds.
 */

/** Kinds whose resource name the English rules below would get wrong, or that are easy to get wrong. */
const IRREGULAR_PLURALS: Record<string, string> = {
  Endpoints: 'endpoints',
  Ingress: 'ingresses',
  NetworkAttachmentDefinition: 'network-attachment-definitions',
  // metrics.k8s.io serves NodeMetrics/PodMetrics as `nodes`/`pods`.
  NodeMetrics: 'nodes',
  PodMetrics: 'pods',
};

/** The API resource name (plural) for a kind. */
export function pluralForKind(kind: string): string {
  const irregular = IRREGULAR_PLURALS[kind];
  if (irregular) return irregular;
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

export interface GroupVersion {
  /** "" for the core group. */
  group: string;
  version: string;
}

export function parseApiVersion(apiVersion: string): GroupVersion {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** `gv.String()` in client-go: `v1` for core, `<group>/<version>` otherwise. */
export function groupVersionString({ group, version }: GroupVersion): string {
  return group === '' ? version : `${group}/${version}`;
}

export interface ResourceListLocation extends GroupVersion {
  /** API resource name, e.g. `managedcharts`. */
  resource: string;
  /** Namespace, or undefined for a cluster-scoped resource. */
  namespace?: string;
}

/** Bundle-root-relative path of the list file that holds a resource. */
export function resourceListPath(location: ResourceListLocation): string {
  const gv = groupVersionString(location);
  const scope = location.namespace === undefined ? 'cluster' : `namespaced/${location.namespace}`;
  return `yamls/${scope}/${gv}/${location.resource}.yaml`;
}

/**
 * Whether the API server serves the group from a CRD. Lists served for CRDs carry
 * `metadata.continue: ""` (written `"null"` by the kit); built-in lists do not — as in the real
 * v1.0 sample, where every CRD group has it and no built-in group does.
 */
export function isCustomResourceGroup(group: string): boolean {
  if (group === '' || !group.includes('.')) return false; // core, apps, batch, policy, autoscaling, extensions
  if (group.endsWith('x-k8s.io') || group === 'snapshot.storage.k8s.io') return true;
  return !group.endsWith('.k8s.io');
}
