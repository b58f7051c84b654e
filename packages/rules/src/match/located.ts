import type { KubeObject } from '@bundle-triage/core';

/**
 * A value together with where it lives: the bundle object it was read from and the JSON pointer
 * inside it. Conditions pass these around so that whatever proves a finding can be cited with
 * its file and line.
 */
export interface Located {
  value: unknown;
  /** The bundle object the value is part of (absent for values that are not from an object). */
  root?: KubeObject;
  /** JSON pointer of the value inside `root`. */
  pointer: string;
  /** For an element of a map iterated by an array condition: its key (e.g. a Longhorn disk id). */
  key?: string;
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
  const slash = path.indexOf('/');
  const name = slash < 0 ? path : path.slice(0, slash);
  const rest = slash < 0 ? [] : path.slice(slash + 1).split('/').map(unescapeSegment);
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
      if (segment === '*') continue;
      const picked = /^(0|[1-9]\d*)$/.test(segment) ? current[Number(segment)] : undefined;
      current = picked ? [picked] : [];
      continue;
    }
    current = current.flatMap((located) => step(located, segment));
  }
  return collection ? [{ value: current.map((located) => located.value), pointer: '' }] : current;
}

function step(located: Located, segment: string): Located[] {
  const { value } = located;
  if (value === null || typeof value !== 'object') return [];
  const base = located.root ? { root: located.root } : {};
  if (segment === '*') {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    return entries.map(([key, item]) => ({ value: item, pointer: `${located.pointer}/${escapeSegment(key)}`, ...base }));
  }
  if (Array.isArray(value)) {
    if (!/^(0|[1-9]\d*)$/.test(segment)) return [];
    const index = Number(segment);
    return index < value.length ? [{ value: value[index], pointer: `${located.pointer}/${segment}`, ...base }] : [];
  }
  if (!Object.prototype.hasOwnProperty.call(value, segment)) return [];
  return [{ value: (value as Record<string, unknown>)[segment], pointer: `${located.pointer}/${escapeSegment(segment)}`, ...base }];
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
    const root = located.root ? { root: located.root } : {};
    if (Array.isArray(located.value)) {
      located.value.forEach((item, index) => elements.push({ value: item, pointer: `${located.pointer}/${index}`, ...root }));
    } else if (located.value !== null && typeof located.value === 'object') {
      for (const [key, item] of Object.entries(located.value)) {
        elements.push({ value: item, pointer: `${located.pointer}/${escapeSegment(key)}`, key, ...root });
      }
    }
  }
  return elements;
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
