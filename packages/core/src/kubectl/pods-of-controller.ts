import type { Bundle } from '../bundle.js';
import type { KubeObject } from '../resources/kube-object.js';
import { NotInBundleError } from './kubectl-errors.js';
import { matchesLabels, selectorOfLabels, type LabelSelector } from './label-selector.js';
import { ownerChain } from './owner-chain.js';
import { podSummary } from './printers/pods.js';
import { resolveResourceType } from './resolve-resource-type.js';
import { qualifiedResource } from './resource-type.js';

/**
 * The pod `kubectl logs deploy/x` reads: of the pods the object owns (through ReplicaSets and
 * the like; for `svc/x`, the pods its selector picks), a running and ready one first, then by name. `found` says how many there were, for
 * kubectl's "Found 3 pods, using pod/…".
 */
export async function podForController(bundle: Bundle, target: string, namespace = 'default'): Promise<{ pod: KubeObject; found: number }> {
  const slash = target.indexOf('/');
  const resolved = await resolveResourceType(bundle, target.slice(0, slash));
  const name = target.slice(slash + 1);
  const type = resolved.type;
  const owner = await bundle.resource({ group: type.group, resource: type.resource, namespace: type.namespaced ? namespace : null, name });
  if (!owner) {
    throw new NotInBundleError(`${qualifiedResource(type)} "${name}"`, `${qualifiedResource(type)} "${name}" not found${type.namespaced ? ` in namespace "${namespace}"` : ''}`);
  }
  const pods = await bundle.resources({ group: '', resource: 'pods', namespace: owner.metadata.namespace ?? namespace });
  const owned: KubeObject[] = [];
  if (type.group === '' && type.resource === 'services') {
    // A Service owns no pod: kubectl reads the pods its selector picks.
    const selector = serviceSelector(owner);
    if (!selector) throw new NotInBundleError(`pods of ${qualifiedResource(type)} "${name}"`, `${qualifiedResource(type)} "${name}" has no selector, so no pod is behind it`);
    owned.push(...pods.filter((pod) => matchesLabels(selector, pod.metadata.labels as Record<string, string> | undefined)));
    if (owned.length === 0) throw new NotInBundleError(`pods of ${qualifiedResource(type)} "${name}"`, `no pod in the bundle matches the selector of ${qualifiedResource(type)} "${name}" (${selector.source})`);
  } else {
    for (const pod of pods) {
      const chain = await ownerChain(bundle, pod);
      if (chain.some((link) => link.object === owner || (link.kind === owner.kind && link.name === name && (link.uid === undefined || link.uid === owner.metadata.uid)))) owned.push(pod);
    }
    if (owned.length === 0) throw new NotInBundleError(`pods of ${qualifiedResource(type)} "${name}"`, `${qualifiedResource(type)} "${name}" owns no pod in the bundle`);
  }
  const rank = (pod: KubeObject) => {
    const summary = podSummary(pod);
    return (summary.status === 'Running' ? 0 : 2) + (summary.ready === summary.total ? 0 : 1);
  };
  owned.sort((a, b) => rank(a) - rank(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
  return { pod: owned[0]!, found: owned.length };
}

/** `spec.selector` of a Service; undefined for a Service without one (ExternalName, manual Endpoints). */
function serviceSelector(service: KubeObject): LabelSelector | undefined {
  const selector = (service.spec as { selector?: unknown } | undefined)?.selector;
  if (!selector || typeof selector !== 'object') return undefined;
  return selectorOfLabels(Object.fromEntries(Object.entries(selector as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));
}
