/**
 * The timestamps that start bundle log lines (bundle-format.md §2.5):
 * - pod logs: `<RFC3339Nano> <payload>` (kubelet `timestamps=true`), 0–9 fractional digits;
 * - node journal logs: `Mar 06 22:45:28[.123456] <host> <unit>: …`, with no year;
 * - the supportconfig's `messages.txt`: `journalctl --output=short-iso`,
 *   `2024-06-13T11:06:15+0000 <host> <unit>: …` (newer systemd writes `+00:00`).
 */
export type TimestampStyle = 'pod' | 'journal' | 'iso' | 'none';

export interface SplitLine {
  /** Milliseconds since the epoch, when the line has a timestamp. */
  time?: number;
  /** The line after its timestamp prefix (the whole line when there is none). */
  text: string;
}

const POD_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{0,9})?(Z|[+-]\d\d:\d\d) ?/;

export function splitPodLogLine(raw: string): SplitLine {
  const match = POD_PREFIX.exec(raw);
  if (!match) return { text: raw };
  const fraction = (match[2] ?? '').slice(0, 4); // milliseconds are all Date keeps
  const time = Date.parse(`${match[1]}${fraction === '.' ? '' : fraction}${match[3]}`);
  return Number.isNaN(time) ? { text: raw } : { time, text: raw.slice(match[0].length) };
}

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};
const JOURNAL_PREFIX = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)(\.\d{1,9})? /;

/**
 * Journal lines carry no year. It is taken from the bundle's creation time: a line dated after
 * the bundle was created (with a day of slack for clock skew) must be from the year before,
 * which handles logs that cross New Year.
 */
export function splitJournalLine(raw: string, bundleCreatedAt: number | undefined): SplitLine {
  const match = JOURNAL_PREFIX.exec(raw);
  if (!match) return { text: raw };
  const month = MONTHS[match[1]!];
  if (month === undefined) return { text: raw };
  // Without the bundle's creation time the year is unknown; guessing it from today's clock would
  // make the same bundle read differently next year. The prefix is still split off.
  if (bundleCreatedAt === undefined) return { text: raw.slice(match[0].length) };
  const reference = new Date(bundleCreatedAt);
  const milliseconds = match[6] ? Math.floor(Number(`0${match[6]}`) * 1000) : 0;
  const at = (year: number) =>
    Date.UTC(year, month, Number(match[2]!.trim()), Number(match[3]), Number(match[4]), Number(match[5]), milliseconds);
  let time = at(reference.getUTCFullYear());
  if (time > reference.getTime() + 24 * 3600 * 1000) time = at(reference.getUTCFullYear() - 1);
  return { time, text: raw.slice(match[0].length) };
}

const ISO_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,9})?(Z|[+-]\d\d:?\d\d) /;

/** `journalctl -o short-iso` lines: an ISO 8601 time with its offset (colon optional), then a space. */
export function splitIsoLine(raw: string): SplitLine {
  const match = ISO_PREFIX.exec(raw);
  if (!match) return { text: raw };
  const offset = match[3]!.length === 5 ? `${match[3]!.slice(0, 3)}:${match[3]!.slice(3)}` : match[3]!;
  const time = Date.parse(`${match[1]}${(match[2] ?? '').slice(0, 4)}${offset}`);
  return Number.isNaN(time) ? { text: raw } : { time, text: raw.slice(match[0].length) };
}

export function splitLogLine(raw: string, style: TimestampStyle, bundleCreatedAt: number | undefined): SplitLine {
  if (style === 'pod') return splitPodLogLine(raw);
  if (style === 'iso') return splitIsoLine(raw);
  if (style === 'journal') return splitJournalLine(raw, bundleCreatedAt);
  return { text: raw };
}

/** Which node files are journalctl output (the kit's `journalctl … > logs/<unit>.log`). */
export function nodeLogTimestampStyle(file: string): TimestampStyle {
  if (file === 'supportconfig/messages.txt') return 'iso';
  if (!file.startsWith('logs/')) return 'none';
  const name = file.slice('logs/'.length);
  if (/^(kubelet|containerd|console|containerd-images)\.log$/.test(name)) return 'none';
  return /\.log(\.\d+)?$/.test(name) ? 'journal' : 'none';
}
