import type { Bundle } from '../bundle.js';
import { hasCrdList, readBundleCrds } from './bundle-crds.js';
import { closestNames } from './closest-names.js';
import { UnknownResourceTypeError } from './kubectl-errors.js';
import { qualifiedResource, type ResourceType } from './resource-type.js';
import { resourceTypesOf } from './resource-types.js';

/** What a typed name resolved to, and how. */
export interface ResolvedResourceType {
  type: ResourceType;
  /** As the user typed it. */
  typed: string;
  /** The version the user named (`deployments.v1.apps`), if any. */
  version?: string;
  matchedBy: 'resource' | 'singular' | 'shortName' | 'kind';
  /** Other types the same name fits, which kubectl's order put after this one. */
  alsoMatches: ResourceType[];
  /** How the choice was made, when there was one to make (kubectl's warning for short names). */
  explanation?: string;
}

/**
 * Resolves a resource name as kubectl does, from the built-in table plus what the bundle holds:
 *
 * 1. `name.group` and `name.version.group` restrict the search to that group (`settings.longhorn.io`).
 * 2. A plural or singular name wins over short names (client-go's shortcut expander: a full
 *    name is never expanded), then short names, then kinds in any case (`VirtualMachine`).
 * 3. When several groups fit, the first in API discovery order wins: the core group, then
 *    Kubernetes' groups by priority, then custom groups by APIService name — so `settings` is
 *    harvesterhci.io's, `nodes` the core Nodes, `clusters` provisioning.cattle.io's. The others
 *    are returned in `alsoMatches` with an explanation.
 *
 * The bundle's CRD list is read only when the built-in table and the file names do not know
 * the name. An unknown name is an `UnknownResourceTypeError` with close matches.
 */
export async function resolveResourceType(bundle: Bundle, typed: string): Promise<ResolvedResourceType> {
  const withoutCrds = resolveAmong(resourceTypesOf(bundle), typed);
  if (withoutCrds) return withoutCrds;
  const types = hasCrdList(bundle) ? resourceTypesOf(bundle, await readBundleCrds(bundle)) : resourceTypesOf(bundle);
  const resolved = resolveAmong(types, typed);
  if (resolved) return resolved;
  const names = types.flatMap((type) => [type.resource, type.singular, ...type.shortNames, qualifiedResource(type)]);
  throw new UnknownResourceTypeError(typed, closestNames(typed.toLowerCase(), names));
}

/**
 * A comma list (`pods,svc`) or the `all` category, each resolved; `all` expands to every type
 * in that category, in discovery order.
 */
export async function resolveResourceTypes(bundle: Bundle, typed: string): Promise<ResolvedResourceType[]> {
  const resolved: ResolvedResourceType[] = [];
  for (const name of typed.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    if (name.toLowerCase() === 'all') {
      const types = hasCrdList(bundle) ? resourceTypesOf(bundle, await readBundleCrds(bundle)) : resourceTypesOf(bundle);
      for (const type of types) {
        if (type.categories.includes('all')) resolved.push({ type, typed: name, matchedBy: 'resource', alsoMatches: [] });
      }
      continue;
    }
    resolved.push(await resolveResourceType(bundle, name));
  }
  const seen = new Set<string>();
  return resolved.filter((entry) => {
    const key = `${entry.type.group}/${entry.type.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

function resolveAmong(types: readonly ResourceType[], typed: string): ResolvedResourceType | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  if (dot < 0) return match(types, typed, lower, undefined, undefined);
  const name = lower.slice(0, dot);
  const rest = lower.slice(dot + 1);
  // kubectl tries `resource.version.group` before `resource.group`.
  const versionDot = rest.indexOf('.');
  if (versionDot > 0 && VERSION.test(rest.slice(0, versionDot))) {
    const found = match(types, typed, name, rest.slice(versionDot + 1), rest.slice(0, versionDot));
    if (found) return found;
  }
  return match(types, typed, name, rest, undefined);
}

function match(types: readonly ResourceType[], typed: string, name: string, group: string | undefined, version: string | undefined): ResolvedResourceType | undefined {
  const candidates = group === undefined ? types : types.filter((type) => type.group === group);
  const found = (matchedBy: ResolvedResourceType['matchedBy'], fits: (type: ResourceType) => boolean): ResolvedResourceType | undefined => {
    const matches = candidates.filter(fits);
    if (matches.length === 0) return undefined;
    const [first, ...others] = matches as [ResourceType, ...ResourceType[]];
    const alsoMatches = others.filter((other) => !sameObjects(first, other));
    const result: ResolvedResourceType = { type: first, typed, matchedBy, alsoMatches, ...(version ? { version } : {}) };
    // kubectl says nothing when the core group wins (`nodes` is the Node, whatever nodes.longhorn.io
    // is): a note on every `get nodes` would be noise. Elsewhere which group won is worth a line.
    if (alsoMatches.length > 0 && (first.group !== '' || matchedBy === 'shortName')) result.explanation = explain(typed, matchedBy, first, alsoMatches);
    return result;
  };
  return (
    found('resource', (type) => type.resource === name) ??
    found('singular', (type) => type.singular === name) ??
    found('shortName', (type) => type.shortNames.includes(name)) ??
    found('kind', (type) => type.kind !== '' && type.kind.toLowerCase() === name)
  );
}

/**
 * The same objects served by two groups (events by core and events.k8s.io, ingresses by
 * extensions and networking.k8s.io on old clusters), or their metrics: no real ambiguity.
 */
const SAME_OBJECTS: readonly (readonly [string, string, string])[] = [
  ['events', '', 'events.k8s.io'],
  ['ingresses', 'extensions', 'networking.k8s.io'],
];

function sameObjects(a: ResourceType, b: ResourceType): boolean {
  if (b.group === 'metrics.k8s.io' || a.group === 'metrics.k8s.io') return true;
  return SAME_OBJECTS.some(([resource, one, other]) => a.resource === resource && b.resource === resource && [one, other].includes(a.group) && [one, other].includes(b.group));
}

function explain(typed: string, matchedBy: ResolvedResourceType['matchedBy'], chosen: ResourceType, others: readonly ResourceType[]): string {
  if (matchedBy === 'shortName') {
    return others.map((other) => `short name "${typed}" could also match lower priority resource ${qualifiedResource(other)}`).join('; ');
  }
  return (
    `"${typed}" also names ${others.map(qualifiedResource).join(', ')}; like kubectl, this shows ${qualifiedResource(chosen)} ` +
    `(the group API discovery lists first: core, then Kubernetes groups by priority, then custom groups by APIService name); ` +
    `type ${qualifiedResource(others[0]!)} for another`
  );
}
