import type { KubeObject } from '@bundle-triage/core';

/**
 * A value together with where it lives: the bundle object it was read from and the JSON pointer
 * inside it, or — for a fact read from a text file (a node's supportconfig) — the file and line
 * that hold it. Conditions pass these around so that whatever proves a finding can be cited with
 * its file and line.
 */
export interface Located {
  value: unknown;
  /** The bundle object the value is part of (absent for values that are not from an object). */
  root?: KubeObject;
  /** JSON pointer of the value inside `root` (or inside its record, for a fact). */
  pointer: string;
  /** For an element of a map iterated by an array condition: its key (e.g. a Longhorn disk id). */
  key?: string;
  /** For a value of a record that is not a bundle object (a supportconfig fact): its record, file and line. */
  fact?: FactOrigin;
}

/**
 * Where a value of a record input lives. Records are plain data whose parts carry their own
 * `source: { path, line }` (core's FactSource): a part is cited at its own source, and a value
 * without one (a number inside it) at the nearest part that has one.
 */
export interface FactOrigin {
  /** What the record is, e.g. `harvester-node-0 /usr/local`: the finding's identity across bundles (paths may hold random parts). */
  record: string;
  /** The bundle path of the file that holds the value (inside archives: `…txz!/…/fs-diskio.txt`). */
  path?: string;
  /** Its 1-based line; absent for a value no single line shows (a whole node record). */
  line?: number;
}

/** Whether a located value can be cited: a field of a bundle object, or a fact with its line. */
export function citable(located: Located): boolean {
  return located.root !== undefined || (located.fact?.path !== undefined && located.fact.line !== undefined);
}

/** Names visible to conditions and templates: inputs, the current object, bound elements. */
export type Scope = ReadonlyMap<string, ScopeValue>;

export type ScopeValue =
  | { kind: 'one'; located: Located }
  | { kind: 'many'; located: Located[] }
  | { kind: 'logs'; files: readonly import('@bundle-triage/core').LogFile[] }
  | { kind: 'value'; value: unknown };

export function locatedObject(object: KubeObject): Located {
  return { value: object, root: object, pointer: '' };
}

/**
 * Resolves `name/json/pointer` against the scope. A `*` segment fans out over an array's
 * elements (or an object's values), so one path can reach every element of nested lists.
 * Missing values resolve to nothing, which conditions read as "absent".
 */
export function resolvePath(scope: Scope, path: string): Located[] {
  const { name, rest } = parsedPath(path);
  const entry = scope.get(name);
  if (!entry || entry.kind === 'logs') return [];
  let current: Located[];
  // A list input is a virtual array of objects until a `*` or an index picks its elements.
  let collection = entry.kind === 'many';
  if (entry.kind === 'one') current = [entry.located];
  else if (entry.kind === 'many') current = entry.located;
  else current = [{ value: entry.value, pointer: '' }];

  for (const segment of rest) {
    if (collection) {
      collection = false;
      if (segment.name === '*') continue;
      const picked = segment.index !== undefined ? current[segment.index] : undefined;
      current = picked ? [picked] : [];
      continue;
    }
    const next: Located[] = [];
    for (const located of current) step(located, segment, next);
    current = next;
  }
  return collection ? [{ value: current.map((located) => located.value), pointer: '' }] : current;
}

/** One segment of a path, parsed once: its name, as escaped in a pointer, and as an array index. */
interface PathSegment {
  name: string;
  escaped: string;
  index: number | undefined;
}

/**
 * Paths are parsed once per text: the same condition is evaluated for every object of a list
 * (thousands of pods, volumes, replicas), and splitting and unescaping each time was most of it.
 */
const PARSED_PATHS = new Map<string, { name: string; rest: PathSegment[] }>();

function parsedPath(path: string): { name: string; rest: PathSegment[] } {
  let parsed = PARSED_PATHS.get(path);
  if (!parsed) {
    const slash = path.indexOf('/');
    const rest = slash < 0 ? [] : path.slice(slash + 1).split('/').map(unescapeSegment);
    parsed = {
      name: slash < 0 ? path : path.slice(0, slash),
      rest: rest.map((name) => ({ name, escaped: escapeSegment(name), index: /^(0|[1-9]\d*)$/.test(name) ? Number(name) : undefined })),
    };
    // The paths of the rules loaded in this process: a few thousand at most.
    if (PARSED_PATHS.size < 10_000) PARSED_PATHS.set(path, parsed);
  }
  return parsed;
}

function step(located: Located, segment: PathSegment, out: Located[]): void {
  const { value } = located;
  if (value === null || typeof value !== 'object') return;
  if (segment.name === '*') {
    if (Array.isArray(value)) {
      value.forEach((item, index) => out.push(child(located, item, `${located.pointer}/${index}`)));
    } else {
      for (const [key, item] of Object.entries(value)) out.push(child(located, item, `${located.pointer}/${escapeSegment(key)}`));
    }
    return;
  }
  if (Array.isArray(value)) {
    if (segment.index !== undefined && segment.index < value.length) out.push(child(located, value[segment.index], `${located.pointer}/${segment.name}`));
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(value, segment.name)) return;
  out.push(child(located, (value as Record<string, unknown>)[segment.name], `${located.pointer}/${segment.escaped}`));
}

/** A part of `parent`: it inherits its object (the common case, kept cheap), or its record with the part's own source. */
function child(parent: Located, value: unknown, pointer: string): Located {
  if (parent.root) return { value, pointer, root: parent.root };
  if (!parent.fact) return { value, pointer };
  return { value, pointer, ...origin(parent, value) };
}

/** What a part of `parent` inherits: its object, or its record with the part's own source when it has one. */
function origin(parent: Located, item: unknown): Pick<Located, 'root' | 'fact'> {
  if (parent.root) return { root: parent.root };
  if (!parent.fact) return {};
  const own = sourceOf(item);
  return { fact: own ? { record: parent.fact.record, ...own } : parent.fact };
}

/** A record part's own `source: { path, line }`, if it has one. */
function sourceOf(item: unknown): { path: string; line?: number } | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const source = (item as { source?: unknown }).source;
  if (source === null || typeof source !== 'object') return undefined;
  const { path, line } = source as { path?: unknown; line?: unknown };
  if (typeof path !== 'string') return undefined;
  return typeof line === 'number' && Number.isInteger(line) && line >= 1 ? { path, line } : { path };
}

/**
 * The elements an array condition iterates: a list input's objects, the resolved arrays' items,
 * or a resolved map's values (each with its key: Longhorn `spec.disks`, `status.nodeStatuses`).
 */
export function elementsOf(scope: Scope, path: string): Located[] {
  const entry = scope.get(path);
  if (entry?.kind === 'many') return entry.located;
  const elements: Located[] = [];
  for (const located of resolvePath(scope, path)) {
    if (Array.isArray(located.value)) {
      located.value.forEach((item, index) => elements.push({ value: item, pointer: `${located.pointer}/${index}`, ...origin(located, item) }));
    } else if (located.value !== null && typeof located.value === 'object') {
      for (const [key, item] of Object.entries(located.value)) {
        elements.push({ value: item, pointer: `${located.pointer}/${escapeSegment(key)}`, key, ...origin(located, item) });
      }
    }
  }
  return elements;
}

function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

export function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}
