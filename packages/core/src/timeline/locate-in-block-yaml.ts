/**
 * Finds the line of a field inside one list item of a bundle's YAML by its indentation alone,
 * without parsing: every bundle file is written by yaml.v2 in block style (keys two spaces
 * deeper than their parent, a sequence's `- ` at its key's indentation), so a JSON pointer is a
 * walk down indentation levels. Anything outside that style — flow collections on the way,
 * quoted or complex keys that do not compare plainly, tabs — makes it decline, and the caller
 * re-parses the item (`Bundle.locate`), which is exact but about a hundred times slower.
 */
export type BlockLocation = { line: number } | { absent: true } | { decline: true };

/** The text of a file, line by line (1-based), computed once per file. */
export class TextLines {
  readonly #text: string;
  readonly #starts: number[] = [0];

  constructor(text: string) {
    this.#text = text;
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.#starts.push(index + 1);
  }

  get count(): number {
    return this.#starts.length;
  }

  line(number: number): string | undefined {
    if (number < 1 || number > this.#starts.length) return undefined;
    const start = this.#starts[number - 1]!;
    const end = number < this.#starts.length ? this.#starts[number]! - 1 : this.#text.length;
    const line = this.#text.slice(start, end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

const DECLINE: BlockLocation = { decline: true };
const ABSENT: BlockLocation = { absent: true };

/**
 * The 1-based line of `segments` (a parsed JSON pointer) inside the list item whose `- ` is on
 * `itemLine`: the key's line for a map key, the `- ` line for a sequence element.
 */
export function locateInBlockYaml(lines: TextLines, itemLine: number, segments: readonly string[]): BlockLocation {
  const first = lines.line(itemLine);
  if (first === undefined) return DECLINE;
  const itemIndent = indentOf(first);
  if (itemIndent < 0 || !first.startsWith('- ', itemIndent)) return DECLINE;
  if (segments.length === 0) return { line: itemLine };
  // The item's map: its first key follows the `- `, the others are two spaces deeper than the dash.
  let mapStart = itemLine;
  let mapIndent = itemIndent + 2;
  let inlineFirst = true;
  for (let index = 0; index < segments.length; index += 1) {
    const keyLine = findKey(lines, mapStart, mapIndent, segments[index]!, inlineFirst);
    if (typeof keyLine !== 'number') return keyLine;
    if (index === segments.length - 1) return { line: keyLine };
    const value = valueAfterKey(lines.line(keyLine)!, mapIndent);
    if (value !== '') return value.startsWith('{') || value.startsWith('[') || value.startsWith('&') || value.startsWith('*') ? DECLINE : ABSENT;
    const child = nextContentLine(lines, keyLine + 1);
    if (!child) return ABSENT;
    const childIndent = indentOf(child.text);
    if (childIndent < 0) return DECLINE;
    const next = segments[index + 1]!;
    if (child.text.startsWith('- ', childIndent) || child.text.trimEnd() === '-') {
      // A sequence: its dashes at the key's indentation (yaml.v2) or deeper.
      if (childIndent < mapIndent) return ABSENT;
      if (!/^(0|[1-9]\d*)$/.test(next)) return ABSENT;
      const element = findElement(lines, child.line, childIndent, Number(next));
      if (typeof element !== 'number') return element;
      if (index + 1 === segments.length - 1) return { line: element };
      const elementText = lines.line(element)!;
      if (elementText.trimEnd().endsWith('-') || elementText.startsWith('- - ', childIndent)) return DECLINE;
      mapStart = element;
      mapIndent = childIndent + 2;
      inlineFirst = true;
      index += 1;
    } else {
      if (childIndent <= mapIndent) return ABSENT;
      mapStart = child.line;
      mapIndent = childIndent;
      inlineFirst = false;
    }
  }
  return DECLINE;
}

/** The line of `key` in the map whose keys sit at `indent`, from `start`; with `inlineFirst`, the first key follows a `- ` on `start`. */
function findKey(lines: TextLines, start: number, indent: number, key: string, inlineFirst: boolean): number | BlockLocation {
  for (let number = start; number <= lines.count; number += 1) {
    const text = lines.line(number)!;
    if (text.trim() === '') continue;
    const lineIndent = indentOf(text);
    if (lineIndent < 0) return DECLINE;
    let content: string;
    if (number === start && inlineFirst) {
      content = text.slice(indent);
    } else {
      if (lineIndent < indent) return ABSENT;
      if (lineIndent > indent) continue;
      content = text.slice(indent);
      // A dash at the map's own indentation is a sequence value of a key above (yaml.v2 does not
      // indent sequences under their key); the parent sequence's next element is shallower.
      if (content.startsWith('- ') || content === '-') continue;
    }
    if (content.startsWith('#')) continue;
    if (content.startsWith('? ') || content.startsWith('"') || content.startsWith("'")) return keyMatchesQuoted(content, key);
    if (content.startsWith(`${key}:`) && (content.length === key.length + 1 || content[key.length + 1] === ' ')) return number;
  }
  return ABSENT;
}

/** Quoted keys are rare (yaml.v2 quotes only keys that need it): decline rather than parse them. */
function keyMatchesQuoted(_content: string, _key: string): BlockLocation {
  return DECLINE;
}

/** The `index`-th element of the sequence whose dashes sit at `indent`, from its first dash on `start`. */
function findElement(lines: TextLines, start: number, indent: number, index: number): number | BlockLocation {
  let seen = -1;
  for (let number = start; number <= lines.count; number += 1) {
    const text = lines.line(number)!;
    if (text.trim() === '') continue;
    const lineIndent = indentOf(text);
    if (lineIndent < 0) return DECLINE;
    if (lineIndent < indent) return ABSENT;
    if (lineIndent > indent) continue;
    if (!(text.startsWith('- ', indent) || text.trimEnd().length === indent + 1)) return ABSENT;
    seen += 1;
    if (seen === index) return number;
  }
  return ABSENT;
}

function valueAfterKey(text: string, indent: number): string {
  const colon = text.indexOf(':', indent);
  return colon < 0 ? '' : text.slice(colon + 1).trim();
}

function nextContentLine(lines: TextLines, from: number): { line: number; text: string } | undefined {
  for (let number = from; number <= lines.count; number += 1) {
    const text = lines.line(number)!;
    if (text.trim() !== '' && !text.trimStart().startsWith('#')) return { line: number, text };
  }
  return undefined;
}

/** Leading spaces; -1 when a tab comes first (not yaml.v2's output). */
function indentOf(text: string): number {
  let index = 0;
  while (index < text.length && text.charCodeAt(index) === 0x20) index += 1;
  return text.charCodeAt(index) === 0x09 ? -1 : index;
}
