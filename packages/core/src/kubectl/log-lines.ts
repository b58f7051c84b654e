import type { LinePattern, LogFile } from '../logs/log-file.js';

/** Where a log comes from: a container (current or previous run) or a node file. */
export type LogSource =
  | { kind: 'pod'; file: LogFile; namespace: string; pod: string; container: string; previous: boolean }
  | { kind: 'node'; file: LogFile; node: string; nodeFile: string };

/** A log line with its evidence address: bundle path and 1-based line. */
export interface BundleLogLine {
  path: string;
  line: number;
  /** The line after its timestamp prefix. */
  text: string;
  /** The line as it is in the bundle. */
  raw: string;
  /** Epoch ms, when the line has a timestamp. */
  time?: number;
  truncated?: boolean;
  source: LogSource;
}

export interface LogReadOptions {
  /** Lines at or after this time (epoch ms); lines without a timestamp are kept. */
  since?: number;
  /**
   * Lines whose text (after the timestamp) matches. Give a linear-time matcher for patterns
   * that come from users (the CLI passes RE2 via the rules package's `SafePattern`).
   */
  grep?: LinePattern;
  /** Literals every wanted line contains: lines without one are skipped undecoded. */
  prefilter?: string | readonly string[];
  /** The last N lines of each source, after the other filters (kubectl's --tail). */
  tail?: number;
  signal?: AbortSignal;
}

/** The lines of each source in turn, filtered; streamed, never a whole log in memory (but the tail). */
export async function* readLogLines(sources: readonly LogSource[], options: LogReadOptions = {}): AsyncGenerator<BundleLogLine> {
  for (const source of sources) {
    // The last `tail` lines, in a ring: a huge log costs one pass and `tail` lines of memory.
    const kept: BundleLogLine[] = [];
    let oldest = 0;
    const lines = source.file.lines({
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.prefilter === undefined ? {} : { prefilter: options.prefilter }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for await (const line of lines) {
      if (options.grep) {
        if (options.grep.global || options.grep.sticky) options.grep.lastIndex = 0;
        if (!options.grep.exec(line.text)) continue;
      }
      const entry: BundleLogLine = { path: source.file.path, line: line.line, text: line.text, raw: line.raw, source };
      if (line.time !== undefined) entry.time = line.time;
      if (line.truncated) entry.truncated = true;
      if (options.tail === undefined) {
        yield entry;
      } else if (options.tail > 0) {
        if (kept.length < options.tail) kept.push(entry);
        else {
          kept[oldest] = entry;
          oldest = (oldest + 1) % options.tail;
        }
      }
    }
    yield* kept.slice(oldest);
    yield* kept.slice(0, oldest);
  }
}
