import { parseRfc3339 } from '@bundle-triage/core';
import { CliError, UsageError } from '../errors/cli-error.js';

/** A `--since`/`--until` value: an instant, or a span before the bundle was made (`2h`). */
export type TimeBound = { kind: 'instant'; at: number } | { kind: 'before-creation'; ms: number; text: string };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

/**
 * RFC 3339 (`2025-03-12T06:00:00Z`, any offset; a date alone is its midnight UTC) or a duration
 * (`90m`, `2h`, `1d12h`, `1h30m`) counted back from the bundle's creation.
 */
export function parseTimeBound(value: string, option: string, command: string): TimeBound {
  if (DURATION.test(value)) {
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(amount) * UNIT_MS[unit!]!;
    return { kind: 'before-creation', ms, text: value };
  }
  const point = parseRfc3339(/^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!point) throw new UsageError(option, `"${value}" is neither an RFC 3339 time (2025-03-12T06:00:00Z) nor a duration before the bundle was made (2h, 30m, 1d)`, command);
  return { kind: 'instant', at: point.at };
}

/** Milliseconds since the epoch; a duration needs the bundle's creation time. */
export function resolveTimeBound(bound: TimeBound, option: string, bundleCreatedAt: string | undefined): number {
  if (bound.kind === 'instant') return bound.at;
  const created = bundleCreatedAt ? Date.parse(bundleCreatedAt) : Number.NaN;
  if (Number.isNaN(created)) throw new CliError('usage', option, `${bound.text} before the bundle was made: the bundle records no creation time; give an RFC 3339 time`);
  return created - bound.ms;
}
