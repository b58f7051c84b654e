import type { LogFile } from '../logs/log-file.js';
import type { TimestampStyle } from '../logs/log-timestamps.js';
import type { LogFormat } from './formats/parsed-log-line.js';
import { parseLogLine } from './formats/parse-log-line.js';
import { WORDING_PATTERN } from './formats/wording-level.js';

/**
 * What a warning or error line of a log must match, so that a scan decodes only those lines:
 * one expression run over the bytes (`LogFile.lines({ prefilterPattern })`), a superset of what
 * `parseLogLine` calls warning or worse.
 *
 * - Every log: the level spellings of logrus, zap/KubeVirt JSON and Rancher, Go's `panic:`, and
 *   klog's level letter right after the log's own prefix (client-go writes klog lines into the
 *   logs of every Go controller, whatever their own format).
 * - Logs whose first lines mostly have no level field (kernel, plain text): also the wording.
 *   A log that mostly has one is taken at its word: its other lines (HTTP access lines, banners)
 *   are not warnings by its own account, and skipping the words makes the scan ~1.5× faster.
 */
const LEVEL_SPELLINGS = [
  'level=(?:error|warn|fatal|panic)',
  '"level":"(?:error|warn|fatal|panic|dpanic)',
  '\\[(?:ERROR|WARN|FATAL)',
  'panic:',
].join('|');

// klog's letter right after the log's own prefix: the kubelet's RFC 3339 stamp ends in `Z `, a
// journal line's identifier (short or short-iso) in `: `. Anchoring on those two characters keeps the expression
// fast (a `^\S+ ` prefix made it four times slower).
const KLOG_LEVEL: Record<TimestampStyle, string> = {
  pod: 'Z [EWF]\\d{4} \\d\\d:',
  journal: ': [EWF]\\d{4} \\d\\d:',
  iso: ': [EWF]\\d{4} \\d\\d:',
  none: '^[EWF]\\d{4} \\d\\d:',
};

export type LogPrefilterKind = 'levels' | 'levels-and-wording';

const PATTERNS: Record<`${LogPrefilterKind}/${TimestampStyle}`, RegExp> = (() => {
  const build = (kind: LogPrefilterKind, style: TimestampStyle) =>
    new RegExp([LEVEL_SPELLINGS, KLOG_LEVEL[style], ...(kind === 'levels-and-wording' ? [WORDING_PATTERN.source] : [])].join('|'), 'm');
  const styles: TimestampStyle[] = ['pod', 'journal', 'iso', 'none'];
  const kinds: LogPrefilterKind[] = ['levels', 'levels-and-wording'];
  return Object.fromEntries(kinds.flatMap((kind) => styles.map((style) => [`${kind}/${style}`, build(kind, style)]))) as Record<`${LogPrefilterKind}/${TimestampStyle}`, RegExp>;
})();

/** The prefilter expression for a log of this timestamp style (scans copy it: its lastIndex is never used). */
export function prefilterPattern(kind: LogPrefilterKind, style: TimestampStyle): RegExp {
  return PATTERNS[`${kind}/${style}`];
}

/** Lines read to tell a log's formats. */
const SNIFF_LINES = 64;

/** Logs at most this large are read whole: sniffing and reopening them would cost more than it saves. */
export const SMALL_LOG_BYTES = 16 * 1024;

/**
 * How to prefilter a log, from its first lines: undefined for a small log (read every line).
 * Blank lines and journal markers (`-- Logs begin at …`) say nothing about the format.
 */
export async function logPrefilter(log: LogFile, signal?: AbortSignal): Promise<RegExp | undefined> {
  if (log.size <= SMALL_LOG_BYTES) return undefined;
  const formats = new Map<LogFormat, number>();
  let sampled = 0;
  for await (const line of log.lines(signal ? { signal } : {})) {
    const text = line.text.trim();
    if (text === '' || text.startsWith('-- ')) continue;
    const format = parseLogLine(line.text, { journal: log.timestampStyle === 'journal' }).format;
    formats.set(format, (formats.get(format) ?? 0) + 1);
    sampled += 1;
    if (sampled >= SNIFF_LINES) break;
  }
  return prefilterPattern(prefilterKind(formats), log.timestampStyle);
}

/** `formats`: how many sampled lines had each format. */
export function prefilterKind(formats: ReadonlyMap<LogFormat, number>): LogPrefilterKind {
  const sampled = [...formats.values()].reduce((sum, count) => sum + count, 0);
  return sampled === 0 || (formats.get('plain') ?? 0) * 2 > sampled ? 'levels-and-wording' : 'levels';
}
