import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector } from './field-selector.js';
import { InvalidSelectorError } from './kubectl-errors.js';
import { matchesLabels, parseLabelSelector } from './label-selector.js';

const labels = { app: 'harvester', tier: 'control-plane', 'node-role.kubernetes.io/master': 'true', replicas: '3' };

describe('label selectors (kubectl -l)', () => {
  it.each([
    ['app=harvester', true],
    ['app==harvester', true],
    ['app!=harvester', false],
    ['app!=longhorn', true],
    ['missing!=x', true],
    ['app in (longhorn, harvester)', true],
    ['app notin (longhorn,harvester)', false],
    ['missing notin (a)', true],
    // kubectl reads `()` as the set of the empty value: no label of app is empty here.
    ['app in ()', false],
    ['app notin ()', true],
    ['node-role.kubernetes.io/master', true],
    ['!node-role.kubernetes.io/master', false],
    ['!missing', true],
    ['app=harvester,tier=control-plane', true],
    ['app=harvester,tier=worker', false],
    ['replicas>2', true],
    ['replicas<2', false],
    ['', true],
  ])('"%s" matches: %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it.each(['app in harvester', 'app=', 'a=b,', '=x', 'app in (a', 'app in (a b)', 'bad key=x', 'x>y'])('refuses "%s" when it does not parse', (selector) => {
    if (selector === 'app=') {
      // An empty value is a valid selector: it selects the empty label value.
      expect(matchesLabels(parseLabelSelector(selector), { app: '' })).toBe(true);
      return;
    }
    expect(() => parseLabelSelector(selector)).toThrow(InvalidSelectorError);
  });
});

describe('field selectors (kubectl --field-selector)', () => {
  const pod = { metadata: { name: 'virt-handler-x', namespace: 'harvester-system' }, spec: { nodeName: 'node1', hostNetwork: true }, status: { phase: 'Running' } };

  it.each([
    ['metadata.name=virt-handler-x', true],
    ['metadata.namespace==harvester-system', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=node1,status.phase=Running', true],
    ['spec.hostNetwork=true', true],
    ['status.podIP=', true],
    ['status.reason!=Evicted', true],
  ])('"%s" matches: %s', (selector, expected) => {
    expect(matchesFields(parseFieldSelector(selector), pod)).toBe(expected);
  });

  it('takes escaped commas and equals signs in values', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=a\\,b\\=c'), { metadata: { name: 'a,b=c' } })).toBe(true);
  });

  it('refuses a term without an operator', () => {
    expect(() => parseFieldSelector('status.phase')).toThrow(InvalidSelectorError);
  });
});
