/**
 * The one place that knows the shape of a condition tree. Evaluation, validation, the names a
 * condition binds and the log scans a rule will need are all visitors of it, so a new kind of
 * condition is added here once and every walk learns of it (the compiler lists the visitors that
 * lack a case).
 */
import type { ArrayCondition, Condition, CountCondition, FieldCondition, LogCondition, PodLogCondition, VersionCondition } from './rule-types.js';

export type ArrayKind = 'some' | 'every' | 'none' | 'count';

export interface ConditionVisitor<T> {
  /** Every child holds (stops at the first that does not). */
  all(children: Condition[]): T;
  /** Some child holds (stops at the first that does). */
  any(children: Condition[]): T;
  /** Evaluates every child; holds when one does, and keeps what each holding child binds and cites. */
  collect(children: Condition[]): T;
  /** Always holds; keeps what the child binds and cites when the child holds. */
  optional(child: Condition): T;
  not(child: Condition): T;
  field(spec: FieldCondition): T;
  array(kind: ArrayKind, spec: ArrayCondition | CountCondition): T;
  log(spec: LogCondition): T;
  /** The log of the object being evaluated (a pod's container, addressed by templates). */
  podLog(spec: PodLogCondition): T;
  version(spec: VersionCondition): T;
}

/**
 * Calls the visitor's case for the condition's kind. A condition has exactly one key (the schema
 * says so, and the loader checks it); the generated type lists them all as optional.
 */
export function visitCondition<T>(condition: Condition, visitor: ConditionVisitor<T>): T {
  if (condition.all !== undefined) return visitor.all(condition.all);
  if (condition.any !== undefined) return visitor.any(condition.any);
  if (condition.collect !== undefined) return visitor.collect(condition.collect);
  if (condition.optional !== undefined) return visitor.optional(condition.optional);
  if (condition.not !== undefined) return visitor.not(condition.not);
  if (condition.field !== undefined) return visitor.field(condition.field);
  if (condition.some !== undefined) return visitor.array('some', condition.some);
  if (condition.every !== undefined) return visitor.array('every', condition.every);
  if (condition.none !== undefined) return visitor.array('none', condition.none);
  if (condition.count !== undefined) return visitor.array('count', condition.count);
  if (condition.log !== undefined) return visitor.log(condition.log);
  if (condition.podLog !== undefined) return visitor.podLog(condition.podLog);
  if (condition.version !== undefined) return visitor.version(condition.version);
  throw new Error(`unknown condition: ${Object.keys(condition).join(', ')}`);
}

/** The name an array condition gives each element (`as`, default `item`). */
export function elementName(spec: ArrayCondition | CountCondition): string {
  return spec.as ?? 'item';
}

/** The name a log condition binds its matches to (`as`, default the input's name). */
export function matchesName(spec: LogCondition): string {
  return spec.as ?? spec.input;
}

/** The name a podLog condition binds its lines to (`as`, default `podLog`). */
export function podLogName(spec: PodLogCondition): string {
  return spec.as ?? 'podLog';
}

/**
 * Every log condition of a tree, in order (for planning shared log scans before any rule runs).
 * `optional`, `collect` and `not` children are included: they are searched too.
 */
export function logConditions(condition: Condition | undefined): LogCondition[] {
  if (!condition) return [];
  const found: LogCondition[] = [];
  const walk = (node: Condition): void =>
    visitCondition<void>(node, {
      all: (children) => children.forEach(walk),
      any: (children) => children.forEach(walk),
      collect: (children) => children.forEach(walk),
      optional: walk,
      not: walk,
      field: () => undefined,
      array: (_kind, spec) => spec.where && walk(spec.where),
      log: (spec) => void found.push(spec),
      // Addressed by the object being evaluated: known only then, so never planned ahead.
      podLog: () => undefined,
      version: () => undefined,
    });
  walk(condition);
  return found;
}
