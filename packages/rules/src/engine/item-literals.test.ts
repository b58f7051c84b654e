import { describe, expect, it } from 'vitest';
import { parseRule } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { itemLiterals } from './item-literals.js';

function rule(body: string): Rule {
  const text = `id: test-rule
title: test
description: test
severity: low
component: core
inputs:
  pods: { resource: { group: '', resource: pods } }
  nodes: { resource: { group: '', resource: nodes, namespace: null } }
${body}`;
  const { rule: parsed, problems } = parseRule(text, '<test>');
  if (!parsed) throw new Error(problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '));
  return parsed;
}

const literalsOf = (body: string) => Object.fromEntries(itemLiterals(rule(body)));

describe('the literals an object must hold for a rule to care about it', () => {
  it('takes them from a forEach where: equals, in, and a nested some over a part of the object', () => {
    expect(
      literalsOf(`match:
  forEach: pods
  as: pod
  where:
    all:
      - field: { path: pod/status/phase, in: [Pending, Failed] }
      - some: { path: pod/status/conditions, as: c, where: { field: { path: c/reason, equals: Unschedulable } } }
outcomes:
  - when: { field: { path: pod/metadata/name, exists: true } }
    status: fail
    message: 'pod {{ pod/metadata/name }}'
`),
    ).toEqual({ pods: [['Unschedulable'], ['Failed', 'Pending']] });
  });

  it('spells a boolean word every way YAML may write it, and derives nothing from numbers or null', () => {
    expect(literalsOf(`match: { forEach: nodes, as: node, where: { field: { path: node/spec/unschedulable, equals: 'True' } } }
outcomes: [{ when: { field: { path: node/metadata/name, exists: true } }, status: fail, message: x }]
`)).toEqual({ nodes: [['TRUE', 'True', 'true']] });
    expect(literalsOf(`match: { forEach: nodes, as: node, where: { field: { path: node/status/count, equals: '10' } } }
outcomes: [{ when: { field: { path: node/metadata/name, exists: true } }, status: fail, message: x }]
`)).toEqual({});
  });

  it('takes the leading literal of a pattern, without a character a quantifier makes optional, and none from an alternation', () => {
    const of = (pattern: string) =>
      literalsOf(`match: { forEach: pods, as: pod, where: { field: { path: pod/metadata/name, matches: '${pattern}' } } }
outcomes: [{ when: { field: { path: pod/metadata/name, exists: true } }, status: fail, message: x }]
`).pods;
    expect(of('^virt-launcher-')).toEqual([['virt-launcher-']]);
    expect(of('^helm-installs?-')).toEqual([['helm-install']]);
    expect(of('^rke2\\.server')).toEqual([['rke2.server']]);
    expect(of('^(a|b)')).toBeUndefined();
    expect(of('(?i)virt-launcher')).toBeUndefined();
  });

  it('unites the alternatives of any, and needs every alternative to say something', () => {
    const body = (second: string) => `match:
  forEach: pods
  as: pod
  where:
    any:
      - field: { path: pod/status/reason, equals: Evicted }
      - ${second}
outcomes: [{ when: { field: { path: pod/metadata/name, exists: true } }, status: fail, message: x }]
`;
    expect(literalsOf(body('field: { path: pod/status/phase, equals: Failed }'))).toEqual({ pods: [['Evicted', 'Failed']] });
    expect(literalsOf(body('field: { path: pod/status/phase, notEquals: Running }'))).toEqual({});
  });

  it('narrows a list used through some and count with where, and keeps it whole for any other use', () => {
    const some = `outcomes:
  - when: { some: { path: pods, as: pod, where: { field: { path: pod/status/phase, equals: Failed } } } }
    status: fail
    message: 'failed: {{ pod | map:metadata | ref }}'
`;
    expect(literalsOf(some)).toEqual({ pods: [['Failed']] });
    const plain = some.replace("message: 'failed: {{ pod | map:metadata | ref }}'", 'message: none failed');
    // none: it cites the list's first object (any object) as where it looked.
    expect(literalsOf(plain.replace('when: { some:', 'when: { none:'))).toEqual({});
    // every: an object left out could be the one that does not satisfy where.
    expect(literalsOf(plain.replace('when: { some:', 'when: { every:'))).toEqual({});
    // A template over the whole list, or a count of every object, needs every object.
    expect(literalsOf(plain.replace('message: none failed', "message: 'of {{ pods | map:metadata | ref }}'"))).toEqual({});
    expect(literalsOf(`outcomes:
  - when: { count: { path: pods, as: pod, min: 100 } }
    status: fail
    message: many pods
`)).toEqual({});
  });

  it('narrows a list used twice to one clause that either use satisfies', () => {
    expect(
      literalsOf(`outcomes:
  - when: { some: { path: pods, as: pod, where: { field: { path: pod/status/phase, equals: Failed } } } }
    status: fail
    message: failed
  - when: { some: { path: pods, as: pod, where: { field: { path: pod/status/reason, equals: Evicted } } } }
    status: warn
    message: evicted
`),
    ).toEqual({ pods: [['Evicted', 'Failed']] });
  });

  it('derives nothing a number or a boolean compares as but YAML writes otherwise (Infinity as .inf, TRUE as true)', () => {
    const of = (field: string) =>
      literalsOf(`match: { forEach: pods, as: pod, where: { field: { path: pod/status/x, ${field} } } }
outcomes: [{ when: { field: { path: pod/metadata/name, exists: true } }, status: fail, message: x }]
`).pods;
    expect(of("equals: 'Infinity'")).toBeUndefined();
    expect(of("equals: 'NaN'")).toBeUndefined();
    expect(of("contains: 'alse'")).toBeUndefined();
    expect(of("matches: 'rue'")).toBeUndefined();
    expect(of("contains: 'Running'")).toEqual([['Running']]);
  });

  it('keeps only characters every YAML style writes as they are, and no literal too short to help', () => {
    expect(literalsOf(`match: { forEach: pods, as: pod, where: { field: { path: pod/status/message, contains: 'back-off 5m0s restarting "app"' } } }
outcomes: [{ when: { field: { path: pod/metadata/name, exists: true } }, status: fail, message: x }]
`)).toEqual({ pods: [['restarting']] });
    expect(literalsOf(`match: { forEach: pods, as: pod, where: { field: { path: pod/status/phase, equals: 'Up' } } }
outcomes: [{ when: { field: { path: pod/metadata/name, exists: true } }, status: fail, message: x }]
`)).toEqual({});
  });
});
