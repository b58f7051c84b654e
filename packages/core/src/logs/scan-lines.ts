/**
 * Splits a byte stream into numbered lines, in chunks, never holding a whole log in memory.
 *
 * With a prefilter (literal strings), a chunk is searched with Buffer.indexOf for the literals
 * first, and only the lines that hold one are decoded; the rest only have their newlines
 * counted. That is what makes grepping a 20 MB kernel log cheap: most bytes are never turned
 * into strings. A few literals cost a search each over the bytes; many literals (in one
 * alternation, or two with a few short ones apart), or literals beside a prefilter pattern (joined to it), are
 * found by regular expressions over the bytes read as latin1.
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

/** What a prefilter looks for: literals, expressions, or both (a line holding any one is wanted). */
interface LineFilter {
  literals: Buffer[];
  /** Global expressions for searching chunks (their lastIndex is this scan's). */
  patterns: RegExp[];
  holds(bytes: Buffer): boolean;
}

/**
 * From this many literals on, a chunk is searched with alternations of them rather than once per
 * literal: irregexp skips ahead over an alternation of plain strings (a 20 MB kernel log searched
 * for the 15 literals of the node-health rules: 39 ms against 76 ms for 15 indexOf).
 */
const ALTERNATION_FROM = 4;

/**
 * A few literals shorter than this go in an alternation of their own. irregexp skips ahead by
 * looking at up to 8 characters, but never further than the shortest alternative is long: two
 * short literals (`EDAC`, `XFS (`) among ten of 9–31 bytes cut the kernel rules' one alternation to
 * a 4-character window that nearly every position passes. Split, the long ones keep their window
 * and the short pair skips well on its own: on L's kernel logs (`--cpu-prof`, both threads) 1.18 s
 * → 0.89 s. Where short literals are many, their own alternation is as slow as the joint one and
 * the split only adds a pass (longhorn-manager's `ebuil`, `Faulted` among five: 0.21 → 0.24 s), so
 * it is made only when they are at most a quarter of the literals.
 */
const LONG_LITERAL_BYTES = 8;
const SHORT_LITERALS_SPLIT_SHARE = 0.25;

function lineFilter(literals: Buffer[], pattern: RegExp | undefined): LineFilter | undefined {
  if (literals.length === 0 && !pattern) return undefined;
  // Chunks are searched as latin1 text (one character per byte), so an alternation is built from
  // each literal's bytes read the same way and matches exactly where its bytes are.
  const alternation = (some: Buffer[]) => some.map((literal) => escapeRegExp(literal.toString('latin1'))).join('|');
  if (!pattern && literals.length >= ALTERNATION_FROM) {
    const long = literals.filter((literal) => literal.length >= LONG_LITERAL_BYTES);
    const short = literals.filter((literal) => literal.length < LONG_LITERAL_BYTES);
    const split = short.length > 0 && long.length > 0 && short.length <= literals.length * SHORT_LITERALS_SPLIT_SHARE;
    return expressionFilter([], (split ? [long, short] : [literals]).map((group) => new RegExp(alternation(group))));
  }
  // With a pattern the chunk is searched by an expression anyway: the literals join it rather
  // than each costing a search of its own (a pattern that ignores case would widen them).
  if (pattern && literals.length > 0 && !pattern.flags.includes('i')) return expressionFilter([], [new RegExp(`${pattern.source}|${alternation(literals)}`, pattern.flags)]);
  return expressionFilter(literals, pattern ? [pattern] : []);
}

function expressionFilter(literals: Buffer[], expressions: RegExp[]): LineFilter {
  const flagsOf = (expression: RegExp) => expression.flags.replace(/[gy]/g, '');
  const tests = expressions.map((expression) => new RegExp(expression.source, flagsOf(expression)));
  return {
    literals,
    patterns: expressions.map((expression) => new RegExp(expression.source, `${flagsOf(expression)}g`)),
    holds(bytes) {
      if (literals.some((literal) => bytes.includes(literal))) return true;
      if (tests.length === 0) return false;
      const text = bytes.toString('latin1');
      return tests.some((test) => test.test(text));
    },
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
  const search: HitSearch = { nextAt: filter.literals.map(() => -2), patternAt: filter.patterns.map(() => -2), text: undefined };
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
  patternAt: number[];
  /** The chunk read as latin1, made once per chunk when an expression is searched. */
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
  const { patterns } = filter;
  for (let index = 0; index < patterns.length; index += 1) {
    let hit = search.patternAt[index]!;
    if (hit !== -1 && hit < from) {
      const text = (search.text ??= chunk.toString('latin1', 0, end));
      const pattern = patterns[index]!;
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      search.patternAt[index] = hit = match ? match.index : -1;
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
