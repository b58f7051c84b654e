import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { openBundle } from '../bundle.js';
import { decodeResourceFile } from './decode-resource-file.js';
import { locateInGoYamlItem } from './locate-go-yaml.js';
import { parsePointer, yamlLineFinder } from './locate-pointer.js';

/** The line the yaml parse gives for `pointer` in the first item of a List whose items are `items` (yaml.v2 text). */
function both(items: string, pointer: string): { fast: number | undefined | null; parsed: number | undefined } {
  const text = `apiVersion: v1\nitems:\n${items}kind: List\n`;
  const { items: decoded } = decodeResourceFile('x.yaml', text, yaml);
  const item = decoded[0]!;
  const segments = parsePointer(pointer)!;
  const fast = locateInGoYamlItem(text.slice(item.start, item.end), segments);
  return { fast: fast === null || fast === undefined ? fast : item.line + fast - 1, parsed: yamlLineFinder(text, item, yaml)(segments) };
}

const ITEM = `- apiVersion: v1
  kind: ConfigMap
  metadata:
    labels:
      app: x
    name: a
  data:
    "quoted\\x01key": one
    'single''s': two
    multi: "a long message that yaml.v2 folds
      over two lines"
    block: |
      line one
      line two
    empty: {}
    none: []
  list:
  - name: first
    ports:
    - 80
    - 443
  - - nested
    - seq
`;

describe('locateInGoYamlItem', () => {
  it.each([
    ['/metadata/name', 8],
    ['/metadata/labels/app', 7],
    ['/data/quoted\u0001key', 10],
    ["/data/single's", 11],
    ['/data/multi', 12],
    ['/data/block', 14],
    ['/data/empty', 17],
    ['/list/0/ports/1', 23],
    ['/list/1/1', 25],
    ['', 3],
  ])('finds %s on line %i, as the yaml parse does', (pointer, line) => {
    expect(both(ITEM, pointer)).toEqual({ fast: line, parsed: line });
  });

  it.each(['/data/missing', '/data/multi/x', '/data/block/0', '/data/empty/x', '/data/none/0', '/list/2', '/list/x', '/list/01', '/metadata/name/x'])(
    'says %s is not there, as the yaml parse does',
    (pointer) => {
      expect(both(ITEM, pointer)).toEqual({ fast: undefined, parsed: undefined });
    },
  );

  it('takes the last of duplicate keys, as decoding does', () => {
    expect(both('- kind: A\n  metadata:\n    name: a\n  x: 1\n  x: 2\n', '/x')).toEqual({ fast: 7, parsed: 7 });
  });

  it.each([
    ['a comment', '- kind: A\n  # note\n  metadata:\n    name: a\n', '/metadata/name'],
    ['an anchor', '- kind: A\n  metadata: &m\n    name: a\n', '/metadata/name'],
    ['flow content', '- kind: A\n  metadata: {name: a}\n', '/metadata/name'],
    ['a key YAML reads as a number, asked by its number', '- kind: A\n  metadata:\n    name: a\n  data:\n    1e3: x\n', '/data/1000'],
    ['a quoted value that continues where keys are', '- kind: A\n  metadata:\n    name: "a\n  b"\n  data: x\n', '/data'],
    ['a tab after a colon', '- kind: A\n  metadata:\n    name:\ta\n', '/metadata/name'],
    ['a `-` with its content below', '- kind: A\n  list:\n  -\n    a: 1\n  metadata:\n    name: a\n', '/list/0/a'],
  ])('declines %s, and the yaml parse answers', (_what, items, pointer) => {
    const { fast, parsed } = both(items, pointer);
    expect(fast).toBeNull();
    // The fallback still answers (or says the field is not there) exactly as before.
    expect(parsed === undefined || parsed > 0).toBe(true);
  });
});

const sample = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
const BUNDLES = join(import.meta.dirname, '../../../../testdata/bundles');

/** Every pointer of a decoded value (keys and elements), depth first, at most `limit`. */
function pointersOf(value: unknown, prefix: string, out: string[], limit: number): string[] {
  if (out.length >= limit || value === null || typeof value !== 'object') return out;
  const entries = Array.isArray(value) ? value.map((element, index) => [String(index), element] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (out.length >= limit) break;
    const pointer = `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    out.push(pointer);
    pointersOf(child, pointer, out, limit);
  }
  return out;
}

describe('locateInGoYamlItem on real and generated bundles', () => {
  for (const [name, path] of [
    ['the real v1.0 sample', sample],
    ['the flagship fixture', join(BUNDLES, 'flagship-v1.4.1.zip')],
    ['the healthy 3-node fixture', join(BUNDLES, 'healthy-v1.4.2-3node.zip')],
    ['the workloads fixture', join(BUNDLES, 'workloads-v1.4.2')],
  ] as const) {
    it.skipIf(path === '' || !existsSync(path))(
      `gives the yaml parse's line (or none) for every field of every object of ${name}, declining for at most 1 % (${path || 'BUNDLE_TRIAGE_SAMPLE_V10 not set: skipped'})`,
      async () => {
        const bundle = await openBundle(path);
        let checked = 0;
        let declined = 0;
        try {
          for (const file of bundle.index.resourceFiles()) {
            const text = await bundle.readText(file.path);
            for (const item of decodeResourceFile(file.path, text, yaml).items) {
              if (item.start === undefined || item.end === undefined) continue;
              const parsed = yamlLineFinder(text, item, yaml);
              const chunk = text.slice(item.start, item.end);
              const pointers = pointersOf(item.object, '', [], 150);
              for (const pointer of [...pointers, ...pointers.slice(0, 20).map((found) => `${found}/nope`), '/nope']) {
                const segments = parsePointer(pointer)!;
                const fast = locateInGoYamlItem(chunk, segments);
                checked += 1;
                if (fast === null) {
                  declined += 1;
                  continue;
                }
                expect(fast === undefined ? undefined : item.line + fast - 1, `${file.path} item ${item.index} ${pointer}`).toBe(parsed(segments));
              }
            }
          }
        } finally {
          await bundle.close();
        }
        expect(checked).toBeGreaterThan(1000);
        expect(declined / checked).toBeLessThanOrEqual(0.01);
      },
    );
  }
});
