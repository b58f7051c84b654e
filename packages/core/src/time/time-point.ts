/**
 * Instants as a bundle records them, normalised to UTC without inventing precision.
 *
 * Sources differ: pod log prefixes carry nanoseconds, events and conditions seconds, journal
 * lines seconds or microseconds and no year, klog headers microseconds and no year. A TimePoint
 * keeps the fractional digits that were written (`…:28Z` stays `…:28Z`, never `…:28.000Z`) and
 * says when its year was not written but taken from the bundle's creation time.
 */
export type TimePrecision = 's' | 'ms' | 'us' | 'ns';

export interface TimePoint {
  /** Milliseconds since the epoch (UTC), for ordering and arithmetic. */
  at: number;
  /** RFC 3339 in UTC with exactly the fractional digits the source wrote. */
  time: string;
  precision: TimePrecision;
  /** Set when part of the time was not written in the source: the year came from the bundle's creation time. */
  inferred?: 'year';
}

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?\d*([Zz]|[+-]\d\d:?\d\d)$/;

/** `2025-03-12T06:14:07.123456789Z`, `…+02:00`, `… 06:14:07Z`; undefined for anything else. */
export function parseRfc3339(text: string): TimePoint | undefined {
  const match = RFC3339.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const offset = zone === 'Z' || zone === 'z' ? 'Z' : zone!.length === 5 ? `${zone!.slice(0, 3)}:${zone!.slice(3)}` : zone!;
  const wholeSeconds = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  if (Number.isNaN(wholeSeconds)) return undefined;
  return timePoint(wholeSeconds, fraction);
}

/** A point from whole seconds since the epoch (ms) and the fractional digits as written. */
export function timePoint(wholeSecondsMs: number, fraction: string, inferred?: 'year'): TimePoint {
  const digits = fraction.slice(0, 9);
  const at = wholeSecondsMs + (digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0);
  const time = `${new Date(wholeSecondsMs).toISOString().slice(0, 19)}${digits ? `.${digits}` : ''}Z`;
  const point: TimePoint = { at, time, precision: precisionOf(digits.length) };
  if (inferred) point.inferred = inferred;
  return point;
}

/** A point from milliseconds when nothing finer was written (JSON numbers, computed times). */
export function timePointFromMs(ms: number, precision: TimePrecision = 'ms'): TimePoint {
  const whole = Math.floor(ms / 1000) * 1000;
  const fraction = precision === 's' ? '' : String(ms - whole).padStart(3, '0');
  return { at: precision === 's' ? whole : ms, time: `${new Date(whole).toISOString().slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`, precision: precision === 's' ? 's' : 'ms' };
}

function precisionOf(digits: number): TimePrecision {
  if (digits === 0) return 's';
  if (digits <= 3) return 'ms';
  if (digits <= 6) return 'us';
  return 'ns';
}

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

/**
 * A time written without its year (journal `Mar 06 22:45:28.123456`, klog `0306 22:45:28.123456`):
 * the year is the bundle's, or the one before when that would put the time more than a day after
 * the bundle was made (a log that crosses New Year). Without the creation time there is no year,
 * and no time: guessing from today's clock would make the same bundle read differently next year.
 */
export function yearlessTime(
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
  bundleCreatedAt: number | undefined,
): TimePoint | undefined {
  if (bundleCreatedAt === undefined || month < 0 || month > 11) return undefined;
  const year = new Date(bundleCreatedAt).getUTCFullYear();
  let whole = Date.UTC(year, month, day, hour, minute, second);
  if (whole > bundleCreatedAt + DAY_MS) whole = Date.UTC(year - 1, month, day, hour, minute, second);
  if (Number.isNaN(whole)) return undefined;
  return timePoint(whole, fraction, 'year');
}

const DAY_MS = 24 * 3600 * 1000;

const JOURNAL_STAMP = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?/;

/** The time of a journalctl short / short-precise line (`Mar 06 22:45:28[.123456] host unit: …`). */
export function journalLineTime(raw: string, bundleCreatedAt: number | undefined): TimePoint | undefined {
  const match = JOURNAL_STAMP.exec(raw);
  if (!match) return undefined;
  const month = MONTHS[match[1]!];
  if (month === undefined) return undefined;
  return yearlessTime(month, Number(match[2]!.trim()), Number(match[3]), Number(match[4]), Number(match[5]), match[6] ?? '', bundleCreatedAt);
}

const POD_STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d))/;

/** The time of a pod log line from its kubelet prefix, with all the digits the kubelet wrote. */
export function podLineTime(raw: string): TimePoint | undefined {
  const match = POD_STAMP.exec(raw);
  return match ? parseRfc3339(match[1]!) : undefined;
}

/** Orders points; equal instants of different precision compare equal. */
export function compareTimePoints(a: TimePoint, b: TimePoint): number {
  return a.at - b.at;
}
