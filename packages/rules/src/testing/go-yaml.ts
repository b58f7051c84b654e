/**
 * A YAML emitter that writes byte for byte what `gopkg.in/yaml.v2` v2.2.8 writes for a
 * `map[string]interface{}` decoded from JSON, which is how support-bundle-kit writes every
 * `yamls/**.yaml` file (bundle-format.md §2.1).
 *
 * Why not a YAML library: fixtures have to look like real bundles down to the byte, because the
 * analyzer reports evidence by line number and must cope with yaml.v2's quirks — keys sorted
 * with Go's "natural" order, sequences not indented under their key, numbers printed through
 * float64 (`2e+09`), YAML 1.1 look-alikes quoted (`"True"`, `"0755"`, `"12:30"`), plain and
 * quoted scalars folded past column 80, `|-` literals. This file is a port of the parts of
 * yaml.v2's encoder (encode.go, resolve.go, sorter.go) and libyaml emitter (emitterc.go) that a
 * JSON-shaped value can reach: block mappings and sequences, empty `{}`/`[]`, and the four
 * scalar styles. Anchors, tags, flow collections with content and non-string keys cannot occur.
 */

/** A JSON-shaped value, as the kit holds it after `json.Unmarshal` into `interface{}`. */
export type GoYamlValue = null | boolean | number | string | GoYamlValue[] | { [key: string]: GoYamlValue };

/** Serialises `value` exactly as yaml.v2 v2.2.8 `yaml.Marshal` does for the same JSON value. */
export function toGoYaml(value: unknown): string {
  const emitter = new Emitter();
  emitter.emitNode(value, { root: true, sequence: false, mapping: false, simpleKey: false });
  emitter.endDocument();
  return emitter.output();
}

/** yaml.v2 `keyList.Less` for string keys: letters after non-letters, digit runs compared as numbers. */
export function compareGoYamlKeys(a: string, b: string): number {
  if (a === b) return 0;
  return goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0;
}

/** Go's `strconv.FormatFloat(f, 'g', -1, 64)`: shortest digits, exponent form when exp < -4 or exp ≥ 6 (`2e+09`). */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // toExponential() without an argument gives the shortest round-trip digits, like Go's -1 precision.
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  // In this range JavaScript never uses exponent notation, and its digits are the shortest too.
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Key order (sorter.go)

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /\p{Nd}/u.test(ch);

function goKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}

// ---------------------------------------------------------------------------------------------
// Would a plain scalar be read back as something other than a string? (resolve.go + encode.go)

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

// yaml.v2 v2.2.8 still requires a sign in the exponent ("1e5" stays a string).
const YAML_STYLE_FLOAT = /^[-+]?[0-9]*\.?[0-9]+([eE][-+][0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function resolveHint(first: string): 'S' | 'D' | 'M' | '.' | undefined {
  if (first === '+' || first === '-') return 'S';
  if (first >= '0' && first <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(first)) return 'M';
  if (first === '.') return '.';
  return undefined;
}

/** True when yaml.v2 would resolve the plain scalar `s` to a non-string, so it must be quoted. */
function resolvesToNonString(s: string): boolean {
  const hint = s === '' ? 'M' : resolveHint(s[0]!);
  if (hint === undefined) return false;
  if (RESOLVE_MAP.has(s)) return true;
  switch (hint) {
    case 'M':
      return false;
    case '.':
      return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
    default: {
      if (isGoTimestamp(s)) return true;
      const plain = s.replaceAll('_', '');
      if (parsesAsGoInt(plain)) return true;
      if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
      return false;
    }
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, 64) || strconv.ParseUint(s, 0, 64) succeeds (Go ≥ 1.13 prefixes). */
function parsesAsGoInt(s: string): boolean {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!match) return false;
  const [, sign, body = ''] = match;
  let magnitude: bigint;
  if (/^0[oO]/.test(body)) magnitude = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) magnitude = BigInt(`0o${body.slice(1)}`);
  else magnitude = BigInt(body);
  if (sign === '-') return -magnitude >= INT64_MIN;
  if (sign === '+') return magnitude <= INT64_MAX; // ParseUint refuses a sign
  return magnitude <= UINT64_MAX;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** resolve.go parseTimestamp: the four time.Parse layouts yaml.v2 accepts. */
function isGoTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const layouts = [
    /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
    /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?$/,
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  ];
  for (const layout of layouts) {
    const match = layout.exec(s);
    if (!match) continue;
    const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
    if (month! < 1 || month! > 12 || day! < 1) continue;
    const leap = year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0);
    const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month! - 1]!;
    if (day! > monthDays || hour > 23 || minute > 59 || second > 59) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Scalar analysis (emitterc.go yaml_emitter_analyze_scalar)

interface ScalarAnalysis {
  chars: string[];
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (ch: string | undefined): boolean =>
  ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/** libyaml is_printable, on code points instead of UTF-8 bytes. */
function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function analyzeScalar(value: string): ScalarAnalysis {
  const chars = Array.from(value);
  if (chars.length === 0) {
    return { chars, multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  // Flow indicators only matter inside flow collections, which never hold content here.
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) blockIndicators = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      blockIndicators = true;
    }

    if (!isPrintable(ch)) specialCharacters = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch) || ch === '\0';
  }

  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { chars, multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

// ---------------------------------------------------------------------------------------------
// The emitter (emitterc.go), reduced to the states a JSON value can reach.

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

interface NodeContext {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

class Emitter {
  private readonly chunks: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  output(): string {
    return this.chunks.join('');
  }

  endDocument(): void {
    this.writeIndent();
  }

  emitNode(value: unknown, context: NodeContext): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emitEmptyFlow('[', ']');
      else this.emitBlockSequence(value, context);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      if (entries.length === 0) this.emitEmptyFlow('{', '}');
      else this.emitBlockMapping(entries);
    } else {
      this.emitScalarValue(value, context);
    }
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: unknown[], context: NodeContext): void {
    // yaml.v2 does not indent a sequence that is the value of a mapping key.
    this.increaseIndent(false, context.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private emitBlockMapping(entries: [string, unknown][]): void {
    this.increaseIndent(false, false);
    entries.sort(([a], [b]) => compareGoYamlKeys(a, b));
    for (const [key, value] of entries) {
      this.writeIndent();
      const analysis = analyzeScalar(key);
      if (!analysis.multiline && Buffer.byteLength(key) <= 128) {
        this.emitScalar(key, analysis, stringStyle(key), { root: false, sequence: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitScalar(key, analysis, stringStyle(key), { root: false, sequence: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private emitScalarValue(value: unknown, context: NodeContext): void {
    let text: string;
    let style: ScalarStyle = 'plain';
    if (value === null || value === undefined) text = 'null';
    else if (typeof value === 'boolean') text = value ? 'true' : 'false';
    else if (typeof value === 'number') text = formatGoFloat(value); // JSON numbers are float64 in the kit
    else if (typeof value === 'bigint') text = value.toString();
    else {
      text = String(value);
      style = stringStyle(text);
    }
    this.emitScalar(text, analyzeScalar(text), style, context);
  }

  private emitScalar(text: string, analysis: ScalarAnalysis, requested: ScalarStyle, context: NodeContext): void {
    const style = selectScalarStyle(analysis, requested, context.simpleKey);
    this.increaseIndent(true, false);
    const allowBreaks = !context.simpleKey;
    switch (style) {
      case 'plain':
        this.writePlain(analysis.chars, allowBreaks);
        break;
      case 'single':
        this.writeSingleQuoted(analysis.chars, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuoted(analysis.chars, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(analysis.chars);
        break;
    }
    this.popIndent();
  }

  // --- low-level writers --------------------------------------------------------------------

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private put(text: string): void {
    this.chunks.push(text);
    this.column += 1;
  }

  private putBreak(): void {
    this.chunks.push('\n');
    this.column = 0;
    this.indention = true;
  }

  /** write_break: `\n` is normalised, other break characters are copied. */
  private writeBreak(ch: string): void {
    if (ch === '\n') {
      this.putBreak();
    } else {
      this.chunks.push(ch);
      this.column = 0;
      this.indention = true;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        const foldable = i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ';
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && foldable) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (!isPrintable(ch) || ch === '\ufeff' || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put('\\');
        for (const escaped of doubleQuotedEscape(ch)) this.put(escaped);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: string[]): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: an explicit indent when the text starts with a space or a break,
    // and the chomping indicator ('-' strip, none for one trailing break, '+' keep).
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    let chomp = '';
    if (chars.length === 0 || !isBreak(chars[last])) chomp = '-';
    else if (last === 0 || isBreak(chars[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** encode.go stringv: literal for multi-line text, plain unless it would read back as another type. */
function stringStyle(text: string): ScalarStyle {
  if (text.includes('\n')) return 'literal';
  const canUsePlain = !resolvesToNonString(text) && !isBase60Float(text);
  return canUsePlain ? 'plain' : 'double';
}

function isBase60Float(text: string): boolean {
  const first = text[0];
  if (first === undefined || !(first === '+' || first === '-' || (first >= '0' && first <= '9'))) return false;
  return text.includes(':') && BASE60_FLOAT.test(text);
}

/** yaml_emitter_select_scalar_style for block context without tags. */
function selectScalarStyle(analysis: ScalarAnalysis, requested: ScalarStyle, simpleKey: boolean): ScalarStyle {
  let style = requested;
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (analysis.chars.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** The text after the backslash for a character libyaml escapes in double quotes. */
function doubleQuotedEscape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}
