/**
 * kubectl's AGE: apimachinery's `duration.HumanDuration`, ~2–3 significant figures. In a bundle the
 * reference time is the bundle's creation, never the reader's clock: the same bundle reads the
 * same next year.
 */
export function humanDuration(milliseconds: number): string {
  // Go truncates toward zero when it converts a Duration to whole seconds, minutes and hours.
  const seconds = Math.trunc(milliseconds / 1000);
  // Up to a second in the future is clock skew ("almost now"); more is an invalid timestamp.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const rest = seconds % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * The age of a timestamp at the bundle's creation, as kubectl prints it: `<unknown>` when the
 * timestamp is missing or unreadable, or when the bundle does not say when it was made.
 */
export function ageAt(timestamp: unknown, bundleCreatedAt: number | undefined): string {
  const time = parseTimestamp(timestamp);
  if (time === undefined || bundleCreatedAt === undefined) return '<unknown>';
  return humanDuration(bundleCreatedAt - time);
}

/** Milliseconds of an RFC 3339 timestamp as the API writes them; undefined when absent or invalid. */
export function parseTimestamp(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || timestamp === '') return undefined;
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? undefined : time;
}
