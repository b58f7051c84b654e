import { selectRules, type Rule } from '@bundle-triage/rules';

/**
 * `--only`/`--skip` selectors (ids, signatures such as `S01`, tags, components), checked against
 * the rules before any bundle is opened: an unknown selector is refused here, by the engine's
 * own selection, so the CLI and the library accept the same selectors.
 */
export function resolveSelectors(rules: readonly Rule[], only: readonly string[], skip: readonly string[]): { only: string[]; skip: string[] } {
  selectRules(rules, only, skip);
  return { only: [...only], skip: [...skip] };
}
