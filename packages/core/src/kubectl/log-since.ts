import { BadRequestError } from './kubectl-errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A `--since` value read without the bundle: a time, or a duration to count back from the bundle's creation. */
export type SinceValue = { at: number } | { ago: number };

/**
 * Reads a `--since` value: an RFC 3339 time or a Go duration (`90s`, `1h30m`, `2.5h`). Needs no
 * bundle, so a command can refuse a malformed value before it opens one.
 */
export function parseSinceValue(text: string): SinceValue {
  const trimmed = text.trim();
  if (/^\d{4}-\d\d-\d\dT/.test(trimmed)) {
    const time = Date.parse(trimmed);
    if (Number.isNaN(time) || !/(Z|[+-]\d\d:\d\d)$/i.test(trimmed)) {
      throw new BadRequestError(`--since: "${text}" is not an RFC 3339 time (like 2025-03-12T08:00:00Z)`);
    }
    return { at: time };
  }
  const duration = parseGoDuration(trimmed);
  if (duration === undefined) throw new BadRequestError(`--since: "${text}" is neither a duration (like 1h30m) nor an RFC 3339 time`);
  return { ago: duration };
}

/**
 * `--since` over a bundle: a Go duration counted back from the moment the bundle was made — the
 * "now" of a bundle — or an RFC 3339 time. Returns epoch ms, or undefined for a zero duration,
 * which kubectl takes as no limit.
 */
export function parseSince(text: string, bundleCreatedAt: number | undefined): number | undefined {
  const since = parseSinceValue(text);
  if ('at' in since) return since.at;
  if (since.ago === 0) return undefined;
  if (bundleCreatedAt === undefined) {
    throw new BadRequestError('--since: the bundle does not say when it was made, so give a time (RFC 3339) instead of a duration');
  }
  return bundleCreatedAt - since.ago;
}

/** Go's `time.ParseDuration` for non-negative durations: ms, or undefined when it does not parse. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const pattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    position = pattern.lastIndex;
  }
  return position === 0 ? undefined : total;
}
