import type { Bundle } from '../bundle.js';
import { apiGroupOf, type KubeObject, type ObjectOrigin } from '../resources/kube-object.js';
import type { ResourceType } from './resource-type.js';
import { resourceTypesOf } from './resource-types.js';

/** One step up an object's ownership: a Pod's ReplicaSet, then its Deployment. */
export interface OwnerLink {
  apiVersion: string;
  kind: string;
  name: string;
  /** The owner's namespace (the owned object's; empty for cluster-scoped owners). */
  namespace: string | undefined;
  uid: string | undefined;
  /** Whether the reference is the controller reference. */
  controller: boolean;
  /** The owner as the bundle holds it; undefined when it is not in the bundle. */
  object: KubeObject | undefined;
  origin: ObjectOrigin | undefined;
  /** Why the owner is not shown, when it is not: not collected, or another object of that name. */
  missing?: string;
}

const MAX_DEPTH = 10;

/**
 * An object's owner chain, nearest first: each step follows the controller reference (or the
 * first owner when none is the controller) to the object in the bundle, matched by kind, name
 * and namespace, and by uid when both sides carry one. The chain stops at an owner the bundle
 * does not hold (with the reason), at a loop, or after ten steps.
 */
export async function ownerChain(bundle: Bundle, object: KubeObject): Promise<OwnerLink[]> {
  const chain: OwnerLink[] = [];
  const types = resourceTypesOf(bundle);
  const visited = new Set<KubeObject>([object]);
  let current: KubeObject | undefined = object;
  while (current && chain.length < MAX_DEPTH) {
    const references: Record<string, unknown>[] = Array.isArray(current.metadata.ownerReferences)
      ? (current.metadata.ownerReferences as unknown[]).filter((reference): reference is Record<string, unknown> => typeof reference === 'object' && reference !== null)
      : [];
    const reference = references.find((candidate) => candidate.controller === true) ?? references[0];
    if (!reference) break;
    const link = await resolveOwner(bundle, types, current, reference);
    chain.push(link);
    if (!link.object || visited.has(link.object)) break;
    visited.add(link.object);
    current = link.object;
  }
  return chain;
}

async function resolveOwner(bundle: Bundle, types: readonly ResourceType[], owned: KubeObject, reference: Record<string, unknown>): Promise<OwnerLink> {
  const apiVersion = String(reference.apiVersion ?? '');
  const kind = String(reference.kind ?? '');
  const name = String(reference.name ?? '');
  const uid = typeof reference.uid === 'string' && reference.uid !== '' ? reference.uid : undefined;
  const group = apiGroupOf(apiVersion);
  const link: OwnerLink = { apiVersion, kind, name, namespace: owned.metadata.namespace, uid, controller: reference.controller === true, object: undefined, origin: undefined };
  // The kind names the resource to read; a kind no type has cannot be looked up without
  // decoding every list of its group, so it is reported instead.
  const type = types.find((candidate) => candidate.group === group && (candidate.kind === kind || (candidate.kind === '' && candidate.singular === kind.toLowerCase())));
  if (!type) {
    link.missing = `no resource type of ${group === '' ? 'the core group' : group} has kind ${kind}`;
    return link;
  }
  // An owner of a namespaced object is in the same namespace, or cluster-scoped (a Node owns static pods).
  const namespace = type.namespaced ? owned.metadata.namespace : null;
  if (!type.namespaced) link.namespace = undefined;
  const candidates = namespace === undefined ? [] : await bundle.resources({ group, resource: type.resource, namespace, name });
  const found = candidates.find((candidate) => uid === undefined || candidate.metadata.uid === undefined || candidate.metadata.uid === uid);
  if (found) {
    link.object = found;
    link.origin = bundle.origin(found);
    return link;
  }
  if (candidates.length > 0) link.missing = `the bundle holds a ${kind} "${name}" with another uid (the owner was replaced)`;
  else if (type.versions.length === 0) link.missing = `the bundle has no ${type.resource}${group === '' ? '' : `.${group}`} at all`;
  else link.missing = 'not in the bundle (deleted before the bundle was made, or its namespace was not collected)';
  return link;
}
