import { selectRules, type Rule } from '@bundle-triage/rules';

/**
 * `--only`/`--skip` selectors as the engine takes them. People quote signatures from the
 * catalogue (`S01`), so a selector that names no id, tag or component but is a rule's signature
 * becomes that rule's id. Unknown selectors are refused here, before any bundle is opened.
 */
export function resolveSelectors(rules: readonly Rule[], only: readonly string[], skip: readonly string[]): { only: string[]; skip: string[] } {
  const named = (selector: string) => rules.some((rule) => rule.id === selector || rule.component === selector || (rule.tags ?? []).includes(selector));
  const resolve = (selectors: readonly string[]) =>
    selectors.flatMap((selector) => {
      if (named(selector)) return [selector];
      const signed = rules.filter((rule) => rule.signature?.toUpperCase() === selector.toUpperCase()).map((rule) => rule.id);
      return signed.length > 0 ? signed : [selector];
    });
  const resolved = { only: resolve(only), skip: resolve(skip) };
  selectRules(rules, resolved.only, resolved.skip);
  return resolved;
}
