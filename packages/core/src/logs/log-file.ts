import type { Readable } from 'node:stream';
import type { Diagnostic } from '../diagnostics.js';
import { DEFAULT_MAX_LINE_BYTES, scanLines } from './scan-lines.js';
import { splitLogLine, type SplitLine, type TimestampStyle } from './log-timestamps.js';
import { occurrenceTime } from '../patterns/occurrence-time.js';

export interface LogLine {
  /** 1-based line number in the file as it is in the bundle. */
  line: number;
  /** The whole line, terminator removed. */
  raw: string;
  /** The line after its timestamp prefix. */
  text: string;
  /** Milliseconds since the epoch, when the line has a timestamp. */
  time?: number;
  /** The line was cut to the maximum line length. */
  truncated?: boolean;
}

export interface LogMatch extends LogLine {
  /** The matched text and capture groups, as `RegExp.exec` gives them. */
  match: RegExpExecArray;
  groups: Record<string, string | undefined>;
}

/** Anything with RegExp's `exec`: a RegExp, or a linear-time matcher for untrusted patterns. */
export type LinePattern = Pick<RegExp, 'exec'> & { lastIndex?: number; global?: boolean; sticky?: boolean };

export interface LineOptions {
  /** Only lines containing one of these literals are decoded; the rest are skipped cheaply. */
  prefilter?: string | readonly string[];
  /**
   * Also (or, alone, only) lines where this expression matches, searched over the raw bytes read
   * as latin1 (write it in ASCII): one pass for many words, where each literal costs a pass.
   */
  prefilterPattern?: RegExp;
  /** Keep lines with a timestamp at or after this time (ms). Lines without one are kept. */
  since?: number;
  /** Keep lines with a timestamp at or before this time (ms). Lines without one are kept. */
  until?: number;
  signal?: AbortSignal;
}

export interface GrepOptions extends LineOptions {
  /** Stop after this many matches. */
  maxMatches?: number;
}

export interface LogFileInfo {
  path: string;
  size: number;
  kind: 'pod' | 'node';
  namespace?: string;
  pod?: string;
  container?: string;
  previous?: boolean;
  node?: string;
  /** For node files: the path inside the node folder, e.g. `logs/kernel.log`. */
  file?: string;
  timestampStyle: TimestampStyle;
}

/**
 * A log in the bundle, pod log or node file alike: read line by line in chunks, with line
 * numbers and timestamps split off, never as one string.
 */
export class LogFile implements LogFileInfo {
  readonly path: string;
  readonly size: number;
  readonly kind: 'pod' | 'node';
  readonly namespace?: string;
  readonly pod?: string;
  readonly container?: string;
  readonly previous?: boolean;
  readonly node?: string;
  readonly file?: string;
  readonly timestampStyle: TimestampStyle;
  readonly #open: () => Promise<Readable>;
  readonly #bundleCreatedAt: () => number | undefined;
  readonly #report: (diagnostic: Diagnostic) => void;

  constructor(
    info: LogFileInfo,
    open: () => Promise<Readable>,
    context: { bundleCreatedAt: () => number | undefined; report: (diagnostic: Diagnostic) => void },
  ) {
    this.path = info.path;
    this.size = info.size;
    this.kind = info.kind;
    this.timestampStyle = info.timestampStyle;
    if (info.namespace !== undefined) this.namespace = info.namespace;
    if (info.pod !== undefined) this.pod = info.pod;
    if (info.container !== undefined) this.container = info.container;
    if (info.previous !== undefined) this.previous = info.previous;
    if (info.node !== undefined) this.node = info.node;
    if (info.file !== undefined) this.file = info.file;
    this.#open = open;
    this.#bundleCreatedAt = context.bundleCreatedAt;
    this.#report = context.report;
  }

  /** Every line (or, with a prefilter, every line holding one of its literals), in order. */
  async *lines(options: LineOptions = {}): AsyncGenerator<LogLine> {
    const stream = await this.#open();
    const prefilter = options.prefilter === undefined ? undefined : typeof options.prefilter === 'string' ? [options.prefilter] : options.prefilter;
    const createdAt = this.#bundleCreatedAt();
    try {
      for await (const scanned of scanLines(abortable(stream, options.signal), {
        ...(prefilter ? { prefilter } : {}),
        ...(options.prefilterPattern ? { prefilterPattern: options.prefilterPattern } : {}),
        maxLineBytes: DEFAULT_MAX_LINE_BYTES,
        onInvalidUtf8: (line) =>
          this.#report({ path: this.path, line, level: 'warning', message: 'log holds bytes that are not UTF-8; they read as U+FFFD' }),
        onTruncatedLine: (line) =>
          this.#report({
            path: this.path,
            line,
            level: 'warning',
            message: `log line longer than ${DEFAULT_MAX_LINE_BYTES} bytes; only its beginning is read`,
          }),
      })) {
        const split = lineTime(scanned.raw, this.timestampStyle, createdAt);
        if (split.time !== undefined) {
          if (options.since !== undefined && split.time < options.since) continue;
          if (options.until !== undefined && split.time > options.until) continue;
        }
        const line: LogLine = { line: scanned.line, raw: scanned.raw, text: split.text };
        if (split.time !== undefined) line.time = split.time;
        if (scanned.truncated) line.truncated = true;
        yield line;
      }
    } finally {
      stream.destroy();
    }
  }

  /**
   * Lines whose text (after the timestamp) matches `pattern`. Give a prefilter (a literal every
   * match must contain) and lines without it are never decoded.
   */
  async *grep(pattern: LinePattern, options: GrepOptions = {}): AsyncGenerator<LogMatch> {
    let found = 0;
    for await (const line of this.lines(options)) {
      if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
      const match = pattern.exec(line.text);
      if (!match) continue;
      yield { ...line, match, groups: { ...(match.groups ?? {}) } };
      found += 1;
      if (options.maxMatches !== undefined && found >= options.maxMatches) return;
    }
  }
}

async function* abortable(stream: Readable, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    yield chunk as Buffer;
  }
}

/** The starts of lines that date themselves (klog's `I0310 09:15:17`, logrus' `time="`): only these are parsed. */
const DATED_INSIDE = /^(?:[IWEF]\d{4} \d\d:\d\d:\d\d|time=")/;

/**
 * A line's time and text. Continuation lines (a stack dump, stderr without a header) stay undated,
 * and so are kept by `since`. Logs the kit writes without a time prefix date their lines inside them
 * (kubelet.log's klog header `I0310 09:15:17.123456`, the year taken from the bundle as for the
 * journal; containerd's and the console's `time="…"`): that time counts for `since`, `until` and a
 * rule's `within`, and the text stays the whole line.
 */
function lineTime(raw: string, style: TimestampStyle, createdAt: number | undefined): SplitLine {
  const split = splitLogLine(raw, style, createdAt);
  if (split.time !== undefined || style !== 'none' || !DATED_INSIDE.test(raw)) return split;
  // The same reading of a line's own time as the pattern miner's and the timeline's.
  const time = occurrenceTime(raw, style, createdAt)?.at;
  return time === undefined ? split : { time, text: split.text };
}
