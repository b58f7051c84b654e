import type { Bundle } from '../bundle.js';
import type { KubeObject, ObjectOrigin } from '../resources/kube-object.js';
import { readBundleEvents } from './bundle-events.js';
import { matchesFields, parseFieldSelector, type FieldSelector } from './field-selector.js';
import { matchesLabels, parseLabelSelector, type LabelSelector } from './label-selector.js';
import type { ResourceType } from './resource-type.js';

/** An object with the bundle path and line of its list item. */
export interface SelectedObject {
  object: KubeObject;
  origin: ObjectOrigin | undefined;
}

/** Which objects of a type: kubectl's `-n`, `-A`, names, `-l` and `--field-selector`. */
export interface ObjectSelection {
  /** For namespaced types; ignored for cluster-scoped ones, as kubectl ignores it. */
  namespace?: string;
  /** Every namespace the bundle holds (`-A`). */
  allNamespaces?: boolean;
  /** Only these names (in this order). */
  names?: readonly string[];
  labelSelector?: string | LabelSelector;
  fieldSelector?: string | FieldSelector;
}

export interface SelectionResult {
  objects: SelectedObject[];
  /** Files whose objects could not all be read: an object missing here may just be unreadable. */
  problems: { path: string; problem: string }[];
}

/**
 * The objects of a type that a selection picks, in the API server's order (namespace, then
 * name). Events come from both event lists, merged (see `bundle-events.ts`). Objects are read
 * through the bundle, so each file is decoded at most once.
 */
export async function selectObjects(bundle: Bundle, type: ResourceType, selection: ObjectSelection = {}): Promise<SelectionResult> {
  const namespace = !type.namespaced ? null : selection.allNamespaces ? undefined : (selection.namespace ?? 'default');
  const query = { group: type.group, resource: type.resource, ...(namespace === undefined ? {} : { namespace }) };
  // Core events are read from both lists, merged; events.k8s.io events are shown as that API has them.
  const isCoreEvents = type.resource === 'events' && type.group === '';
  let candidates: SelectedObject[];
  if (isCoreEvents) {
    candidates = await readBundleEvents(bundle, namespace);
  } else {
    const objects = await bundle.resources(query);
    candidates = objects.map((object) => ({ object, origin: bundle.origin(object) }));
  }
  const labels = typeof selection.labelSelector === 'string' ? parseLabelSelector(selection.labelSelector) : selection.labelSelector;
  const fields = typeof selection.fieldSelector === 'string' ? parseFieldSelector(selection.fieldSelector) : selection.fieldSelector;
  let selected = candidates.filter(
    ({ object }) => (labels === undefined || matchesLabels(labels, object.metadata.labels)) && (fields === undefined || matchesFields(fields, object)),
  );
  if (selection.names !== undefined) {
    const byName = new Map<string, SelectedObject[]>();
    for (const entry of selected) byName.set(entry.object.metadata.name, [...(byName.get(entry.object.metadata.name) ?? []), entry]);
    selected = selection.names.flatMap((name) => byName.get(name) ?? []);
  } else {
    selected.sort((a, b) => compare(a.object.metadata.namespace ?? '', b.object.metadata.namespace ?? '') || compare(a.object.metadata.name, b.object.metadata.name));
  }
  const problems = await bundle.resourceProblems(query);
  if (isCoreEvents) problems.push(...(await bundle.resourceProblems({ ...query, group: 'events.k8s.io' })));
  return { objects: selected, problems };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
