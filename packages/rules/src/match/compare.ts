import semver from 'semver';
import { durationMs } from '../logs/duration.js';
import type { Comparison } from '../rule/rule-types.js';
import type { SafePattern } from '../rule/safe-pattern.js';

/**
 * One field comparison, shared by every condition so that "equals", "empty" and the rest mean
 * the same thing in every rule. `value` is undefined when the field is absent.
 */
export function compare(
  value: unknown,
  comparison: Comparison,
  helpers: {
    pattern: (source: string) => SafePattern;
    resolveNumber: (ref: { path: string }) => number | undefined;
    resolveValue: (path: string) => unknown;
    /** The bundle's creation (ms); asked for only by `olderThan` / `within`, which need it. */
    createdAt: () => number;
  },
): boolean {
  const present = value !== undefined && value !== null;
  if (comparison.exists !== undefined && comparison.exists !== present) return false;
  if (comparison.empty !== undefined && comparison.empty !== isEmpty(value)) return false;
  if ('equals' in comparison && !looselyEqual(value, comparison.equals)) return false;
  if ('notEquals' in comparison && looselyEqual(value, comparison.notEquals)) return false;
  if (comparison.in !== undefined && !comparison.in.some((candidate) => looselyEqual(value, candidate))) return false;
  if (comparison.notIn !== undefined && comparison.notIn.some((candidate) => looselyEqual(value, candidate))) return false;
  if (comparison.equalsPath !== undefined && !looselyEqual(value, helpers.resolveValue(comparison.equalsPath))) return false;
  if (comparison.matches !== undefined) {
    if (!present || typeof value === 'object') return false;
    if (!helpers.pattern(comparison.matches).test(String(value))) return false;
  }
  if (comparison.contains !== undefined) {
    if (Array.isArray(value)) {
      if (!value.some((item) => looselyEqual(item, comparison.contains))) return false;
    } else if (!present || typeof value === 'object' || !String(value).includes(comparison.contains)) {
      return false;
    }
  }
  for (const operator of ['gt', 'gte', 'lt', 'lte'] as const) {
    const bound = comparison[operator];
    if (bound === undefined) continue;
    const limit = typeof bound === 'number' ? bound : scaled(helpers.resolveNumber(bound), bound);
    const number = toNumber(value);
    if (limit === undefined || number === undefined) return false;
    if (operator === 'gt' && !(number > limit)) return false;
    if (operator === 'gte' && !(number >= limit)) return false;
    if (operator === 'lt' && !(number < limit)) return false;
    if (operator === 'lte' && !(number <= limit)) return false;
  }
  if (comparison.olderThan !== undefined || comparison.within !== undefined) {
    const time = toTime(value);
    if (time === undefined) return false;
    const age = helpers.createdAt() - time;
    if (comparison.olderThan !== undefined && !(age >= durationMs(comparison.olderThan))) return false;
    if (comparison.within !== undefined && !(age < durationMs(comparison.within))) return false;
  }
  if (comparison.semver !== undefined) {
    const version = typeof value === 'string' ? semver.coerce(value, { includePrerelease: true }) : null;
    if (!version || !semver.satisfies(version, comparison.semver, { includePrerelease: true })) return false;
  }
  return true;
}

/** Another field's number as a bound: `× times + plus` (85 % of a capacity less 13 GiB). */
function scaled(value: number | undefined, ref: { times?: number; plus?: number }): number | undefined {
  return value === undefined ? undefined : value * (ref.times ?? 1) + (ref.plus ?? 0);
}

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * Equality that forgives what YAML and the kit do to scalars: `"1"` equals `1`, `"True"`
 * equals `true` (condition statuses are strings), and structures compare deeply.
 */
export function looselyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => looselyEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a).toLowerCase() === String(b).toLowerCase();
  return String(a) === String(b);
}

/** Numbers as Kubernetes writes them: 5, "5", "5Gi", "500m", "85%", "1e3". */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(Ki|Mi|Gi|Ti|Pi|Ei|m|k|K|M|G|T|P|E|%)?\s*$/.exec(value);
  if (!match) return undefined;
  // Kubernetes quantity suffixes are case-sensitive: `m` is milli, `M` mega.
  const factor = QUANTITY_FACTORS[match[2] ?? ''];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

const QUANTITY_FACTORS: Record<string, number> = {
  '': 1,
  '%': 1,
  m: 1e-3,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes timestamp (RFC 3339, as the kit writes it) in ms; anything else is no time. */
export function toTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
