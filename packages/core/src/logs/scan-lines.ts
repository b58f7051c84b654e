/**
 * Splits a byte stream into numbered lines, in chunks, never holding a whole log in memory.
 *
 * With a prefilter (literal strings), a chunk is searched with Buffer.indexOf for the literals
 * first, and only the lines that hold one are decoded; the rest only have their newlines
 * counted. That is what makes grepping a 20 MB kernel log cheap: most bytes are never turned
 * into strings. A few literals cost a search each over the bytes; many literals, or literals
 * beside a prefilter pattern, are found in one pass of a regular expression over the bytes read
 * as latin1.
 */
import { escapeRegExp } from '../escape-reg-exp.js';
export interface ScannedLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line without its `\n` (and without a `\r` before it). */
  raw: string;
  /** The line was longer than `maxLineBytes`; `raw` holds its beginning only. */
  truncated?: boolean;
}

export interface ScanOptions {
  /** Only lines containing at least one of these literals are decoded and returned. */
  prefilter?: readonly string[];
  /**
   * Also (or, alone, only) lines where this expression matches. It is run over the bytes read as
   * latin1, one byte a character, so write it in ASCII; a match decides for the line it starts in.
   */
  prefilterPattern?: RegExp;
  /** Longest line kept; longer ones are cut (a 100 MB line without a newline must not be buffered). */
  maxLineBytes?: number;
  /** Called once per scan when bytes that are not UTF-8 were decoded as U+FFFD. */
  onInvalidUtf8?: (line: number) => void;
  /** Called once per scan when a line was cut to `maxLineBytes`. */
  onTruncatedLine?: (line: number) => void;
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

export async function* scanLines(chunks: AsyncIterable<Uint8Array>, options: ScanOptions = {}): AsyncGenerator<ScannedLine> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const literals = (options.prefilter ?? []).filter((literal) => literal.length > 0).map((literal) => Buffer.from(literal, 'utf8'));
  const filter = lineFilter(literals, options.prefilterPattern);
  const state: ScanState = {
    lineNumber: 0,
    carry: [],
    carryBytes: 0,
    overlong: false,
    reportedInvalid: false,
    reportedTruncated: false,
  };

  for await (const input of chunks) {
    let chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline < 0) {
      keepCarry(state, chunk, maxLineBytes);
      continue;
    }
    // Finish the line carried over from earlier chunks.
    const firstNewline = chunk.indexOf(NEWLINE);
    if (state.carryBytes > 0 || state.overlong) {
      keepCarry(state, chunk.subarray(0, firstNewline), maxLineBytes);
      const carried = takeCarry(state);
      state.lineNumber += 1;
      if (!filter || filter.holds(carried.bytes)) yield makeLine(state, carried.bytes, carried.truncated, options);
      chunk = chunk.subarray(firstNewline + 1);
      lastNewline -= firstNewline + 1;
    }
    if (lastNewline >= 0) {
      yield* scanComplete(state, chunk, lastNewline + 1, filter, maxLineBytes, options);
    }
    keepCarry(state, chunk.subarray(lastNewline + 1), maxLineBytes);
  }
  if (state.carryBytes > 0 || state.overlong) {
    const carried = takeCarry(state);
    state.lineNumber += 1;
    if (!filter || filter.holds(carried.bytes)) yield makeLine(state, carried.bytes, carried.truncated, options);
  }
}

/** What a prefilter looks for: literals, a pattern, or both (a line holding either is wanted). */
interface LineFilter {
  literals: Buffer[];
  /** A global copy of the pattern for searching chunks (its lastIndex is this scan's), and a plain one for testing one line. */
  pattern: RegExp | undefined;
  test: RegExp | undefined;
  holds(bytes: Buffer): boolean;
}

/**
 * From this many literals on, a chunk is searched once with one alternation of them rather than
 * once per literal: irregexp skips ahead over an alternation of plain strings (a 20 MB kernel log
 * searched for the 15 literals of the node-health rules: 39 ms against 76 ms for 15 indexOf).
 */
const ALTERNATION_FROM = 4;

function lineFilter(literals: Buffer[], pattern: RegExp | undefined): LineFilter | undefined {
  if (literals.length === 0 && !pattern) return undefined;
  // Chunks are searched as latin1 text (one character per byte), so the alternation is built from
  // each literal's bytes read the same way and matches exactly where its bytes are.
  const alternation = () => literals.map((literal) => escapeRegExp(literal.toString('latin1'))).join('|');
  if (!pattern && literals.length >= ALTERNATION_FROM) return lineFilter([], new RegExp(alternation()));
  // With a pattern the chunk is searched by an expression anyway: the literals join it rather
  // than each costing a search of its own (a pattern that ignores case would widen them).
  if (pattern && literals.length > 0 && !pattern.flags.includes('i')) return lineFilter([], new RegExp(`${pattern.source}|${alternation()}`, pattern.flags));
  const flags = pattern?.flags.replace(/[gy]/g, '') ?? '';
  const test = pattern && new RegExp(pattern.source, flags);
  return {
    literals,
    pattern: pattern && new RegExp(pattern.source, `${flags}g`),
    test,
    holds: (bytes) => literals.some((literal) => bytes.includes(literal)) || (test !== undefined && test.test(bytes.toString('latin1'))),
  };
}

interface ScanState {
  lineNumber: number;
  carry: Buffer[];
  carryBytes: number;
  /** The carried line passed maxLineBytes; its remaining bytes are being dropped. */
  overlong: boolean;
  reportedInvalid: boolean;
  reportedTruncated: boolean;
}

function* scanComplete(
  state: ScanState,
  chunk: Buffer,
  end: number,
  filter: LineFilter | undefined,
  maxLineBytes: number,
  options: ScanOptions,
): Generator<ScannedLine> {
  let position = 0;
  if (!filter) {
    while (position < end) {
      const newline = chunk.indexOf(NEWLINE, position);
      state.lineNumber += 1;
      yield lineFrom(state, chunk, position, newline, maxLineBytes, options);
      position = newline + 1;
    }
    return;
  }
  // Where each literal (and the pattern) next occurs in this chunk: searched again only once the
  // scan has passed it, so k literals cost k searches per occurrence, not k searches per matching line.
  const search: HitSearch = { nextAt: filter.literals.map(() => -2), patternAt: -2, text: undefined };
  while (position < end) {
    const hit = nextHit(chunk, filter, search, position, end);
    if (hit < 0) {
      state.lineNumber += countNewlines(chunk, position, end);
      return;
    }
    const lineStart = Math.max(position, chunk.lastIndexOf(NEWLINE, hit) + 1);
    state.lineNumber += countNewlines(chunk, position, lineStart);
    const newline = chunk.indexOf(NEWLINE, hit);
    state.lineNumber += 1;
    position = newline + 1;
    // A cut line is searched as cut, as when it arrives across chunks: the literal must be in what it keeps.
    if (newline - lineStart > maxLineBytes && !filter.holds(chunk.subarray(lineStart, lineStart + maxLineBytes))) continue;
    yield lineFrom(state, chunk, lineStart, newline, maxLineBytes, options);
  }
}

interface HitSearch {
  nextAt: number[];
  patternAt: number;
  /** The chunk read as latin1, made once per chunk when a pattern is searched. */
  text: string | undefined;
}

function lineFrom(state: ScanState, chunk: Buffer, start: number, newline: number, maxLineBytes: number, options: ScanOptions): ScannedLine {
  const truncated = newline - start > maxLineBytes;
  return makeLine(state, chunk.subarray(start, truncated ? start + maxLineBytes : newline), truncated, options);
}

function makeLine(state: ScanState, bytes: Buffer, truncated: boolean, options: ScanOptions): ScannedLine {
  let raw = bytes.toString('utf8');
  if (raw.endsWith('\r')) raw = raw.slice(0, -1);
  if (!state.reportedInvalid && raw.includes('\uFFFD') && !bytes.includes(REPLACEMENT_BYTES)) {
    state.reportedInvalid = true;
    options.onInvalidUtf8?.(state.lineNumber);
  }
  if (truncated && !state.reportedTruncated) {
    state.reportedTruncated = true;
    options.onTruncatedLine?.(state.lineNumber);
  }
  return truncated ? { line: state.lineNumber, raw, truncated } : { line: state.lineNumber, raw };
}

// A real U+FFFD written in the log is not an encoding problem.
const REPLACEMENT_BYTES = Buffer.from('\uFFFD', 'utf8');

function nextHit(chunk: Buffer, filter: LineFilter, search: HitSearch, from: number, end: number): number {
  let best = -1;
  const { literals } = filter;
  for (let index = 0; index < literals.length; index += 1) {
    let hit = search.nextAt[index]!;
    if (hit !== -1 && hit < from) search.nextAt[index] = hit = chunk.indexOf(literals[index]!, from);
    if (hit >= 0 && hit < end && (best < 0 || hit < best)) best = hit;
  }
  const pattern = filter.pattern;
  if (pattern) {
    let hit = search.patternAt;
    if (hit !== -1 && hit < from) {
      const text = (search.text ??= chunk.toString('latin1', 0, end));
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      search.patternAt = hit = match ? match.index : -1;
    }
    if (hit >= 0 && hit < end && (best < 0 || hit < best)) best = hit;
  }
  return best;
}

function countNewlines(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  let position = chunk.indexOf(NEWLINE, from);
  while (position >= 0 && position < to) {
    count += 1;
    position = chunk.indexOf(NEWLINE, position + 1);
  }
  return count;
}

function keepCarry(state: ScanState, bytes: Buffer, maxLineBytes: number): void {
  if (bytes.length === 0 || state.overlong) return;
  const room = maxLineBytes - state.carryBytes;
  if (bytes.length > room) {
    if (room > 0) state.carry.push(Buffer.from(bytes.subarray(0, room)));
    state.carryBytes += Math.max(room, 0);
    state.overlong = true;
    return;
  }
  // Copy: the chunk's memory may be reused by the stream.
  state.carry.push(Buffer.from(bytes));
  state.carryBytes += bytes.length;
}

function takeCarry(state: ScanState): { bytes: Buffer; truncated: boolean } {
  const bytes = state.carry.length === 1 ? state.carry[0]! : Buffer.concat(state.carry, state.carryBytes);
  const truncated = state.overlong;
  state.carry = [];
  state.carryBytes = 0;
  state.overlong = false;
  return { bytes, truncated };
}
