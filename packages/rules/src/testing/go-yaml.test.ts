import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { compareGoYamlKeys, formatGoFloat, toGoYaml } from './go-yaml.js';

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10;
const sampleYamls = SAMPLE ? join(SAMPLE, 'yamls') : undefined;
const haveSample = sampleYamls !== undefined && existsSync(sampleYamls);

/** Parse with js-yaml's core schema (no timestamps), then re-emit like the kit. */
const reEmit = (text: string): string => toGoYaml(yaml.load(text, { schema: yaml.CORE_SCHEMA }));

describe('toGoYaml', () => {
  it('prints numbers as float64 through %g, so integers of 1e6 and more come out in exponent form', () => {
    expect(formatGoFloat(2_000_000_000)).toBe('2e+09');
    expect(formatGoFloat(95_247_316)).toBe('9.5247316e+07');
    expect(formatGoFloat(2_000_001_000)).toBe('2.000001e+09');
    expect(formatGoFloat(999_999)).toBe('999999');
    expect(formatGoFloat(0.5)).toBe('0.5');
    expect(formatGoFloat(0.00001)).toBe('1e-05');
    expect(toGoYaml({ value: 1_000_000, replicas: 3 })).toBe('replicas: 3\nvalue: 1e+06\n');
  });

  it('quotes strings that YAML 1.1 would read as another type, and only those', () => {
    const out = toGoYaml({
      a: 'True', b: 'null', c: '0755', d: '12:30', e: '2025-03-06T22:45:28Z', f: '2025-03-06', g: 'y', h: '1.5',
      i: 'v1.4.1', j: '0.0.0-dev', k: 'off', l: '', m: '0x1F', n1: '+1', o: '.5', p: 'kubevirt.io/drain:NoSchedule',
    });
    expect(out).toBe(
      [
        'a: "True"', 'b: "null"', 'c: "0755"', 'd: "12:30"', 'e: "2025-03-06T22:45:28Z"', 'f: "2025-03-06"', 'g: "y"',
        'h: "1.5"', 'i: v1.4.1', 'j: 0.0.0-dev', 'k: "off"', 'l: ""', 'm: "0x1F"', 'n1: "+1"', 'o: ".5"',
        'p: kubevirt.io/drain:NoSchedule', '',
      ].join('\n'),
    );
  });

  it('single-quotes plain-looking text that starts with an indicator or holds ": "', () => {
    expect(toGoYaml({ message: 'Node node2 status is now: NodeHasSufficientMemory' })).toBe(
      "message: 'Node node2 status is now: NodeHasSufficientMemory'\n",
    );
    expect(toGoYaml({ podIP: '{"driver.longhorn.io":"node1"}', star: '*', dash: '- x', quote: "it's" })).toBe(
      "dash: '- x'\npodIP: '{\"driver.longhorn.io\":\"node1\"}'\nquote: it's\nstar: '*'\n",
    );
  });

  it('writes multi-line text as a literal block with the chomping indicator yaml.v2 picks', () => {
    expect(toGoYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n', d: ' lead\nx' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\nd: |2-\n   lead\n  x\n');
    // Trailing spaces or tabs make a block impossible: double quotes with escapes instead.
    expect(toGoYaml({ t: 'a\tb\nc' })).toBe('t: "a\\tb\\nc"\n');
  });

  it('does not indent a sequence under its key, and writes empty collections in flow style', () => {
    expect(toGoYaml({ items: [{ b: 1, a: [] }], metadata: {} })).toBe('items:\n- a: []\n  b: 1\nmetadata: {}\n');
    expect(toGoYaml({ nested: [['a', 'b'], []] })).toBe('nested:\n- - a\n  - b\n- []\n');
  });

  it('folds long plain scalars at the first space past column 80, as in the real ManagedChart message', () => {
    const message = 'Modified(1) [Cluster fleet-local/local]; configmap.v1 longhorn-system/longhorn-storageclass missing';
    expect(toGoYaml({ conditions: [{ message, status: 'False' }] })).toBe(
      'conditions:\n- message: Modified(1) [Cluster fleet-local/local]; configmap.v1 longhorn-system/longhorn-storageclass\n    missing\n  status: "False"\n',
    );
  });

  it('quotes a key that YAML 1.1 reads as a boolean', () => {
    expect(toGoYaml({ n: 1, y: 2, on: 3 })).toBe('"n": 1\n"on": 3\n"y": 2\n');
  });

  it("sorts keys in yaml.v2's natural order: non-letters before letters, digit runs by value", () => {
    const keys = ['f:spec', '.', 'b10', 'b9', 'B', 'a', 'k:{"type":"Ready"}', 'f:metadata'];
    expect([...keys].sort(compareGoYamlKeys)).toEqual(['.', 'B', 'a', 'b9', 'b10', 'f:metadata', 'f:spec', 'k:{"type":"Ready"}']);
  });
});

describe.skipIf(!haveSample)('toGoYaml against the real v1.0 bundle (BUNDLE_TRIAGE_SAMPLE_V10)', () => {
  const file = (path: string) => readFileSync(join(sampleYamls!, path), 'utf8');

  it.each([
    'namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml', // folded message, "null", | literal
    'cluster/scheduling.k8s.io/v1/priorityclasses.yaml', // 1e+09, 2e+09, 2.000001e+09, folded description
    'namespaced/harvester-system/v1/pods.yaml',
    'cluster/v1/nodes.yaml', // sizeBytes exponents, single-quoted JSON annotations, corrupted managedFields keys
    'namespaced/harvester-system/kubevirt.io/v1/kubevirts.yaml', // folded single-quoted JSON
    'namespaced/kube-system/catalog.cattle.io/v1/apps.yaml', // |2 literal with an indentation indicator
    'namespaced/default/v1/events.yaml',
  ])('re-emits %s byte for byte', (path) => {
    const text = file(path);
    expect(reEmit(text)).toBe(text);
  });

  it('re-emits every YAML file of the sample byte for byte (except one the maintainers re-indented by hand)', () => {
    const handEdited = new Set(['namespaced/cattle-system/extensions/v1beta1/ingresses.yaml']);
    const mismatched: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.yaml')) {
          const rel = relative(sampleYamls!, path);
          if (!handEdited.has(rel) && reEmit(readFileSync(path, 'utf8')) !== readFileSync(path, 'utf8')) mismatched.push(rel);
        }
      }
    };
    walk(sampleYamls!);
    expect(mismatched).toEqual([]);
  });
});
