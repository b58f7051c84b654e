import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../rule/rule-types.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { evaluateCondition, type EvaluationContext } from './evaluate-condition.js';
import { joinCandidates } from './join-index.js';
import type { Located, Scope } from './located.js';

const context: EvaluationContext = {
  facts: { nodes: [], nodesWithoutBundle: [], collectedNamespaces: [], uncollectedNamespaces: [], oldKit: false, emptyListFiles: 0 },
  pattern: (source) => new SafePattern(source),
  searchLog: () => Promise.reject(new Error('no logs here')),
  podLogs: () => [],
};

/** Field values that looselyEqual treats differently: strings, numbers, booleans in any case, objects, nothing. */
const FIELD = fc.oneof(
  fc.constantFrom('a', 'b', 'c', '1', 'true', 'True', 'FALSE'),
  fc.constantFrom(1, 2, 0),
  fc.boolean(),
  fc.constant({ nested: 'a' }),
  fc.constant(null),
  fc.constant(undefined),
);

const ELEMENT = fc.record({ name: FIELD, tag: fc.constantFrom('x', 'y'), names: fc.array(FIELD, { maxLength: 3 }) });

function scopeOf(elements: Record<string, unknown>[], wanted: unknown): Scope {
  const located: Located[] = elements.map((value, index) => ({ value, pointer: `/items/${index}` }));
  return new Map([
    ['items', { kind: 'many', located }],
    ['outer', { kind: 'one', located: { value: { wanted }, pointer: '' } }],
  ]);
}

describe('joinCandidates: a join evaluated on the indexed candidates only', () => {
  it('gives the same result, evidence and bindings as evaluating every element', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ELEMENT, { minLength: 16, maxLength: 40 }),
        FIELD,
        fc.constantFrom('some', 'none', 'every', 'count'),
        fc.constantFrom('name', 'names/*'),
        fc.boolean(),
        FIELD,
        async (elements, wanted, kind, path, withTag, secondWanted) => {
          const equality: Condition = { field: { path: `item/${path}`, equalsPath: 'outer/wanted' } };
          // A second join on the tag: the index takes whichever leaves fewer candidates.
          const where: Condition = withTag ? { all: [{ field: { path: 'item/tag', equalsPath: 'outer/tag' } }, equality] } : equality;
          const array = { path: 'items', as: 'item', where };
          // `any` of one child means the same, and hides the join from the index: the plain loop.
          const loop = { ...array, where: { any: [where] } as Condition };
          const condition = (spec: typeof array): Condition => (kind === 'count' ? { count: { ...spec, min: 2, max: 5 } } : ({ [kind]: spec } as Condition));
          const scope = scopeOf(elements, wanted);
          // As a forEach runs it: the same input list, another outer value each time (the cached index).
          for (const outer of [wanted, secondWanted]) {
            const each: Scope = new Map([...scope, ['outer', { kind: 'one', located: { value: { wanted: outer, tag: 'x' }, pointer: '' } }]]);
            const indexed = await evaluateCondition(condition(array), each, context);
            const plain = await evaluateCondition(condition(loop), each, context);
            expect(indexed.holds).toBe(plain.holds);
            expect(indexed.evidence).toEqual(plain.evidence);
            expect([...indexed.bindings]).toEqual([...plain.bindings]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('indexes only a join on a plain value from outside the element', () => {
    const elements: Located[] = Array.from({ length: 20 }, (_, index) => ({ value: { name: `v${index}`, other: `v${index}` }, pointer: `/items/${index}` }));
    const scope: Scope = new Map([['outer', { kind: 'one', located: { value: { wanted: 'v3', flag: true }, pointer: '' } }]]);
    const candidates = (where: Condition) => joinCandidates(where, 'item', elements, scope, false)?.map((element) => element.pointer);
    expect(candidates({ field: { path: 'item/name', equalsPath: 'outer/wanted' } })).toEqual(['/items/3']);
    // Joined on a field every element shares (a namespace) and on the name: the name narrows it to one.
    const shared: Located[] = elements.map((element) => ({ ...element, value: { ...(element.value as object), namespace: 'ns' } }));
    const sharedScope: Scope = new Map([['outer', { kind: 'one', located: { value: { wanted: 'v3', namespace: 'ns' }, pointer: '' } }]]);
    const where: Condition = { all: [{ field: { path: 'item/namespace', equalsPath: 'outer/namespace' } }, { field: { path: 'item/name', equalsPath: 'outer/wanted' } }] };
    expect(joinCandidates(where, 'item', shared, sharedScope, false)?.map((element) => element.pointer)).toEqual(['/items/3']);
    // A value from the element itself, a boolean or a missing value: every element is evaluated.
    expect(candidates({ field: { path: 'item/name', equalsPath: 'item/other' } })).toBeUndefined();
    expect(candidates({ field: { path: 'item/name', equalsPath: 'outer/flag' } })).toBeUndefined();
    expect(candidates({ field: { path: 'item/name', equalsPath: 'outer/absent' } })).toBeUndefined();
    expect(candidates({ any: [{ field: { path: 'item/name', equalsPath: 'outer/wanted' } }] })).toBeUndefined();
  });
});
