/**
 * A decoder for exactly the YAML that gopkg.in/yaml.v2 writes for JSON-shaped values, which is
 * every `yamls/**.yaml` of a bundle (bundle-format.md §2.1). js-yaml is a general YAML parser
 * and most of its time goes to generality; this one reads yaml.v2's block style line by line
 * and is several times faster. It must give exactly what js-yaml gives (JSON_SCHEMA, no `json`
 * option), so whenever it meets anything outside the subset below it gives up (`undefined`) and
 * the caller decodes the same text with js-yaml, which also reports any error.
 *
 * Accepted: a run of list items (`- ` at column 0); block mappings with plain or quoted
 * single-line keys; block sequences at their key's indent or deeper, and compact ones (`- - a`,
 * `- key: v`); plain scalars (folded over indented continuation lines, resolved by js-yaml's own
 * JSON_SCHEMA resolvers); single- and double-quoted scalars (all of js-yaml's escapes, folded
 * over lines); literal and folded block scalars with chomping and indentation indicators
 * (ported from js-yaml's `readBlockScalar`); empty `{}` and `[]`.
 * Given up on: anchors, aliases, tags, comments, blank lines between entries, flow collections
 * with content, `? ` keys, empty values (`key:` with nothing under it), tabs, CR, control and
 * surrogate characters anywhere, extra spaces after `- ` or `: `, duplicate keys (js-yaml
 * throws), nesting deeper than MAX_DEPTH.
 */
import { JSON_SCHEMA } from 'js-yaml';

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

// js-yaml resolves a plain scalar with its schema's implicit types, in order (null, bool, int,
// float); using the same objects makes "what resolves to what" identical by construction.
const IMPLICIT_TYPES = (JSON_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

/** First characters with which one of those types can match: `~`, n/N, t/T, f/F, sign, dot, digit. */
const MAY_RESOLVE = new Uint8Array(128);
for (const ch of '~nNtTfF+-.0123456789') MAY_RESOLVE[ch.charCodeAt(0)] = 1;

/** Characters yaml.v2 never writes raw (it escapes them in double quotes); js-yaml may reject them. */
const UNSUPPORTED_CHARACTER = /[\x00-\x08\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\r]/g;

/** Far below js-yaml's maxDepth (1,000 in decode-resource-file), so depth errors stay js-yaml's. */
const MAX_DEPTH = 500;

const NL = 0x0a;
const SPACE = 0x20;
const DASH = 0x2d;
const COLON = 0x3a;
const HASH = 0x23;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;

/** Characters that cannot start a plain scalar (js-yaml's readPlainScalar refuses them). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const ch of '#,[]{}&*!|>\'"%@`') NOT_PLAIN_START[ch.charCodeAt(0)] = 1;

/** YAML's one-character escapes in double quotes, by the character after `\\` (also read by locate-go-yaml.ts). */
export const ESCAPES: Record<number, string> = {
  0x30: '\x00', 0x61: '\x07', 0x62: '\x08', 0x74: '\x09', 0x09: '\x09', 0x6e: '\x0a', 0x76: '\x0b',
  0x66: '\x0c', 0x72: '\x0d', 0x65: '\x1b', 0x20: ' ', 0x22: '"', 0x2f: '/', 0x5c: '\\', 0x4e: '\x85',
  0x5f: '\xa0', 0x4c: '\u2028', 0x50: '\u2029',
};

/** The value of a key left out of the decoded object (skipped managedFields). */
const SKIPPED = Symbol('skipped');

/** Thrown (never escapes this module) when the text leaves the subset. */
const DECLINED = { declined: true };

function decline(): never {
  throw DECLINED;
}

/**
 * Returns a decoder for list items of `text`: `decode(start, end)` decodes the items in
 * `[start, end)` (each starting with `- ` at column 0, as sliceListItems cuts them) and returns
 * one value per item, or undefined when js-yaml must decide. Ranges are expected in increasing
 * order, so the check for unsupported characters scans the text once.
 */
export function goYamlItemDecoder(text: string, options: GoYamlOptions = {}): (start: number, end: number) => unknown[] | undefined {
  const decodeRange = createParser(options.skipManagedFields ?? false);
  let searchedFrom = 0;
  let unsupportedAt = -1; // first unsupported character at or after searchedFrom; Infinity: none
  return (start, stop) => {
    if (start < searchedFrom || unsupportedAt < start) {
      UNSUPPORTED_CHARACTER.lastIndex = start;
      const match = UNSUPPORTED_CHARACTER.exec(text);
      searchedFrom = start;
      unsupportedAt = match ? match.index : Infinity;
    }
    if (unsupportedAt < stop) return undefined;
    return decodeRange(text, start, stop);
  };
}

export interface GoYamlOptions {
  /**
   * Leave each item's `metadata.managedFields` out, skipping its lines without decoding them:
   * field-ownership records are most of an object's text in newer bundles and no rule reads them
   * (bundle.managedFields(object) decodes them on demand).
   */
  skipManagedFields?: boolean;
}

/** Decodes a whole text of list items (see goYamlItemDecoder). */
export function decodeGoYamlItems(text: string, options: GoYamlOptions = {}): unknown[] | undefined {
  return goYamlItemDecoder(text, options)(0, text.length);
}

/**
 * The parser, as a closure: its state (position, indents, the last quoted scalar's end) belongs to
 * one decoder, so nothing is shared between bundles or calls.
 */
function createParser(skipManagedFields: boolean): (text: string, start: number, stop: number) => unknown[] | undefined {
  // Parser state: the text, the end of the range being decoded, the start of the next line not yet
  // consumed and that line's indent (-1 at the end of the range).
  let src = '';
  let end = 0;
  let pos = 0;
  let nextIndent = -1;
  let depth = 0;
  // Set by readQuoted: just past the closing quote, and whether the scalar crossed a line.
  let quotedEnd = 0;
  let quotedSpansLines = false;
  // Set while the item's own `metadata:` mapping (keys at column 4) is parsed.
  let inItemMetadata = false;

  function decodeRange(text: string, start: number, stop: number): unknown[] | undefined {
    if (stop <= start) return undefined;
    if (text.charCodeAt(stop - 1) !== NL) {
      // js-yaml appends the missing final newline; so do we, on a copy of the range.
      text = `${text.slice(start, stop)}\n`;
      stop = text.length;
      start = 0;
    }
    src = text;
    end = stop;
    depth = 0;
    inItemMetadata = false;
    try {
      if (src.charCodeAt(start) !== DASH || src.charCodeAt(start + 1) !== SPACE) return undefined;
      const values = parseSequence(0, start);
      return pos >= end ? values : undefined;
    } catch (error) {
      if (error === DECLINED) return undefined;
      throw error;
    } finally {
      src = '';
    }
  }

  /** Sets nextIndent for the line at pos; a blank line is outside the subset. */
  function peek(): void {
    if (pos >= end) {
      nextIndent = -1;
      return;
    }
    let i = pos;
    while (src.charCodeAt(i) === SPACE) i++;
    if (src.charCodeAt(i) === NL) decline();
    nextIndent = i - pos;
  }

  /** A block sequence at `indent` whose first `- ` is at `at`. */
  function parseSequence(indent: number, at: number): unknown[] {
    if (++depth > MAX_DEPTH) decline();
    const values: unknown[] = [];
    for (;;) {
      const valueAt = at + 2;
      const first = src.charCodeAt(valueAt);
      if (first === SPACE || first === NL) decline();
      values.push(parseInline(valueAt, indent + 2, indent, true));
      if (nextIndent !== indent) {
        if (nextIndent > indent) decline();
        break;
      }
      at = pos + indent;
      if (src.charCodeAt(at) !== DASH || src.charCodeAt(at + 1) !== SPACE) break; // the parent mapping's next key
    }
    depth--;
    return values;
  }

  /**
   * The node that starts at `at` (column `column`) on the current line, inside a collection at
   * `containerIndent`; `entry` when it is a sequence entry (then it may be a compact mapping or
   * sequence). Leaves pos at the next unconsumed line.
   */
  function parseInline(at: number, column: number, containerIndent: number, entry: boolean): unknown {
    const first = src.charCodeAt(at);
    const second = src.charCodeAt(at + 1);
    switch (first) {
      case DQUOTE:
      case SQUOTE: {
        const value = readQuoted(at, containerIndent);
        const after = src.charCodeAt(quotedEnd);
        if (after === NL) {
          pos = quotedEnd + 1;
          peek();
          return value;
        }
        if (entry && after === COLON && !quotedSpansLines) return parseMapping(column, at);
        return decline();
      }
      case 0x7b /* { */:
      case 0x5b /* [ */:
        if (second !== first + 2 || src.charCodeAt(at + 2) !== NL) decline();
        pos = at + 3;
        peek();
        return first === 0x7b ? {} : [];
      case 0x7c /* | */:
      case 0x3e /* > */:
        return readBlockScalar(at, containerIndent);
      default:
        break;
    }
    if (first < 128 && NOT_PLAIN_START[first]) decline();
    if ((first === DASH || first === 0x3f /* ? */ || first === COLON) && (second === SPACE || second === NL)) {
      if (entry && first === DASH && second === SPACE) return parseSequence(column, at);
      decline();
    }
    if (entry && findKeyColon(at) >= 0) return parseMapping(column, at);
    return resolvePlain(readPlain(at, containerIndent));
  }

  /** Position of the `:` that ends a plain key on this line, or -1. */
  function findKeyColon(at: number): number {
    for (let i = at; ; i++) {
      const ch = src.charCodeAt(i);
      if (ch === NL) return -1;
      if (ch === COLON) {
        const next = src.charCodeAt(i + 1);
        if (next === SPACE || next === NL) return i;
      } else if (ch === HASH && src.charCodeAt(i - 1) === SPACE) {
        decline(); // a comment
      }
    }
  }

  /** A block mapping at `indent` whose first key starts at `at` on the current line. */
  function parseMapping(indent: number, at: number): Record<string, unknown> {
    if (++depth > MAX_DEPTH) decline();
    const mapping: Record<string, unknown> = {};
    for (;;) {
      const lineStart = at - indent;
      const first = src.charCodeAt(at);
      let key: string;
      let colon: number;
      if (first === DQUOTE || first === SQUOTE) {
        key = readQuoted(at, indent);
        colon = quotedEnd;
        if (quotedSpansLines || src.charCodeAt(colon) !== COLON) decline();
      } else {
        if (first < 128 && NOT_PLAIN_START[first]) decline();
        const second = src.charCodeAt(at + 1);
        if ((first === DASH || first === 0x3f || first === COLON) && (second === SPACE || second === NL)) decline();
        colon = findKeyColon(at);
        if (colon < 0 || src.charCodeAt(colon - 1) === SPACE) decline();
        key = String(resolvePlain(src.slice(at, colon)));
      }

      let value: unknown;
      const afterColon = src.charCodeAt(colon + 1);
      if (afterColon === SPACE) {
        const valueAt = colon + 2;
        const valueFirst = src.charCodeAt(valueAt);
        if (valueFirst === SPACE || valueFirst === NL) decline();
        value = parseInline(valueAt, valueAt - lineStart, indent, false);
      } else if (afterColon === NL) {
        pos = colon + 2;
        peek();
        if (nextIndent < indent) decline(); // an empty value: js-yaml reads null, yaml.v2 writes `null`
        const childAt = pos + nextIndent;
        if (skipManagedFields && inItemMetadata && indent === 4 && key === 'managedFields') {
          skipBlock(indent);
          value = SKIPPED;
        } else if (src.charCodeAt(childAt) === DASH && src.charCodeAt(childAt + 1) === SPACE) {
          value = parseSequence(nextIndent, childAt);
        } else if (nextIndent > indent) {
          const metadata = skipManagedFields && indent === 2 && key === 'metadata';
          if (metadata) inItemMetadata = true;
          value = parseMapping(nextIndent, childAt);
          if (metadata) inItemMetadata = false;
        } else {
          decline();
        }
      } else {
        decline();
      }

      if (Object.prototype.hasOwnProperty.call(mapping, key)) decline(); // js-yaml: duplicated mapping key
      if (value === SKIPPED) {
        // left out
      } else if (key === '__proto__') Object.defineProperty(mapping, key, { configurable: true, enumerable: true, writable: true, value });
      else mapping[key] = value;

      if (nextIndent !== indent) {
        if (nextIndent > indent) decline();
        break;
      }
      at = pos + indent;
    }
    depth--;
    return mapping;
  }

  /**
   * Consumes the block value of a key at `indent` without decoding it: every following line
   * indented deeper, or at the same indent starting with `- ` (yaml.v2 writes a sequence at its
   * key's indent). A blank line inside still declines, as peek() does everywhere.
   */
  function skipBlock(indent: number): void {
    for (;;) {
      if (nextIndent < 0 || nextIndent < indent) return;
      const at = pos + nextIndent;
      if (nextIndent === indent && !(src.charCodeAt(at) === DASH && src.charCodeAt(at + 1) === SPACE)) return;
      const newline = src.indexOf('\n', at);
      pos = newline < 0 || newline >= end ? end : newline + 1;
      peek();
    }
  }

  function resolvePlain(text: string): unknown {
    const first = text.charCodeAt(0);
    if (first < 128 && MAY_RESOLVE[first]) {
      for (const type of IMPLICIT_TYPES) if (type.resolve(text)) return type.construct(text);
    }
    return text;
  }

  /** js-yaml's line folding: one break is a space, n breaks are n - 1 newlines. */
  function folded(breaks: number): string {
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  }

  /** The end of the non-space content of a plain line from `at`; sets `lineEndAt` to its newline. */
  let lineEndAt = 0;
  function scanPlainLine(at: number): number {
    let contentEnd = at;
    let i = at;
    for (; ; i++) {
      const ch = src.charCodeAt(i);
      if (ch === NL) break;
      if (ch === COLON) {
        const next = src.charCodeAt(i + 1);
        if (next === SPACE || next === NL) decline(); // a key, or a value js-yaml would stop at
      } else if (ch === HASH && src.charCodeAt(i - 1) === SPACE) {
        decline(); // a comment
      }
      if (ch !== SPACE) contentEnd = i + 1;
    }
    lineEndAt = i;
    return contentEnd;
  }

  /**
   * A plain scalar from `at`, continued on following lines indented deeper than the collection
   * that holds it (js-yaml's readPlainScalar with nodeIndent = containerIndent + 1).
   */
  function readPlain(at: number, containerIndent: number): string {
    let value = src.slice(at, scanPlainLine(at));
    let lastLineEnd = lineEndAt;
    for (;;) {
      let breaks = 1;
      let lineStart = lastLineEnd + 1;
      let indent = 0;
      for (;;) {
        if (lineStart >= end) break;
        indent = 0;
        while (src.charCodeAt(lineStart + indent) === SPACE) indent++;
        if (src.charCodeAt(lineStart + indent) !== NL) break;
        breaks++;
        lineStart += indent + 1;
      }
      if (lineStart >= end || indent <= containerIndent) break;
      const contentAt = lineStart + indent;
      // A continuation is read as plain text whatever it starts with, except a comment.
      if (src.charCodeAt(contentAt) === HASH) decline();
      value += folded(breaks) + src.slice(contentAt, scanPlainLine(contentAt));
      lastLineEnd = lineEndAt;
    }
    pos = lastLineEnd + 1;
    peek();
    return value;
  }

  /**
   * Skips from the newline at `at` over blank lines to the first content of the next non-blank
   * line, which must be indented deeper than `containerIndent`; returns that position and sets
   * `skippedBreaks`.
   */
  let skippedBreaks = 0;
  function skipLineBreaks(at: number, containerIndent: number): number {
    let breaks = 0;
    let i = at;
    let indent = 0;
    while (i < end && src.charCodeAt(i) === NL) {
      breaks++;
      i++;
      indent = 0;
      while (src.charCodeAt(i) === SPACE) {
        i++;
        indent++;
      }
    }
    if (i >= end || indent <= containerIndent) decline();
    skippedBreaks = breaks;
    return i;
  }

  /** A single- or double-quoted scalar at `at` (js-yaml's readSingleQuotedScalar / readDoubleQuotedScalar). */
  function readQuoted(at: number, containerIndent: number): string {
    const quote = src.charCodeAt(at);
    let value = '';
    let i = at + 1;
    let segmentStart = i;
    let segmentEnd = i;
    quotedSpansLines = false;
    for (;;) {
      const ch = src.charCodeAt(i);
      if (ch === quote) {
        if (quote === SQUOTE && src.charCodeAt(i + 1) === SQUOTE) {
          value += `${src.slice(segmentStart, i)}'`;
          i += 2;
          segmentStart = segmentEnd = i;
          continue;
        }
        quotedEnd = i + 1;
        return value + src.slice(segmentStart, i);
      }
      if (ch === NL) {
        value += src.slice(segmentStart, segmentEnd);
        i = skipLineBreaks(i, containerIndent);
        value += folded(skippedBreaks);
        segmentStart = segmentEnd = i;
        quotedSpansLines = true;
        continue;
      }
      if (ch === BACKSLASH && quote === DQUOTE) {
        value += src.slice(segmentStart, i);
        const code = src.charCodeAt(i + 1);
        if (code === NL) {
          // An escaped line break: the break and the next line's indentation are dropped.
          i = skipLineBreaks(i + 1, containerIndent);
          quotedSpansLines = true;
        } else if (ESCAPES[code] !== undefined) {
          value += ESCAPES[code];
          i += 2;
        } else {
          const digits = code === 0x78 /* x */ ? 2 : code === 0x75 /* u */ ? 4 : code === 0x55 /* U */ ? 8 : 0;
          if (digits === 0) decline();
          let codePoint = 0;
          for (let d = 0; d < digits; d++) {
            const digit = hexValue(src.charCodeAt(i + 2 + d));
            if (digit < 0) decline();
            codePoint = codePoint * 16 + digit;
          }
          if (codePoint > 0x10ffff) decline();
          value += codePoint <= 0xffff ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint);
          i += 2 + digits;
        }
        segmentStart = segmentEnd = i;
        continue;
      }
      i++;
      if (ch !== SPACE) segmentEnd = i;
    }
  }

  function hexValue(code: number): number {
    if (code >= 0x30 && code <= 0x39) return code - 0x30;
    const lower = code | 0x20;
    return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
  }

  const CLIP = 1;
  const STRIP = 2;
  const KEEP = 3;

  /** A `|` or `>` block scalar at `at`: js-yaml's readBlockScalar, with nodeIndent = containerIndent + 1. */
  function readBlockScalar(at: number, containerIndent: number): string {
    const folding = src.charCodeAt(at) === 0x3e;
    const nodeIndent = containerIndent + 1;
    let chomping = CLIP;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let didReadContent = false;

    let i = at + 1;
    for (;; i++) {
      const ch = src.charCodeAt(i);
      if (ch === 0x2b /* + */ || ch === DASH) {
        if (chomping !== CLIP) decline();
        chomping = ch === 0x2b ? KEEP : STRIP;
      } else if (ch >= 0x31 && ch <= 0x39) {
        if (detectedIndent) decline();
        textIndent = nodeIndent + (ch - 0x30) - 1;
        detectedIndent = true;
      } else {
        break;
      }
    }
    if (src.charCodeAt(i) !== NL) decline(); // `0`, a comment, or text after the header

    let value = '';
    for (;;) {
      // i is at a newline.
      const lineStart = i + 1;
      i = lineStart;
      let lineIndent = 0;
      let ch = i < end ? src.charCodeAt(i) : 0;
      while ((!detectedIndent || lineIndent < textIndent) && ch === SPACE) {
        lineIndent++;
        ch = src.charCodeAt(++i);
      }
      if (!detectedIndent && lineIndent > textIndent) textIndent = lineIndent;
      if (ch === NL) {
        emptyLines++;
        continue;
      }
      if (lineIndent < textIndent) {
        if (chomping === KEEP) value += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
        else if (chomping === CLIP && didReadContent) value += '\n';
        pos = lineStart;
        break;
      }
      if (folding) {
        if (ch === SPACE) {
          atMoreIndented = true;
          value += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          value += '\n'.repeat(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) value += ' ';
        } else {
          value += '\n'.repeat(emptyLines);
        }
      } else {
        value += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const lineEnd = src.indexOf('\n', i);
      value += src.slice(i, lineEnd);
      i = lineEnd;
    }
    peek();
    return value;
  }

  return decodeRange;
}
