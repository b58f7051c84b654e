import type { Condition, FieldCondition } from '../rule/rule-types.js';
import { resolvePath, type Located, type Scope } from './located.js';

/**
 * A join without the nested loop. `none: { path: longhornVolumes, as: volume, where: { field: {
 * path: volume/metadata/name, equalsPath: pv/spec/csi/volumeHandle } } }` inside a forEach over
 * the PersistentVolumes compares every PV with every Longhorn volume: 1,000 of each took 20 s. When
 * the `where` holds only if an element's field equals one value from outside the element (a
 * `field` with `equalsPath`, alone or in a top-level `all`), the elements are indexed once by that
 * field, and only those whose field can equal the value are evaluated. The index is a superset of
 * what `looselyEqual` accepts, so the `where` still decides: the satisfying elements, their order,
 * evidence and bindings are exactly those of the loop over every element. (One difference: a
 * `where` that throws — an age check on a bundle without a creation time — throws only when a
 * candidate reaches it.)
 */
interface JoinIndex {
  byValue: Map<string, number[]>;
  /** Elements the index cannot rule out (a boolean field compares case-insensitively): always evaluated. */
  always: number[];
}

/** Indexes of the input lists (the same array for every forEach element), per field path. */
const indexes = new WeakMap<readonly Located[], Map<string, JoinIndex>>();

/**
 * The elements worth evaluating `where` on, in their order; undefined when the condition is not a
 * join on a plain value (then every element is evaluated).
 */
export function joinCandidates(where: Condition | undefined, name: string, elements: readonly Located[], scope: Scope, cacheable: boolean): readonly Located[] | undefined {
  if (!where || elements.length < 16) return undefined;
  // With several joined fields (namespace and name), the one that leaves the fewest candidates.
  let best: number[] | undefined;
  for (const field of joinFields(where, name)) {
    const value = resolvePath(scope, field.equalsPath!)[0]?.value;
    // looselyEqual(undefined, undefined) holds and booleans compare case-insensitively: no index for those.
    if (value === undefined || value === null || typeof value === 'object' || typeof value === 'boolean') continue;
    const index = indexFor(elements, name, field.path, cacheable);
    const positions = [...new Set([...(index.byValue.get(String(value)) ?? []), ...index.always])];
    if (best === undefined || positions.length < best.length) best = positions;
  }
  return best?.sort((a, b) => a - b).map((position) => elements[position]!);
}

function joinFields(where: Condition, name: string): FieldCondition[] {
  const fields = 'field' in where && where.field ? [where.field] : 'all' in where && Array.isArray(where.all) ? where.all.flatMap((child) => ('field' in child && child.field ? [child.field] : [])) : [];
  return fields.filter((field) => field.equalsPath !== undefined && field.path.startsWith(`${name}/`) && !refersTo(field.equalsPath, name));
}

/** Whether a path reads the element itself (its name, or the `<name>Key` the engine binds beside it). */
function refersTo(path: string, name: string): boolean {
  const head = path.split('/')[0];
  return head === name || head === `${name}Key`;
}

function indexFor(elements: readonly Located[], name: string, path: string, cacheable: boolean): JoinIndex {
  const cached = cacheable ? indexes.get(elements)?.get(path) : undefined;
  if (cached) return cached;
  const index: JoinIndex = { byValue: new Map(), always: [] };
  elements.forEach((element, position) => {
    const scope: Scope = new Map([[name, { kind: 'one', located: element }]]);
    const seen = new Set<string>();
    for (const { value } of resolvePath(scope, path)) {
      if (typeof value === 'boolean') {
        index.always.push(position);
        return;
      }
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') continue;
      const key = String(value);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = index.byValue.get(key);
      if (list) list.push(position);
      else index.byValue.set(key, [position]);
    }
  });
  if (cacheable) {
    const byPath = indexes.get(elements) ?? new Map<string, JoinIndex>();
    byPath.set(path, index);
    indexes.set(elements, byPath);
  }
  return index;
}
