import type { CodeRule } from '../rule/rule.js';
import { FLEET_CODE_RULES } from './code/fleet-rules.js';
import { LONGHORN_AND_MISC_CODE_RULES } from './code/longhorn-and-misc-rules.js';
import { READINESS_CODE_RULES } from './code/readiness-rules.js';
import { UPGRADE_FLOW_CODE_RULES } from './code/upgrade-flow-rules.js';

/** Catalog rules written as code (each says in `whyCode` why the declarative form was not enough). */
export const CODE_RULES: CodeRule[] = [...FLEET_CODE_RULES, ...UPGRADE_FLOW_CODE_RULES, ...LONGHORN_AND_MISC_CODE_RULES, ...READINESS_CODE_RULES];
