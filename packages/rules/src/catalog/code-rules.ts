import type { CodeRule } from '../rule/rule.js';

/** Catalog rules written as code (each says in `whyCode` why the declarative form was not enough). */
export const CODE_RULES: CodeRule[] = [];
