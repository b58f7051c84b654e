/**
 * A resource type as kubectl's discovery knows it: the plural it lists, the kind of its objects,
 * the names a user may type for it, and whether it is namespaced.
 */
export interface ResourceType {
  /** API group; `''` for the core group. */
  group: string;
  /** The plural, as in the bundle's file names (`virtualmachines`). */
  resource: string;
  kind: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** `all` for the types `kubectl get all` lists. */
  categories: readonly string[];
  /** Versions the bundle has files for, the one with most files first; `[]` when it has none. */
  versions: readonly string[];
  /** Every version the cluster served, when known (orders API groups as discovery does). */
  servedVersions: readonly string[];
  /**
   * Where the type is known from: the built-in table of Kubernetes and Harvester types, a
   * CustomResourceDefinition in the bundle, or only a file of the bundle (kind and singular
   * are then guessed from the plural until an object is read).
   */
  source: 'built-in' | 'crd' | 'bundle';
  /** Why a bundle never holds objects of this type (the kit leaves it out), when known. */
  notCollected?: string;
}

/** How kubectl names a type in messages and in `-o name`: `pods`, `deployments.apps`. */
export function qualifiedResource(type: Pick<ResourceType, 'group' | 'resource'>): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}

/** `pod`, `deployment.apps`, `virtualmachine.kubevirt.io`: the prefix of `kubectl get -o name`. */
export function qualifiedKind(type: Pick<ResourceType, 'group' | 'kind'>): string {
  const kind = type.kind.toLowerCase();
  return type.group === '' ? kind : `${kind}.${type.group}`;
}

/** A singular guessed from a plural, for types known only from a file name. */
export function guessSingular(plural: string): string {
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (/(ses|xes|zes|ches|shes)$/.test(plural)) return plural.slice(0, -2);
  if (plural.endsWith('s')) return plural.slice(0, -1);
  return plural;
}
