import type { Bundle } from '../bundle.js';
import { BadRequestError, NotInBundleError } from './kubectl-errors.js';
import { parseFieldSelector } from './field-selector.js';
import { parseLabelSelector } from './label-selector.js';
import { printContextOf } from './print-context.js';
import { resolveResourceType, resolveResourceTypes, type ResolvedResourceType } from './resolve-resource-type.js';
import { buildResourceTable, type ResourceTable } from './resource-table.js';
import { qualifiedResource } from './resource-type.js';
import { selectObjects, type SelectedObject } from './select-objects.js';

export interface GetRequest {
  /**
   * The arguments after the bundle, as kubectl takes them: `pods`, `pods name…`, `pods,svc`,
   * `all`, or `type/name` pairs (`pod/a svc/b`).
   */
  resources: readonly string[];
  /** Default `default`, as kubectl with no namespace in its context. */
  namespace?: string;
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** Include the `-o wide` columns. */
  wide?: boolean;
}

/** One resource type's share of a `get`. */
export interface GetTypeResult {
  resolved: ResolvedResourceType;
  objects: SelectedObject[];
  table: ResourceTable;
}

export interface GetResult {
  types: GetTypeResult[];
  /** Names asked for that the bundle does not hold, each as kubectl's NotFound. */
  notFound: NotInBundleError[];
  /** The namespace read (undefined across namespaces or for cluster-scoped types only). */
  namespace: string | undefined;
  allNamespaces: boolean;
  /**
   * What the reader should know, one sentence each: which of several types a name was taken
   * as, why a type has no objects in any bundle, a namespace the bundle did not collect,
   * files that could not be read, columns that are a guess.
   */
  notes: string[];
}

/**
 * `kubectl get` over a bundle, as data: the objects and kubectl's table of each type asked for.
 * AGE is measured from the bundle's creation time.
 */
export async function kubectlGet(bundle: Bundle, request: GetRequest): Promise<GetResult> {
  const targets = await parseTargets(bundle, request.resources);
  const labelSelector = request.labelSelector === undefined ? undefined : parseLabelSelector(request.labelSelector);
  const fieldSelector = request.fieldSelector === undefined ? undefined : parseFieldSelector(request.fieldSelector);
  const context = await printContextOf(bundle);
  const allNamespaces = request.allNamespaces === true;
  const namespace = allNamespaces ? undefined : (request.namespace ?? 'default');
  const notes = new Set<string>();
  const result: GetResult = { types: [], notFound: [], namespace, allNamespaces, notes: [] };

  const selected: { resolved: ResolvedResourceType; objects: SelectedObject[] }[] = [];
  for (const { resolved, names } of targets) {
    if (resolved.explanation) notes.add(resolved.explanation);
    const type = resolved.type;
    if (type.notCollected) notes.add(`${qualifiedResource(type)}: ${type.notCollected}`);
    const { objects, problems } = await selectObjects(bundle, type, {
      ...(namespace === undefined ? {} : { namespace }),
      allNamespaces,
      ...(names ? { names } : {}),
      ...(labelSelector ? { labelSelector } : {}),
      ...(fieldSelector ? { fieldSelector } : {}),
    });
    for (const { path, problem } of problems) notes.add(`${path} could not be read whole (${problem}); objects may be missing`);
    for (const name of names ?? []) {
      if (objects.some((entry) => entry.object.metadata.name === name)) continue;
      const where = type.namespaced && namespace !== undefined ? ` in namespace "${namespace}"` : '';
      result.notFound.push(new NotInBundleError(`${qualifiedResource(type)} "${name}"`, `${qualifiedResource(type)} "${name}" not found${where}`, type.notCollected));
    }
    selected.push({ resolved, objects });
  }
  // kubectl names rows `kind/name` when what it prints spans more than one type.
  const withKind = selected.filter((entry) => entry.objects.length > 0).length > 1;
  for (const { resolved, objects } of selected) {
    const type = resolved.type;
    const table = await buildResourceTable(bundle, type, objects, context, { wide: request.wide === true, withNamespace: allNamespaces, withKind });
    if (table.columnsFrom === 'default' && objects.length > 0) {
      notes.add(`${qualifiedResource(type)}: the bundle has no CustomResourceDefinition list and the printer columns of this type are not built in, so NAME and AGE are shown`);
    }
    if (table.unreadableColumns.length > 0) notes.add(`${qualifiedResource(type)}: printer columns with JSONPath this reader does not support are empty: ${table.unreadableColumns.join(', ')}`);
    result.types.push({ resolved, objects, table });
  }
  if (namespace !== undefined && result.types.some((entry) => entry.resolved.type.namespaced)) {
    const facts = await bundle.facts();
    if (facts.uncollectedNamespaces.includes(namespace)) {
      notes.add(`namespace ${namespace} exists in the cluster but the support bundle did not collect it (add it to the bundle's namespaces in Harvester to see its objects)`);
    }
  }
  result.notes = [...notes];
  return result;
}

interface Target {
  resolved: ResolvedResourceType;
  names: string[] | undefined;
}

async function parseTargets(bundle: Bundle, args: readonly string[]): Promise<Target[]> {
  if (args.length === 0) throw new BadRequestError('you must specify the type of resource to get');
  if (args.some((arg) => arg.includes('/'))) {
    if (!args.every((arg) => arg.includes('/'))) {
      throw new BadRequestError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. "get resource/<name>" instead of "get resource resource/<name>")`);
    }
    const targets: Target[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      const typed = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (typed === '' || name === '') throw new BadRequestError(`arguments in resource/name form must have a single resource and name: "${arg}"`);
      const resolved = await resolveResourceType(bundle, typed);
      const existing = targets.find((target) => target.resolved.type.group === resolved.type.group && target.resolved.type.resource === resolved.type.resource);
      if (existing) existing.names!.push(name);
      else targets.push({ resolved, names: [name] });
    }
    return targets;
  }
  const [types, ...names] = args as [string, ...string[]];
  const resolved = await resolveResourceTypes(bundle, types);
  return resolved.map((entry) => ({ resolved: entry, names: names.length > 0 ? names : undefined }));
}
