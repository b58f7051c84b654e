import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { decodeResourceFile } from './decode-resource-file.js';

const LIST = `apiVersion: v1
items:
- apiVersion: scheduling.k8s.io/v1
  description: Used for system critical pods that must run in the cluster, but can
    be moved to another node if necessary.
  kind: PriorityClass
  metadata:
    creationTimestamp: "2022-03-06T22:45:50Z"
    name: system-cluster-critical
    uid: 1b4a6a0c
  value: 2e+09
- kind: EndpointSlice
  addressType: IPv4
  metadata:
    name: kubernetes
    namespace: default
    annotations:
      cni.projectcalico.org/podIP: "null"
    labels:
      key: "null"
kind: List
metadata:
  continue: "null"
  resourceVersion: "14659189"
`;

describe('decodeResourceFile', () => {
  it('decodes every list item with the line of its "- " marker', () => {
    const decoded = decodeResourceFile('yamls/x.yaml', LIST);
    expect(decoded.diagnostics).toEqual([]);
    expect(decoded.items.map((item) => [item.object.metadata.name, item.line])).toEqual([
      ['system-cluster-critical', 3],
      ['kubernetes', 12],
    ]);
  });

  it('reads exponent integers as numbers and folded scalars as one string', () => {
    const [priority] = decodeResourceFile('x', LIST).items;
    expect(priority?.object.value).toBe(2_000_000_000);
    expect(priority?.object.description).toBe('Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.');
  });

  it('drops fields whose value is the kit\'s "null" string, except keys named key', () => {
    const slice = decodeResourceFile('x', LIST).items[1]!.object;
    expect(slice.metadata.annotations).toEqual({});
    expect(slice.metadata.labels).toEqual({ key: 'null' });
  });

  it('does not depend on key order: an item may start with any key', () => {
    expect(decodeResourceFile('x', LIST).items[1]?.object.kind).toBe('EndpointSlice');
  });

  it('marks items: [] and items: null files as empty-list stubs', () => {
    for (const items of ['[]', 'null']) {
      const decoded = decodeResourceFile('x', `apiVersion: v1\nitems: ${items}\nkind: List\nmetadata:\n  resourceVersion: "1"\n`);
      expect(decoded).toMatchObject({ items: [], emptyList: true, diagnostics: [] });
    }
  });

  it('keeps the good items when one item is broken, with a diagnostic on the broken line', () => {
    const broken = LIST.replace('    name: kubernetes\n', '    name: [kubernetes\n');
    const decoded = decodeResourceFile('yamls/x.yaml', broken);
    expect(decoded.items.map((item) => item.object.metadata.name)).toEqual(['system-cluster-critical']);
    expect(decoded.diagnostics).toHaveLength(1);
    expect(decoded.diagnostics[0]).toMatchObject({ path: 'yamls/x.yaml', level: 'error' });
    expect(decoded.diagnostics[0]!.line).toBeGreaterThanOrEqual(12);
  });

  it('decodes a file with a BOM and CRLF line ends like any other', () => {
    const decoded = decodeResourceFile('x', `\uFEFF${LIST.replace(/\n/g, '\r\n')}`);
    expect(decoded.items.map((item) => [item.object.metadata.name, item.line])).toEqual([
      ['system-cluster-critical', 3],
      ['kubernetes', 12],
    ]);
  });

  it('decodes a JSON file (one List document) whole', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }] });
    expect(decodeResourceFile('x', json).items.map((item) => item.object.metadata.name)).toEqual(['n1']);
  });

  it('takes the last value of a duplicate key and says so', () => {
    const text = 'apiVersion: v1\nitems:\n- kind: Node\n  metadata:\n    name: a\n    name: b\nkind: List\n';
    const decoded = decodeResourceFile('x', text);
    expect(decoded.items[0]?.object.metadata.name).toBe('b');
    expect(decoded.diagnostics[0]).toMatchObject({ level: 'warning', message: expect.stringContaining('duplicate key') });
  });

  it('refuses an alias bomb with a diagnostic instead of expanding it', () => {
    const lines = ['apiVersion: v1', 'items:', '- kind: ConfigMap', '  metadata:', '    name: lol', '  data:', '    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const next = String.fromCharCode(97 + level);
      lines.push(`    ${next}: &${next} [*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous}]`);
    }
    lines.push('kind: List');
    const started = Date.now();
    const decoded = decodeResourceFile('x', `${lines.join('\n')}\n`, yaml);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(decoded.items).toEqual([]);
    expect(decoded.diagnostics[0]).toMatchObject({ level: 'error', message: expect.stringMatching(/alias/i) });
  });

  it('turns deeply nested flow collections into a diagnostic, not a crash', () => {
    const depth = 20_000;
    const text = `apiVersion: v1\nitems:\n- kind: ConfigMap\n  metadata:\n    name: deep\n  data: ${'['.repeat(depth)}${']'.repeat(depth)}\nkind: List\n`;
    const decoded = decodeResourceFile('x', text);
    expect(decoded.items).toEqual([]);
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ line: 6, level: 'error', message: expect.stringContaining('nesting') })]);
  });

  it('decodes objects nested deeper than 100 levels, as CRD schemas are', () => {
    let value = '"leaf"';
    for (let level = 0; level < 300; level += 1) value = `{p: ${value}}`;
    const text = `apiVersion: v1\nitems:\n- kind: CustomResourceDefinition\n  metadata:\n    name: deep\n  spec: ${value}\nkind: List\n`;
    expect(decodeResourceFile('x', text).items).toHaveLength(1);
  });

  it('reports invalid YAML in a file of another shape as one diagnostic', () => {
    const decoded = decodeResourceFile('x', '{ this is: [not yaml');
    expect(decoded.items).toEqual([]);
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('invalid YAML') })]);
  });

  it('decodes a long list in batches, each item with its own line, and isolates a broken item', () => {
    const item = (index: number) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-${index}\n  data:\n    index: "${index}"\n`;
    const items = Array.from({ length: 600 }, (_, index) => item(index));
    items[300] = items[300]!.replace('    name: cm-300\n', '    name: [cm-300\n');
    const decoded = decodeResourceFile('yamls/x.yaml', `apiVersion: v1\nitems:\n${items.join('')}kind: List\n`);
    expect(decoded.items).toHaveLength(599);
    expect(decoded.items.map((entry) => entry.object.metadata.name)).not.toContain('cm-300');
    const cm450 = decoded.items.find((entry) => entry.object.metadata.name === 'cm-450')!;
    expect(cm450).toMatchObject({ index: 450, line: 3 + 450 * 6 });
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ path: 'yamls/x.yaml', level: 'error' })]);
    expect(decoded.diagnostics[0]!.line).toBeGreaterThanOrEqual(3 + 300 * 6);
  });

  it('drops a "null" string however it is spelled: escaped, or in an item decoded with others', () => {
    const text = 'apiVersion: v1\nitems:\n- kind: A\n  metadata:\n    name: a\n  message: "\\u006eull"\n- kind: B\n  metadata:\n    name: b\n  message: "null"\n- kind: C\n  metadata:\n    name: c\n  message: nul\nkind: List\n';
    const objects = decodeResourceFile('x', text).items.map((entry) => entry.object);
    expect(objects.map((object) => object.message)).toEqual([undefined, undefined, 'nul']);
    expect('message' in objects[0]!).toBe(false);
  });
});
