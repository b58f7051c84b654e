import type { Bundle, BundleFacts, KubeObject, LogFile, ResourceQuery } from '@bundle-triage/core';
import { logFilesFor } from '../logs/log-files.js';
import { locatedObject, type ScopeValue } from '../match/located.js';
import type { Skip } from '../rule/rule.js';
import type { InputSpec, LogInputSpec, NodeFileInputSpec, ResourceInputSpec } from '../rule/rule-types.js';
import { supportconfigRecords, type UncheckedNode } from './supportconfig-records.js';

export type ResolvedInputs =
  | {
      ok: true;
      scope: Map<string, ScopeValue>;
      values: Record<string, KubeObject | KubeObject[] | LogFile[] | readonly unknown[] | undefined>;
      /** Nodes a supportconfig input could not answer for: a pass is then a skip. */
      unchecked: UncheckedNode[];
      /**
       * Reads the deferred inputs (once) into `scope` and `values`, and gives their scope entries;
       * the rule is to be skipped when one cannot be read (see `deferred` of resolveInputs).
       */
      resolveDeferred: () => Promise<{ ok: true; scope: ReadonlyMap<string, ScopeValue> } | { ok: false; skip: Skip }>;
    }
  | { ok: false; skip: Skip };

/**
 * Fetches a rule's inputs through the bundle's lazy readers and decides, before any condition
 * runs, whether the rule can be evaluated at all. A missing input is never read as "no
 * problem": the rule is skipped with a reason a support engineer can act on.
 */
export async function resolveInputs(
  inputs: Record<string, InputSpec> | undefined,
  bundle: Bundle,
  facts: BundleFacts,
  /** Per list input, literals one of which every object that can matter holds (see item-literals.ts). */
  itemLiterals: ReadonlyMap<string, readonly (readonly string[])[]> = new Map(),
  /**
   * List inputs read only when `resolveDeferred` is called (see deferred-inputs.ts): what can be
   * told without reading them (no resource lists at all, a namespace not collected) is checked now.
   */
  deferred: ReadonlySet<string> = new Set(),
): Promise<ResolvedInputs> {
  const scope = new Map<string, ScopeValue>();
  const values: Record<string, KubeObject | KubeObject[] | LogFile[] | readonly unknown[] | undefined> = {};
  const unchecked: UncheckedNode[] = [];
  scope.set('facts', { kind: 'value', value: facts });
  const later: [string, ResourceInputSpec][] = [];
  const setResource = (name: string, value: KubeObject | KubeObject[] | undefined): ScopeValue => {
    values[name] = value;
    const entry: ScopeValue = Array.isArray(value) ? { kind: 'many', located: value.map(locatedObject) } : value ? { kind: 'one', located: locatedObject(value) } : { kind: 'value', value: undefined };
    scope.set(name, entry);
    return entry;
  };
  for (const [name, spec] of Object.entries(inputs ?? {})) {
    if ('resource' in spec && deferred.has(name)) {
      const skip = resourceSkipUnread(spec, bundle, facts);
      if (skip) return { ok: false, skip };
      later.push([name, spec]);
      continue;
    }
    if ('supportconfig' in spec) {
      const resolved = await supportconfigRecords(spec, bundle, facts);
      if (!resolved.ok) return resolved;
      values[name] = resolved.records.map((record) => record.value);
      scope.set(name, { kind: 'many', located: resolved.records });
      for (const entry of resolved.unchecked) if (!unchecked.some((known) => known.node === entry.node)) unchecked.push(entry);
    } else if ('resource' in spec) {
      const resolved = await resolveResource(spec, bundle, facts, itemLiterals.get(name));
      if (!resolved.ok) return resolved;
      setResource(name, resolved.value);
    } else {
      const resolved = resolveLogs(spec, bundle, facts);
      if (!resolved.ok) return resolved;
      values[name] = resolved.files;
      scope.set(name, { kind: 'logs', files: resolved.files });
    }
  }
  let rest: Promise<{ ok: true; scope: ReadonlyMap<string, ScopeValue> } | { ok: false; skip: Skip }> | undefined;
  const resolveDeferred = () =>
    (rest ??= (async () => {
      const entries = new Map<string, ScopeValue>();
      for (const [name, spec] of later) {
        const resolved = await resolveResource(spec, bundle, facts, itemLiterals.get(name));
        if (!resolved.ok) return resolved;
        entries.set(name, setResource(name, resolved.value));
      }
      return { ok: true as const, scope: entries };
    })());
  return { ok: true, scope, values, unchecked, resolveDeferred };
}

const NO_NODES = 'no nodes/ folder: node logs and configs were not collected in this bundle';

function missing(reason: string): Skip {
  return { kind: 'missing-input', reason };
}

async function resolveResource(
  spec: ResourceInputSpec,
  bundle: Bundle,
  facts: BundleFacts,
  itemsHolding: readonly (readonly string[])[] | undefined,
): Promise<{ ok: true; value: KubeObject | KubeObject[] | undefined } | { ok: false; skip: Skip }> {
  const query = spec.resource;
  const label = query.kind ?? query.resource ?? 'objects';
  const namespace = query.namespace ?? undefined;
  const unread = resourceSkipUnread(spec, bundle, facts);
  if (unread) return { ok: false, skip: unread };
  const read = (narrowed: boolean) => bundle.resources({ ...resourceQueryOf(spec), ...(narrowed && itemsHolding ? { itemsHolding } : {}) });
  let objects = await read(true);
  // None of the objects that could matter is not "none at all": a required input asks for the whole list.
  if (objects.length === 0 && spec.required && itemsHolding) objects = await read(false);
  // A file that could not be read whole may hide the very object or problem the rule looks for:
  // evaluating on what was readable could only give a silent pass.
  const unreadable = await bundle.resourceProblems(query);
  if (unreadable.length > 0) {
    const [first] = unreadable;
    return {
      ok: false,
      skip: {
        kind: 'unreadable',
        reason: `${first!.path} could not be fully read (${first!.problem})${unreadable.length > 1 ? ` and ${unreadable.length - 1} more file(s)` : ''}; see diagnostics`,
      },
    };
  }
  if (query.name !== undefined) {
    const object = objects[0];
    if (!object && (spec.required ?? true)) {
      const where = namespace ? `${namespace}/${query.name}` : query.name;
      return { ok: false, skip: missing(`${label} ${where} is not in this bundle`) };
    }
    return { ok: true, value: object };
  }
  if (objects.length === 0 && spec.required) {
    return { ok: false, skip: missing(`no ${label} ${namespace ? `in namespace ${namespace} ` : ''}in this bundle`) };
  }
  return { ok: true, value: objects };
}

/** Why a resource input cannot be read, as far as that is known without reading it. */
function resourceSkipUnread(spec: ResourceInputSpec, bundle: Bundle, facts: BundleFacts): Skip | undefined {
  const namespace = spec.resource.namespace ?? undefined;
  if (bundle.index.resourceFiles().length === 0) {
    return missing('the bundle has no yamls/ folder: resource lists were not collected (discovery failed when the bundle was made)');
  }
  if (namespace && !facts.collectedNamespaces.includes(namespace)) return missing(`namespace ${namespace} was not collected in this bundle`);
  return undefined;
}

/** The bundle query of a resource input (without narrowing). */
export function resourceQueryOf(spec: ResourceInputSpec): ResourceQuery {
  const query = spec.resource;
  return {
    group: query.group,
    ...(query.resource ? { resource: query.resource } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.version ? { version: query.version } : {}),
    ...(query.namespace === undefined ? {} : { namespace: query.namespace }),
    ...(query.name ? { name: query.name } : {}),
    ...(query.containing ? { containing: query.containing } : {}),
    ...(query.except ? { except: query.except } : {}),
  };
}

/** Log and node-file inputs: the files, or why the rule cannot run without them. */
function resolveLogs(
  spec: LogInputSpec | NodeFileInputSpec,
  bundle: Bundle,
  facts: BundleFacts,
): { ok: true; files: LogFile[] } | { ok: false; skip: Skip } {
  const required = spec.required ?? true;
  const nodeFile = 'nodeFile' in spec ? spec.nodeFile.path : spec.logs.nodeFile;
  if (nodeFile !== undefined) {
    const files = logFilesFor(spec, bundle);
    if (files.length === 0 && required) {
      return { ok: false, skip: missing(bundle.index.nodes().length === 0 ? NO_NODES : `no node bundle holds ${nodeFile}`) };
    }
    return { ok: true, files };
  }
  const query = (spec as LogInputSpec).logs;
  if (query.namespace && !facts.collectedNamespaces.includes(query.namespace)) {
    return { ok: false, skip: missing(`namespace ${query.namespace} was not collected in this bundle`) };
  }
  const files = logFilesFor(spec, bundle);
  if (files.length === 0 && required) {
    const what = [query.container && `container ${query.container}`, query.podPrefix && `pods ${query.podPrefix}*`].filter(Boolean).join(' of ') || 'pods';
    return { ok: false, skip: missing(`no log of ${what}${query.namespace ? ` in namespace ${query.namespace}` : ''} was collected in this bundle`) };
  }
  return { ok: true, files };
}
