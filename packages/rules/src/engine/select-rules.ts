import type { Rule } from '../rule/rule.js';

/**
 * `only` and `skip` take rule ids, signature numbers (`S01`), tags or components. An id or tag that matches no rule is an error: a
 * typo must not quietly run nothing (or everything).
 */
export function selectRules(rules: readonly Rule[], only?: readonly string[], skip?: readonly string[]): Rule[] {
  // Signatures are quoted from the catalogue in any case (`S01`, `s01`).
  const matches = (rule: Rule, selector: string) =>
    rule.id === selector ||
    (rule.signature !== undefined && rule.signature.toUpperCase() === selector.toUpperCase()) ||
    (rule.tags ?? []).includes(selector) ||
    rule.component === selector;
  for (const selector of [...(only ?? []), ...(skip ?? [])]) {
    if (!rules.some((rule) => matches(rule, selector))) throw new UnknownRuleSelectorError(selector);
  }
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`two rules have the id ${rule.id}`);
    ids.add(rule.id);
  }
  return rules.filter(
    (rule) =>
      (!only?.length || only.some((selector) => matches(rule, selector))) && !(skip ?? []).some((selector) => matches(rule, selector)),
  );
}

export class UnknownRuleSelectorError extends Error {
  readonly selector: string;

  constructor(selector: string) {
    super(`no rule has the id, signature, tag or component "${selector}"`);
    this.name = 'UnknownRuleSelectorError';
    this.selector = selector;
  }
}
