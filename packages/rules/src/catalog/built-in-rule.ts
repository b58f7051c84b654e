import type { CodeRule } from '../rule/rule.js';
import type { DeclarativeRule } from '../rule/rule-types.js';

/** One rule of the compiled built-in catalog, with the folder it came from (`<component>/<rule-id>`). */
export type BuiltInRule = { folder: string; kind: 'declarative'; rule: DeclarativeRule } | { folder: string; kind: 'code'; rule: CodeRule };
