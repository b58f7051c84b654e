import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toGoYaml } from '../../../rules/src/testing/go-yaml.js';
import * as yaml from 'yaml';
import { decodeResourceFile } from './decode-resource-file.js';
import { locateInGoYamlItem } from './locate-go-yaml.js';
import { locatePointer, parsePointer, yamlLineFinder } from './locate-pointer.js';

// Random Kubernetes-like objects, written as the kit writes them (yaml.v2 style, in a
// `kind: List`), must have every key and every array element found on its own line.

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** Keys a bundle holds (labels and annotations with dots and slashes) and keys yaml.v2 must quote. */
const KEY = fc.oneof(
  fc.constantFrom(
    'name', 'status', 'conditions', 'message', 'readyClusters', 'app.kubernetes.io/name', 'field.cattle.io/projectId',
    'harvesterhci.io/vmName', 'key', 'a.b.c', 'x/y', 'True', 'null', 'y', '0755', '12:30', '1.5', '1e3', '2E5', '-3e2',
    '0x1F', '*star', '&anchor', '- dash', 'a: b', '#hash', "it's", '"quoted"', 'with space', ' lead', 'trail ', '', '~',
    '<<', '@at', '日本', 'tab\there',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  // A `? ` complex key is not written `<key>:` on one line; yaml.v2 uses it for these only.
).filter((key) => !/[\n\r\u0085\u2028\u2029]/.test(key) && Buffer.byteLength(key) <= 128);

const SCALAR = fc.oneof(
  fc.constantFrom('True', 'null', '', '0755', '12:30', '2025-03-06T22:45:28Z', 'a: b', ' lead', 'trail ', "it's", '- x', '*', '#x', 'v1.4.1'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  // Long text with spaces: folded past column 80, so one value spans several lines.
  fc.array(fc.constantFrom('word', 'longer-word', 'x', 'a: b', "it's"), { minLength: 10, maxLength: 40 }).map((words) => words.join(' ')),
  // Multi-line text: a `|` literal block (or double quotes with escapes).
  fc.array(fc.string({ maxLength: 15 }), { minLength: 2, maxLength: 5 }).map((lines) => lines.join('\n')),
  fc.constantFrom('x\ny\n', 'x\n\n', ' lead\nx', 'a\tb\nc'),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.constantFrom(1e6, 2e9, 95_247_316, 0.5, 1e-5),
  fc.boolean(),
  fc.constant(null),
);

const VALUE: fc.Arbitrary<Value> = fc.letrec<{ value: Value; map: { [key: string]: Value } }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, SCALAR, tie('map'), fc.array(tie('map'), { maxLength: 3 }), fc.array(tie('value'), { maxLength: 3 })),
  map: fc.dictionary(KEY, tie('value'), { maxKeys: 5 }),
})).value;

const ITEM = fc
  .record({ name: fc.string({ minLength: 1, maxLength: 10 }), labels: fc.dictionary(KEY, fc.string({ maxLength: 10 }), { maxKeys: 3 }), rest: fc.dictionary(KEY, VALUE, { maxKeys: 5 }) })
  .map(({ name, labels, rest }): { [key: string]: Value } => ({ ...rest, apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...labelsAsMetadata(labels), name, namespace: 'default' } }));

function labelsAsMetadata(labels: { [key: string]: string }): { [key: string]: Value } {
  return Object.keys(labels).length > 0 ? { labels } : {};
}

/** A place the text must show: a key (`<key>:` at `column`) or an array element (`-` at `column`). */
interface Expected {
  pointer: string;
  column: number;
  /** The key as yaml.v2 writes it, or undefined for an array element. */
  key?: string;
}

/**
 * Every pointer below `value`, in the order yaml.v2 writes them (keys sorted its way), with the
 * column each must sit at. yaml.v2 indents a map's keys 2 under their key, writes a list's `-`
 * at its key's column, and the keys of a map inside a list 2 after the `-`.
 */
function expectedPlaces(value: Value, pointer: string, column: number): Expected[] {
  if (Array.isArray(value)) {
    return value.flatMap((element, index) => {
      const elementPointer = `${pointer}/${index}`;
      return [{ pointer: elementPointer, column }, ...childPlaces(element, elementPointer, column + 2)];
    });
  }
  if (value === null || typeof value !== 'object') return [];
  return emittedKeyOrder(value).flatMap((key) => {
    const keyPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const child = value[key]!;
    const childColumn = Array.isArray(child) ? column : column + 2;
    return [{ pointer: keyPointer, column, key: writtenKey(key) }, ...childPlaces(child, keyPointer, childColumn)];
  });
}

function childPlaces(value: Value, pointer: string, column: number): Expected[] {
  return value !== null && typeof value === 'object' ? expectedPlaces(value, pointer, column) : [];
}

/** The keys in yaml.v2's order, read back from the emitter itself (its sort is Go's, not JavaScript's). */
function emittedKeyOrder(map: { [key: string]: Value }): string[] {
  const keys = Object.keys(map);
  if (keys.length === 0) return [];
  const text = toGoYaml(Object.fromEntries(keys.map((key, index) => [key, index])));
  return text.trimEnd().split('\n').map((line) => keys[Number(line.slice(line.lastIndexOf(' ') + 1))]!);
}

/** How yaml.v2 writes `key` as a mapping key: plain, single- or double-quoted. */
function writtenKey(key: string): string {
  const line = toGoYaml({ [key]: 0 });
  return line.slice(0, -': 0\n'.length);
}

describe('locatePointer on lists written in the bundle\'s style (property)', () => {
  it('finds every key of every item on the line that holds `<key>:`, and every element on its `-` line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ITEM, { minLength: 1, maxLength: 4 }), async (items) => {
        const text = toGoYaml({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '1' } });
        const lines = text.split('\n');
        const decoded = decodeResourceFile('yamls/namespaced/default/v1/configmaps.yaml', text);
        expect(decoded.diagnostics).toEqual([]);
        expect(decoded.items).toHaveLength(items.length);

        let previousLine = 0;
        let previousWasKey = false;
        for (const [index, item] of decoded.items.entries()) {
          expect(lines[item.line - 1]!.startsWith('- ')).toBe(true);
          for (const place of expectedPlaces(items[index]!, '', 2)) {
            const line = await locatePointer(text, item, place.pointer);
            const where = `item ${index} ${JSON.stringify(place.pointer)} -> line ${line}:\n${text}`;
            expect(line, where).toBeDefined();
            const content = lines[line! - 1]!;
            // Only indentation and sequence markers before the key or `-`.
            expect(/^[ -]*$/.test(content.slice(0, place.column)), where).toBe(true);
            if (place.key === undefined) expect(content.slice(place.column).startsWith('-'), where).toBe(true);
            else expect(content.slice(place.column).startsWith(`${place.key}:`), where).toBe(true);
            // In the order they are written, each place is on a later line than the key before it;
            // after a `-`, the next `-` or the first key of its map may share its line (`- - a`, `- name:`).
            if (previousWasKey) expect(line!, where).toBeGreaterThan(previousLine);
            else expect(line!, where).toBeGreaterThanOrEqual(previousLine);
            previousLine = line!;
            previousWasKey = place.key !== undefined;
          }
        }
      }),
      { seed: 20261126, numRuns: 100 },
    );
  });
});

describe('locatePointer on keys that look like numbers', () => {
  it('finds a key yaml.v2 writes plain but YAML 1.2 reads as a number (2E5) by its text and by its number', async () => {
    const text = toGoYaml({ apiVersion: 'v1', items: [{ data: { '2E5': 'x' }, kind: 'ConfigMap', metadata: { name: 'n' } }], kind: 'List' });
    expect(text).toContain('    2E5: x\n');
    const [item] = decodeResourceFile('x.yaml', text).items;
    expect(await locatePointer(text, item!, '/data/2E5')).toBe(4);
    expect(await locatePointer(text, item!, '/data/200000')).toBe(4);
  });
});

describe('the line-by-line reader of yaml.v2 items (locate-go-yaml.ts)', () => {
  it('gives the line the yaml parse gives — or none where it gives none — for every key, element and missing field of random items, or declines', () => {
    const outcomes = { same: 0, declined: 0 };
    fc.assert(
      fc.property(fc.array(ITEM, { minLength: 1, maxLength: 3 }), (items) => {
        const text = toGoYaml({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '1' } });
        const decoded = decodeResourceFile('yamls/namespaced/default/v1/configmaps.yaml', text);
        decoded.items.forEach((item, index) => {
          const parsed = yamlLineFinder(text, item, yaml);
          const places = expectedPlaces(items[index]!, '', 2).map((place) => place.pointer);
          // Fields that are not there: past a scalar, a missing key, an index past the end, a key of a list.
          const missing = places.flatMap((pointer) => [`${pointer}/nope`, `${pointer}/0`, `${pointer}/7`, `${pointer}x`]);
          for (const pointer of ['', ...places, ...missing, '/nope', '/metadata/0']) {
            const segments = parsePointer(pointer)!;
            const fast = locateInGoYamlItem(text.slice(item.start, item.end), segments);
            if (fast === null) {
              outcomes.declined += 1;
              continue;
            }
            outcomes.same += 1;
            const expected = parsed(segments);
            expect(fast === undefined ? undefined : item.line + fast - 1, `${JSON.stringify(pointer)} in\n${text}`).toBe(expected);
          }
        });
      }),
      { seed: 20261126, numRuns: 100 },
    );
    console.info(`locate-go-yaml property: ${JSON.stringify(outcomes)}`);
    // Odd keys (quoted with escapes, numbers, `? ` keys) make it decline; most places are still read.
    expect(outcomes.same / (outcomes.same + outcomes.declined)).toBeGreaterThan(0.7);
  });
});
