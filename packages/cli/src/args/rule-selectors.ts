/**
 * `--only` and `--skip` take ids or tags, comma-separated, and may be repeated
 * (`--only S01,upgrade --only fleet`).
 */
export function ruleSelectors(values: readonly string[] | undefined): string[] {
  const selectors = (values ?? []).flatMap((value) => value.split(',')).map((selector) => selector.trim());
  return [...new Set(selectors.filter((selector) => selector !== ''))];
}
