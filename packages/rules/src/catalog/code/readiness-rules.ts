import type { CodeRule } from '../../rule/rule.js';

/** Code rules of this part of the catalog; one file per rule beside this one, listed here. */
export const READINESS_CODE_RULES: CodeRule[] = [];
