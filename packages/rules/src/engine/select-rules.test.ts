import { describe, expect, it } from 'vitest';
import { defineCodeRule } from '../rule/rule.js';
import { selectRules, UnknownRuleSelectorError } from './select-rules.js';

const rule = (id: string, signature?: string, tags: string[] = []) =>
  defineCodeRule({ id, title: id, severity: 'low', component: 'fleet', tags, whyCode: 'test', ...(signature ? { signature } : {}), evaluate: async () => [] });

const rules = [rule('mcc-harvester-a', 'S01', ['upgrade']), rule('longhorn-b', 'S38'), rule('precheck-c', undefined, ['precheck'])];

describe('selectRules', () => {
  it('selects by id, signature in any case, tag and component', () => {
    expect(selectRules(rules, ['s01']).map((r) => r.id)).toEqual(['mcc-harvester-a']);
    expect(selectRules(rules, ['S38', 'precheck']).map((r) => r.id)).toEqual(['longhorn-b', 'precheck-c']);
    expect(selectRules(rules, undefined, ['fleet'])).toEqual([]);
  });

  it('refuses a selector that matches no rule, so a typo never runs nothing or everything', () => {
    expect(() => selectRules(rules, ['S99'])).toThrow(UnknownRuleSelectorError);
  });
});
