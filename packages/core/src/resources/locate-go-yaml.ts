/**
 * The line of a JSON pointer inside one list item written in yaml.v2's block style, found by
 * reading lines and indents instead of building a YAML document. `locate` is asked for every
 * field a finding cites, and the `yaml` package needs its whole document model for that (tens of
 * milliseconds for one 20 kB item, most of a small analysis); this walks only the lines on the
 * way to the field.
 *
 * It must give exactly what locate-pointer.ts's `yaml` walk gives, so it declines (`null`) as
 * soon as the text leaves what yaml.v2 writes and what this reader understands: tabs, CR, a BOM,
 * comments, anchors, aliases, tags, `? ` keys, flow collections with content, a `-` with nothing
 * after it, a quoted scalar that continues on the next line where a key could be (its lines
 * could look like keys), a key quoted with escapes, a plain key that YAML could read as something
 * other than its text (a number, `null`, `true`…) and that is not the segment as written, lines
 * less indented than the item. The caller then asks the `yaml` package.
 */

import { ESCAPES } from './decode-go-yaml.js';

/** The 1-based line in `item` (which starts with `- ` at column 0), undefined when the pointer is not there, null: ask `yaml`. */
export function locateInGoYamlItem(item: string, segments: readonly string[]): number | undefined | null {
  if (!item.startsWith('- ') || UNSUPPORTED.test(item)) return null;
  const lines = new Lines(item);
  if (lines.count > 1 && lines.minIndentAfterFirst() < 2) return null;
  try {
    return walk(lines, contentAt(lines, 0, 2, lines.count), segments);
  } catch (error) {
    if (error === DECLINED) return null;
    throw error;
  }
}

/** Characters that change where lines break or start (CR, BOM); tabs are refused where they would count (indents, keys). */
const UNSUPPORTED = /[\r\ufeff]/;

const DECLINED = { declined: true };

function decline(): never {
  throw DECLINED;
}

/** A node of the item: where it starts (line, column) and what it is. */
type Content =
  | { kind: 'map'; line: number; column: number; end: number }
  | { kind: 'seq'; line: number; column: number; inline: boolean; end: number }
  | { kind: 'scalar'; line: number };

function walk(lines: Lines, root: Content, segments: readonly string[]): number | undefined {
  let node: Content | undefined = root;
  let line = root.line;
  for (const segment of segments) {
    if (node === undefined || node.kind === 'scalar') return undefined;
    if (node.kind === 'map') {
      const pair = findKey(lines, node, segment);
      if (pair === undefined) return undefined;
      line = pair.line;
      node = pair.value;
    } else {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      const element = nthElement(lines, node, Number(segment));
      if (element === undefined) return undefined;
      line = element.line;
      node = element;
    }
  }
  return line + 1;
}

/**
 * What starts at (line, column): a compact sequence (`- - a`), a mapping (`key: …`), or a scalar.
 * `end` is the first line after the node's region (its more-indented lines).
 */
function contentAt(lines: Lines, line: number, column: number, end: number): Content {
  const text = lines.text(line);
  if (column >= text.length) decline(); // `-` with nothing after it: content on the next line
  const first = text.charCodeAt(column);
  if (first === SPACE) decline(); // more than one space after `-`
  if (first === DASH && (column + 1 === text.length || text.charCodeAt(column + 1) === SPACE)) {
    if (column + 1 === text.length) decline();
    return { kind: 'seq', line, column, inline: true, end };
  }
  if (readKey(text, column) !== undefined) return { kind: 'map', line, column, end };
  // A scalar element: its lines after the first are deeper than its `-` (two to the left).
  checkScalar(lines, line, column, column - 2);
  return { kind: 'scalar', line };
}

/** The last pair of the mapping whose key names `segment` (decoding keeps the last of duplicate keys). */
function findKey(lines: Lines, map: Extract<Content, { kind: 'map' }>, segment: string): { line: number; value: Content | undefined } | undefined {
  let found: { line: number; valueColumn: number } | undefined;
  const consider = (line: number, column: number) => {
    const key = readKey(lines.text(line), column) ?? decline();
    if (key.valueColumn < lines.text(line).length) checkScalar(lines, line, key.valueColumn, column);
    if (key.text === segment) found = { line, valueColumn: key.valueColumn };
    else if (key.plain && MAY_NOT_BE_TEXT.test(key.text) && MAY_BE_A_VALUE_NAME.test(segment)) decline();
  };
  consider(map.line, map.column);
  for (let line = map.line + 1; line < map.end; line += 1) {
    const indent = lines.indent(line);
    if (indent < 0 || indent > map.column) continue;
    if (indent < map.column) decline(); // the region ends before its lines do: not the shape expected
    if (lines.startsWithDash(line, indent)) continue; // an item of a sequence written at its key's indent
    consider(line, indent);
  }
  if (found === undefined) return undefined;
  return { line: found.line, value: valueOf(lines, found.line, found.valueColumn, map) };
}

/** The value of the key on `line`: inline (a scalar), or the lines below it (a mapping or a sequence), or none. */
function valueOf(lines: Lines, line: number, valueColumn: number, map: Extract<Content, { kind: 'map' }>): Content | undefined {
  const text = lines.text(line);
  if (valueColumn < text.length) return { kind: 'scalar', line };
  let next = line + 1;
  while (next < map.end && lines.indent(next) < 0) next += 1;
  if (next >= map.end) return undefined;
  const indent = lines.indent(next);
  if (indent < map.column) return undefined;
  const dash = lines.startsWithDash(next, indent);
  if (indent === map.column) return dash ? { kind: 'seq', line: next, column: indent, inline: false, end: seqEnd(lines, next, indent, map.end) } : undefined;
  if (dash) return { kind: 'seq', line: next, column: indent, inline: false, end: seqEnd(lines, next, indent, map.end) };
  return { kind: 'map', line: next, column: indent, end: regionEnd(lines, next, indent, map.end) };
}

/** The element at `index`: the line of its `-`, and what follows the `- `. */
function nthElement(lines: Lines, seq: Extract<Content, { kind: 'seq' }>, index: number): Content | undefined {
  const starts: number[] = [seq.line];
  for (let line = seq.line + 1; line < seq.end; line += 1) {
    const indent = lines.indent(line);
    if (indent < 0 || indent > seq.column) continue;
    if (indent < seq.column || !lines.startsWithDash(line, indent)) decline();
    starts.push(line);
    if (starts.length > index + 1) break;
  }
  const line = starts[index];
  if (line === undefined) return undefined;
  const end = starts[index + 1] ?? seq.end;
  return contentAt(lines, line, seq.column + 2, end);
}

/** A sequence whose items are at `indent`: up to the first line less indented, or as indented and not an item. */
function seqEnd(lines: Lines, from: number, indent: number, limit: number): number {
  for (let line = from + 1; line < limit; line += 1) {
    const current = lines.indent(line);
    if (current < 0) continue;
    if (current < indent || (current === indent && !lines.startsWithDash(line, indent))) return line;
  }
  return limit;
}

/** A mapping whose keys are at `indent`: up to the first line less indented. */
function regionEnd(lines: Lines, from: number, indent: number, limit: number): number {
  for (let line = from + 1; line < limit; line += 1) {
    const current = lines.indent(line);
    if (current >= 0 && current < indent) return line;
  }
  return limit;
}

interface Key {
  /** The key as decoding names it (quotes removed). */
  text: string;
  plain: boolean;
  /** Where the value starts (past `: `), or the line's length when the value is below. */
  valueColumn: number;
}

/** Reads `key:` at `column`; undefined when the text there is not a key. Declines on keys it cannot name for sure. */
function readKey(text: string, column: number): Key | undefined {
  const first = text.charCodeAt(column);
  if (first === DQUOTE || first === SQUOTE) {
    const close = quotedEnd(text, column);
    if (close < 0) return undefined;
    if (text.charCodeAt(close + 1) !== COLON) return undefined;
    const raw = text.slice(column + 1, close);
    if (raw.includes('\t')) decline();
    const after = close + 2;
    if (after < text.length && text.charCodeAt(after) !== SPACE) return undefined;
    const name = first === SQUOTE ? raw.replaceAll("''", "'") : raw.includes('\\') ? unescapeDoubleQuoted(raw) : raw;
    return { text: name, plain: false, valueColumn: valueStart(text, after) };
  }
  if (NOT_PLAIN_START.has(first)) {
    // `- ` is an item; `?`, `&`, `*`, `!`, `#`, flow and block indicators are outside the subset.
    if (first === DASH && text.charCodeAt(column + 1) !== SPACE) return plainKey(text, column);
    if (first === DASH) return undefined;
    decline();
  }
  return plainKey(text, column);
}

function plainKey(text: string, column: number): Key | undefined {
  let colon = text.indexOf(':', column);
  while (colon >= 0 && colon + 1 < text.length && text.charCodeAt(colon + 1) !== SPACE) colon = text.indexOf(':', colon + 1);
  if (colon < 0) return undefined;
  const key = text.slice(column, colon);
  // A comment, trailing spaces (not part of the key), or nothing at all: let `yaml` read it.
  if (key.length === 0 || key.includes(' #') || key.endsWith(' ') || key.includes('\t')) decline();
  return { text: key, plain: true, valueColumn: valueStart(text, colon + 1) };
}

function valueStart(text: string, after: number): number {
  if (after >= text.length) return text.length;
  // After `: `; a second space is not what yaml.v2 writes.
  if (text.charCodeAt(after + 1) === SPACE) decline();
  return after + 1;
}

/** A double-quoted key on one line, its escapes resolved (yaml.v2 writes `\x01`, `\"`, `\N`…). */
function unescapeDoubleQuoted(raw: string): string {
  let value = '';
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code !== BACKSLASH) {
      value += raw[index];
      continue;
    }
    const escape = raw.charCodeAt(index + 1);
    const simple = ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      index += 1;
      continue;
    }
    const digits = escape === 0x78 /* x */ ? 2 : escape === 0x75 /* u */ ? 4 : escape === 0x55 /* U */ ? 8 : 0;
    if (digits === 0) decline();
    const hex = raw.slice(index + 2, index + 2 + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) decline();
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint > 0x10ffff) decline();
    value += String.fromCodePoint(codePoint);
    index += 1 + digits;
  }
  return value;
}

/**
 * A scalar that starts at (line, column) and that this reader can step over: no anchors, tags,
 * aliases or flow content; quotes closed, on a later line if need be, as long as every line it
 * continues on is deeper than `containerIndent` (the indent of its key, or of its `-`), where no
 * key or item of the container could be.
 */
function checkScalar(lines: Lines, line: number, column: number, containerIndent: number): void {
  const text = lines.text(line);
  const first = text.charCodeAt(column);
  if (first === DQUOTE || first === SQUOTE) {
    let current = line;
    let close = quotedEnd(text, column, first);
    while (close < 0) {
      current += 1;
      if (current >= lines.count) decline();
      const indent = lines.indent(current);
      if (indent >= 0 && indent <= containerIndent) decline();
      close = quotedEnd(lines.text(current), -1, first);
    }
    // Nothing after the closing quote but the end of its line.
    if (close !== lines.text(current).length - 1) decline();
    return;
  }
  if (first === LBRACKET || first === LBRACE) {
    if (text.slice(column) !== '[]' && text.slice(column) !== '{}') decline();
    return;
  }
  if (first === DASH) {
    // `-5`, `-foo` are plain scalars; `- ` here would be an item on a key's line.
    if (column + 1 === text.length || text.charCodeAt(column + 1) === SPACE) decline();
    return;
  }
  if (first === PIPE || first === GT) return; // a block scalar: its lines are more indented
  if (NOT_PLAIN_START.has(first)) decline();
}

/**
 * Index of the closing quote of a quoted scalar that opens at `column` (-1: it continues from the
 * line before), or -1 when it does not close on this line. A `\` at the end of a double-quoted
 * line escapes the line break, so the next line starts unescaped either way.
 */
function quotedEnd(text: string, column: number, quote = text.charCodeAt(column)): number {
  for (let index = column + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (quote === DQUOTE && code === BACKSLASH) {
      index += 1;
      continue;
    }
    if (code === quote) {
      if (quote === SQUOTE && text.charCodeAt(index + 1) === SQUOTE) {
        index += 1;
        continue;
      }
      return index;
    }
  }
  return -1;
}

/**
 * Plain keys YAML 1.2 may resolve to something other than their text (numbers, null, booleans,
 * `.inf`): such a key may name a segment it does not spell (`1e3` is 1000), so `yaml` decides.
 */
const MAY_NOT_BE_TEXT = /^(?:[-+.~0-9]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;

/** Segments that such a key could name once resolved: `String()` of a number, null or a boolean. */
const MAY_BE_A_VALUE_NAME = /^(?:-?[0-9]|-?Infinity$|NaN$|null$|true$|false$)/;

const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;
const COLON = 0x3a;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const LBRACE = 0x7b;
const PIPE = 0x7c;
const GT = 0x3e;

/** Characters that cannot start a plain scalar (or key) in the subset. */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>%@`\'"'].map((char) => char.charCodeAt(0)));

/** The item's lines, split once; indents measured on demand. */
class Lines {
  readonly #source: string;
  readonly #starts: number[] = [0];
  readonly #indents: Int32Array;

  constructor(source: string) {
    this.#source = source;
    for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) this.#starts.push(index + 1);
    // A final newline ends the last line; it does not start another.
    if (this.#starts.at(-1) === source.length && this.#starts.length > 1) this.#starts.pop();
    this.#indents = new Int32Array(this.#starts.length).fill(-2);
  }

  get count(): number {
    return this.#starts.length;
  }

  text(line: number): string {
    const start = this.#starts[line]!;
    const next = this.#starts[line + 1];
    return this.#source.slice(start, next === undefined ? (this.#source.endsWith('\n') ? this.#source.length - 1 : this.#source.length) : next - 1);
  }

  /** Spaces before the first character, or -1 for a blank line. */
  indent(line: number): number {
    let indent = this.#indents[line]!;
    if (indent !== -2) return indent;
    const start = this.#starts[line]!;
    const next = this.#starts[line + 1];
    const end = next === undefined ? this.#source.length : next - 1;
    let index = start;
    while (index < end && this.#source.charCodeAt(index) === SPACE) index += 1;
    if (this.#source.charCodeAt(index) === TAB) decline(); // a tab in an indent (or a blank line of tabs)
    indent = index >= end || this.#source.charCodeAt(index) === 0x0a ? -1 : index - start;
    this.#indents[line] = indent;
    return indent;
  }

  startsWithDash(line: number, indent: number): boolean {
    const at = this.#starts[line]! + indent;
    if (this.#source.charCodeAt(at) !== DASH) return false;
    const after = this.#source.charCodeAt(at + 1);
    if (after === SPACE) return true;
    // `-` alone on its line: an item whose content is below; outside the subset.
    if (after === 0x0a || at + 1 >= this.#source.length) decline();
    return false;
  }

  minIndentAfterFirst(): number {
    let min = Infinity;
    for (let line = 1; line < this.count; line += 1) {
      const indent = this.indent(line);
      if (indent >= 0 && indent < min) min = indent;
    }
    return min;
  }
}
