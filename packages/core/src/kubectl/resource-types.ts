import type { Bundle } from '../bundle.js';
import { compareGroupOrder, groupOrderKey } from './api-group-order.js';
import type { BundleCrd } from './bundle-crds.js';
import { KNOWN_RESOURCE_TYPES } from './known-resource-types.js';
import { guessSingular, type ResourceType } from './resource-type.js';

/**
 * Every resource type a kubectl read of this bundle can name, in API discovery order: the
 * built-in table, the types of the bundle's files (whatever their group), and — when given —
 * what the bundle's CustomResourceDefinitions say (short names, kinds, scope, served versions),
 * which wins over the table.
 */
export function resourceTypesOf(bundle: Bundle, crds: readonly BundleCrd[] = []): ResourceType[] {
  const files = new Map<string, { group: string; resource: string; versions: Map<string, number>; cluster: boolean; namespaced: boolean }>();
  for (const file of bundle.index.resourceFiles()) {
    const key = `${file.group}/${file.resource}`;
    let entry = files.get(key);
    if (!entry) {
      entry = { group: file.group, resource: file.resource, versions: new Map(), cluster: false, namespaced: false };
      files.set(key, entry);
    }
    entry.versions.set(file.version, (entry.versions.get(file.version) ?? 0) + 1);
    if (file.scope === 'cluster') entry.cluster = true;
    else entry.namespaced = true;
  }
  const crdsByKey = new Map(crds.map((crd) => [`${crd.group}/${crd.resource}`, crd]));

  const types = new Map<string, ResourceType>();
  for (const known of KNOWN_RESOURCE_TYPES) {
    types.set(`${known.group}/${known.resource}`, {
      group: known.group,
      resource: known.resource,
      kind: known.kind,
      singular: known.singular ?? known.kind.toLowerCase(),
      shortNames: known.shortNames ?? [],
      namespaced: known.namespaced,
      categories: known.categories ?? [],
      versions: [],
      servedVersions: known.served ?? [],
      source: 'built-in',
      ...(known.notCollected ? { notCollected: known.notCollected } : {}),
    });
  }
  for (const crd of crds) {
    const key = `${crd.group}/${crd.resource}`;
    const known = types.get(key);
    types.set(key, {
      group: crd.group,
      resource: crd.resource,
      kind: crd.kind,
      singular: crd.singular,
      shortNames: crd.shortNames,
      namespaced: crd.namespaced,
      categories: crd.categories.length > 0 ? crd.categories : (known?.categories ?? []),
      versions: [],
      servedVersions: crd.versions.map((version) => version.name),
      source: 'crd',
      ...(known?.notCollected ? { notCollected: known.notCollected } : {}),
    });
  }
  for (const [key, file] of files) {
    const versions = [...file.versions.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([version]) => version);
    const existing = types.get(key);
    if (existing) {
      types.set(key, { ...existing, versions, namespaced: file.namespaced || (!file.cluster && existing.namespaced) });
      continue;
    }
    const singular = guessSingular(file.resource);
    types.set(key, {
      group: file.group,
      resource: file.resource,
      kind: '',
      singular,
      shortNames: [],
      namespaced: file.namespaced,
      categories: [],
      versions,
      servedVersions: crdsByKey.get(key)?.versions.map((version) => version.name) ?? [],
      source: 'bundle',
    });
  }
  return sortInDiscoveryOrder([...types.values()]);
}

/** Groups in discovery order, then each group's resources by name (as discovery lists them). */
export function sortInDiscoveryOrder(types: ResourceType[]): ResourceType[] {
  const served = new Map<string, Set<string>>();
  for (const type of types) {
    const versions = served.get(type.group) ?? new Set<string>();
    for (const version of [...type.servedVersions, ...type.versions]) versions.add(version);
    served.set(type.group, versions);
  }
  const keys = new Map([...served].map(([group, versions]) => [group, groupOrderKey(group, [...versions])]));
  return types.sort(
    (a, b) => compareGroupOrder(keys.get(a.group)!, keys.get(b.group)!) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0),
  );
}
