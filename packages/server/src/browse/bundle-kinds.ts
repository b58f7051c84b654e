import { hasCrdList, qualifiedResource, readBundleCrds, resourceTypesOf, type Bundle, type ResourceType } from '@bundle-triage/core';
import type { BundleKinds, ResourceTypeBody } from '../http/browse-schemas.js';
import { pageLinks } from './browse-links.js';

/**
 * What the kind picker offers: the types the bundle has files of, named as kubectl names them
 * (with the CRDs' kinds and short names when the bundle has its CRD list), in API discovery
 * order; the namespaces it has objects of, those it did not collect, and its nodes.
 */
export async function bundleKinds(bundle: Bundle, analysisId: string): Promise<BundleKinds> {
  const crds = hasCrdList(bundle) ? await readBundleCrds(bundle) : [];
  const types = resourceTypesOf(bundle, crds).filter((type) => type.versions.length > 0);
  const facts = await bundle.facts();
  return {
    analysisId,
    types: types.map((type) => typeBody(bundle, type)),
    namespaces: bundle.index.namespaceFolders(),
    uncollectedNamespaces: [...facts.uncollectedNamespaces].sort(),
    nodes: bundle.index.nodes(),
    links: { page: pageLinks.kinds(analysisId) },
  };
}

export function typeBody(bundle: Bundle, type: ResourceType): ResourceTypeBody {
  return {
    name: qualifiedResource(type),
    resource: type.resource,
    group: type.group,
    kind: type.kind,
    shortNames: [...type.shortNames],
    namespaced: type.namespaced,
    version: type.versions[0] ?? null,
    files: bundle.resourceFiles({ group: type.group, resource: type.resource }).length,
  };
}
