/**
 * The health checks this round added to the catalog (issue 12): every rule folder that was not in
 * the catalog of the first version (git diff --diff-filter=A 9781935 -- packages/rules/catalog).
 * The bench's 'analyze fast no-health' case skips them, so 'analyze fast' against it is what the
 * health checks cost (target: at most +15 %).
 */
import { readFileSync } from 'node:fs';

/** The ids are kept in health-rule-ids.json, which the built-library case (a plain Node script) reads too. */
export const HEALTH_RULE_IDS: readonly string[] = JSON.parse(readFileSync(new URL('./health-rule-ids.json', import.meta.url), 'utf8')) as string[];
