import { describe, expect, it } from 'vitest';
import type { Scope } from './located.js';
import { validateTemplate } from '../rule/template-syntax.js';
import { renderTemplate } from './render-template.js';

const scope: Scope = new Map([
  [
    'modified',
    {
      kind: 'many',
      located: [
        { value: { kind: 'ConfigMap', namespace: 'longhorn-system', name: 'longhorn-storageclass', missing: true }, pointer: '' },
        { value: { kind: 'Secret', namespace: 'kube-system', name: 'tls', patch: '{}' }, pointer: '' },
        { value: { kind: 'Deployment', namespace: 'harvester-system', name: 'extra-one', delete: true }, pointer: '' },
      ],
    },
  ],
]);

describe('renderTemplate', () => {
  it('splits Fleet modifiedStatus entries into modified, missing and extra with where/whereNot', () => {
    expect(renderTemplate('{{ modified | whereNot:missing | whereNot:delete | ref | join }}', scope)).toBe('Secret kube-system/tls');
    expect(renderTemplate('{{ modified | where:missing | ref | join }}', scope)).toBe('ConfigMap longhorn-system/longhorn-storageclass');
    expect(renderTemplate('{{ modified | where:delete | ref | join }}', scope)).toBe('Deployment harvester-system/extra-one');
  });

  it('formats each element from several fields, and sorts in code-unit order', () => {
    expect(renderTemplate('{{ modified | format:"{namespace}/{name}" | sort | join:" " }}', scope)).toBe(
      'harvester-system/extra-one kube-system/tls longhorn-system/longhorn-storageclass',
    );
  });

  it('sorts numbers by value, so map:time | sort | last is the latest log match, not the last listed', () => {
    const matches: Scope = new Map([
      ['errors', { kind: 'many', located: [{ value: { time: 1_700_000_900_000 }, pointer: '' }, { value: { time: 99_000 }, pointer: '' }, { value: { time: 1_700_000_000_000 }, pointer: '' }] }],
    ]);
    expect(renderTemplate('{{ errors | map:time | sort | join:" " }}', matches)).toBe('99000 1700000000000 1700000900000');
    expect(renderTemplate('{{ errors | map:time | sort | last }}', matches)).toBe('1700000900000');
  });

  it('formats a JSON-pointer field (~1 for a slash in a key), with a default for an empty one', () => {
    const versions: Scope = new Map([
      ['version', { kind: 'many', located: [
        { value: { metadata: { name: 'v1.4.2', annotations: { 'harvesterhci.io/minFreeDiskSpaceGB': '40' } } }, pointer: '' },
        { value: { metadata: { name: 'v1.5.0' } }, pointer: '' },
      ] }],
    ]);
    expect(renderTemplate('{{ version | format:"{metadata/name}: {metadata/annotations/harvesterhci.io~1minFreeDiskSpaceGB|30} GB" | join:", " }}', versions)).toBe('v1.4.2: 40 GB, v1.5.0: 30 GB');
  });

  it('renders an unknown name as nothing and a default when asked', () => {
    expect(renderTemplate('[{{ nothing }}] [{{ nothing | default:"none" }}]', scope)).toBe('[] [none]');
  });

  it('refuses unknown filters at load time', () => {
    expect(validateTemplate('{{ modified | shout }}')).toMatch(/unknown filter "shout"/);
  });
});

describe('the age filter', () => {
  it('prints how long before the bundle was taken a time was, kubectl-style', () => {
    const scope = new Map([
      ['facts', { kind: 'value' as const, value: { createdAt: '2025-03-06T22:45:28Z' } }],
      ['node', { kind: 'value' as const, value: { since: '2025-03-03T18:40:00Z', recent: '2025-03-06T22:44:58Z' } }],
    ]);
    expect(renderTemplate('NotReady for {{ node/since | age }}, last seen {{ node/recent | age }} before', scope)).toBe('NotReady for 3d4h, last seen 30s before');
  });

  it('reads a log line\'s time (milliseconds, as a log match binds it) too', () => {
    const scope = new Map([
      ['facts', { kind: 'value' as const, value: { createdAt: '2025-03-06T22:45:28Z' } }],
      ['kills', { kind: 'value' as const, value: [{ time: Date.parse('2025-03-06T20:35:28Z') }] }],
    ]);
    expect(renderTemplate('{{ kills | last | map:time | age }} before the bundle', scope)).toBe('2h10m before the bundle');
  });
});

describe('the ago filter', () => {
  const at = (time: string) =>
    new Map([
      ['facts', { kind: 'value' as const, value: { createdAt: '2022-03-22T23:49:32Z' } }],
      ['errors', { kind: 'value' as const, value: [{ time: Date.parse(time) }] }],
    ]);

  it('says how long before the bundle a time was, as age does', () => {
    expect(renderTemplate('the last {{ errors | map:time | last | ago }}', at('2022-03-22T23:29:32Z'))).toBe('the last 20m before it');
  });

  it('does not call a line logged while the kit was collecting "0s before it"', () => {
    // The real v1.0 sample: the bundle is stamped 23:49:32, node1's kernel log ends at 23:50:58.
    expect(renderTemplate('the last one {{ errors | map:time | last | ago }}', at('2022-03-22T23:50:58Z'))).toBe('the last one while the bundle was being taken');
    expect(renderTemplate('the last one {{ errors | map:time | last | ago }}', at('2022-03-22T23:49:31.600Z'))).toBe('the last one while the bundle was being taken');
    expect(renderTemplate('the last one {{ errors | map:time | last | ago }}', at('2022-03-23T02:49:32Z'))).toBe('the last one 3h after it');
  });

  it('reads an RFC 3339 time as well as a log line\'s milliseconds, and each element of a list', () => {
    const scope = new Map([
      ['facts', { kind: 'value' as const, value: { createdAt: '2022-03-22T23:49:32Z' } }],
      ['times', { kind: 'value' as const, value: ['2022-03-22T23:39:32Z', '2022-03-22T23:50:00Z'] }],
    ]);
    expect(renderTemplate('{{ times | ago | join:"; " }}', scope)).toBe('10m before it; while the bundle was being taken');
  });
});

describe('the bytes filter', () => {
  it('prints bytes 1024-based with one decimal, as df and free do, and leaves what is not a number out', () => {
    const scope: Scope = new Map([['fs', { kind: 'value', value: { availableBytes: 13_958_643_712, usedBytes: 153_116_188_262, tiny: 900, text: 'n/a' } }]]);
    expect(renderTemplate('{{ fs/availableBytes | bytes }} free, {{ fs/usedBytes | bytes }} used, {{ fs/tiny | bytes }}', scope)).toBe('13 GiB free, 142.6 GiB used, 900 B');
    expect(renderTemplate('[{{ fs/text | bytes }}]', scope)).toBe('[]');
  });
});
