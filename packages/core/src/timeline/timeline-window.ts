import type { ObjectRef } from '../resources/kube-object.js';
import type { TimelineEntry } from './timeline-types.js';

/** How close an entry is to what a finding is about: the object itself, down to its namespace. */
export type WindowCloseness = 'object' | 'owner' | 'node' | 'namespace';

export interface WindowOptions {
  /** The nodes the finding's objects run on (a Pod's, a replica's), when known. */
  nodes?: readonly string[];
  /** What owns the objects (a Pod's ReplicaSet): entries about them are `owner`-close. */
  owners?: readonly ObjectRef[];
  /** Log templates about the objects (their lines were cited, or they name them): their entries are `object`-close. */
  templateIds?: readonly string[];
  /** Closest first: the loosest closeness taken (default 'node'). */
  closeness?: WindowCloseness;
  /** The window ends here (default: the latest entry about the objects themselves). */
  until?: number;
  /** How far back the window reaches (default 2 hours). */
  beforeMs?: number;
  /** At most this many entries, the latest (default 50). */
  limit?: number;
}

export interface WindowEntry {
  entry: TimelineEntry;
  closeness: WindowCloseness;
}

const ORDER: Record<WindowCloseness, number> = { object: 0, owner: 1, node: 2, namespace: 3 };

/**
 * The entries a finding should show: what happened to its objects, to what owns them or what
 * they own, on their nodes, or in their namespaces, in the time before the finding's last sign.
 * Each entry says how close it is, so a report can highlight the finding's own. (For many
 * windows over one timeline, index it once: `new TimelineIndex(entries).window(…)`.)
 */
export function timelineWindow(entries: readonly TimelineEntry[], objects: readonly ObjectRef[], options: WindowOptions = {}): WindowEntry[] {
  return new TimelineIndex(entries).window(objects, options);
}

/**
 * A timeline's entries by what they are about (object, owner, node, namespace, log template), so
 * that each window looks only at the entries near its objects instead of at every entry: a report
 * takes a window per finding over tens of thousands of entries.
 */
export class TimelineIndex {
  readonly #entries: readonly TimelineEntry[];
  readonly #byObject = new Map<string, number[]>();
  readonly #byOwner = new Map<string, number[]>();
  readonly #byNode = new Map<string, number[]>();
  readonly #byNamespace = new Map<string, number[]>();
  readonly #byTemplate = new Map<string, number[]>();

  constructor(entries: readonly TimelineEntry[]) {
    this.#entries = entries;
    entries.forEach((entry, position) => {
      if (entry.object) add(this.#byObject, objectKey(entry.object), position);
      if (entry.related.owner) add(this.#byOwner, objectKey(entry.related.owner), position);
      if (entry.related.node) add(this.#byNode, entry.related.node, position);
      const namespace = entry.object?.namespace ?? entry.related.namespace;
      if (namespace) add(this.#byNamespace, namespace, position);
      if (entry.templateId !== undefined) add(this.#byTemplate, entry.templateId, position);
    });
  }

  /** `timelineWindow` over the indexed entries. */
  window(objects: readonly ObjectRef[], options: WindowOptions = {}): WindowEntry[] {
    const loosest = ORDER[options.closeness ?? 'node'];
    const own = new Set(objects.map(objectKey));
    const owners = new Set((options.owners ?? []).map(objectKey));
    const templates = new Set(options.templateIds ?? []);
    const nodes = new Set([...(options.nodes ?? []), ...objects.filter((object) => object.kind === 'Node').map((object) => object.name)]);
    const namespaces = new Set(objects.map((object) => object.namespace).filter((namespace): namespace is string => namespace !== undefined));
    // The entries that can be near at all, in timeline order.
    const candidates = new Set<number>();
    const gather = (index: Map<string, number[]>, keys: Iterable<string>) => {
      for (const key of keys) for (const position of index.get(key) ?? []) candidates.add(position);
    };
    gather(this.#byObject, own);
    gather(this.#byTemplate, templates);
    if (loosest >= ORDER.owner) {
      gather(this.#byOwner, own);
      gather(this.#byObject, owners);
    }
    if (loosest >= ORDER.node) gather(this.#byNode, nodes);
    if (loosest >= ORDER.namespace) gather(this.#byNamespace, namespaces);
    const closenessOf = (entry: TimelineEntry): WindowCloseness | undefined => {
      if (entry.object && own.has(objectKey(entry.object))) return 'object';
      if (entry.templateId !== undefined && templates.has(entry.templateId)) return 'object';
      // What the objects own (a Job's Pods, a VMI's virt-launcher Pod), and what owns them.
      if (entry.related.owner && own.has(objectKey(entry.related.owner))) return 'owner';
      if (entry.object && owners.has(objectKey(entry.object))) return 'owner';
      if (entry.related.node && nodes.has(entry.related.node)) return 'node';
      const namespace = entry.object?.namespace ?? entry.related.namespace;
      if (namespace && namespaces.has(namespace)) return 'namespace';
      return undefined;
    };
    const near: WindowEntry[] = [];
    for (const position of [...candidates].sort((a, b) => a - b)) {
      const entry = this.#entries[position]!;
      const closeness = closenessOf(entry);
      if (closeness !== undefined && ORDER[closeness] <= loosest) near.push({ entry, closeness });
    }
    const latest = (items: readonly WindowEntry[]) => items.reduce((max, item) => Math.max(max, item.entry.at), 0);
    const objectEntries = near.filter((item) => item.closeness === 'object');
    const until = options.until ?? (objectEntries.length > 0 ? latest(objectEntries) : latest(near));
    const from = until - (options.beforeMs ?? 2 * 3600_000);
    const inWindow = near.filter((item) => item.entry.at >= from && item.entry.at <= until);
    return inWindow.slice(Math.max(0, inWindow.length - (options.limit ?? 50)));
  }
}

function add(index: Map<string, number[]>, key: string, position: number): void {
  const positions = index.get(key);
  if (positions) positions.push(position);
  else index.set(key, [position]);
}

function objectKey(ref: ObjectRef): string {
  return `${ref.kind}\n${ref.namespace ?? ''}\n${ref.name}`;
}
