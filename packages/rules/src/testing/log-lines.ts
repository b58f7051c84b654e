/**
 * The two timestamp shapes of bundle logs (bundle-format.md §2.5):
 * - pod logs: `kubectl logs --timestamps`, an RFC3339 prefix with exactly 9 fractional digits
 *   (the kubelet's fixed-width RFC3339Nano) and a space;
 * - node journal logs: `journalctl` "short" (`Mar 06 22:45:28`) in old kits and "short-precise"
 *   (`Mar 06 22:45:28.123456`) from kit v0.0.39, followed by `<host> <identifier>: <message>`.
 */

/** A pod log line: raw text (stamped by the builder's clock) or text with its own time. */
export type PodLogLine = string | { time: string; text: string };

/** A journal line: verbatim text (headers, markers, cut first lines) or a structured entry. */
export type JournalLine = string | { time: string; identifier: string; text: string };

const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An instant as nanoseconds since the epoch; accepts RFC3339 UTC with 0–9 fractional digits. */
export function instantNanos(time: string): bigint {
  const match = INSTANT.exec(time);
  if (!match) throw new Error(`expected an RFC3339 UTC time like 2025-03-06T22:45:28.123Z, got ${JSON.stringify(time)}`);
  const seconds = BigInt(Date.parse(`${match[1]}Z`) / 1000);
  return seconds * 1_000_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** `2025-03-06T22:45:28.123000000Z`: the prefix the kubelet puts on each pod log line. */
export function podLogTimestamp(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0');
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction}Z`;
}

/** `Mar 06 22:45:28` or, with `precise`, `Mar 06 22:45:28.123456` (journalctl short / short-precise, UTC). */
export function journalTimestamp(time: string, precise: boolean): string {
  const nanos = instantNanos(time);
  const date = new Date(Number(nanos / 1_000_000n));
  const day = String(date.getUTCDate()).padStart(2, '0');
  const clock = date.toISOString().slice(11, 19);
  const micros = ((nanos % 1_000_000_000n) / 1000n).toString().padStart(6, '0');
  return `${MONTHS[date.getUTCMonth()]} ${day} ${clock}${precise ? `.${micros}` : ''}`;
}

/** `<timestamp> <host> <identifier>: <text>`, or the verbatim string. */
export function formatJournalLine(line: JournalLine, host: string, precise: boolean): string {
  if (typeof line === 'string') return line;
  return `${journalTimestamp(line.time, precise)} ${host} ${line.identifier}: ${line.text}`;
}
