/**
 * Cuts a bundle YAML file into its list items as text, without parsing it.
 *
 * Every `yamls/**.yaml` is one `kind: List` written by gopkg.in/yaml.v2, whose sequences sit at
 * their key's indent: `items:` at column 0, then each item starts with `- ` at column 0 and
 * continues on indented lines, until the next top-level key (`kind:`). Decoding items one by one
 * lets a fast decoder do the work while we keep each item's line, and lets one broken item fail
 * alone. Anything that does not have this shape is reported as `unrecognised`, and the caller
 * parses the file whole instead.
 */
export interface ListItemSlice {
  /** Offset of the item's `-` in the text. */
  start: number;
  /** Offset just past the item's last line (its newline included). */
  end: number;
  /** 1-based line of the item's `-`. */
  line: number;
}

export type ListLayout = { shape: 'list'; items: ListItemSlice[] } | { shape: 'unrecognised' };

export function sliceListItems(text: string): ListLayout {
  const items: ListItemSlice[] = [];
  let sawItemsKey = false;
  let inItems = false;
  let lineNumber = 0;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (position < text.length) {
    lineNumber += 1;
    const newline = text.indexOf('\n', position);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const first = text.charCodeAt(position);

    if (inItems) {
      if (first === 0x2d /* - */ && isSequenceMarker(text, position)) {
        closeLast(items, position);
        items.push({ start: position, end: lineEnd, line: lineNumber });
      } else if (first === 0x20 || first === 0x0a || first === 0x0d || first === 0x23 /* # */) {
        // Continuation (indented), blank line or comment: belongs to the current item.
        if (items.length === 0 && first === 0x20) return { shape: 'unrecognised' }; // indented sequence style
      } else {
        closeLast(items, position);
        inItems = false;
      }
    }

    if (!inItems && first !== 0x20 && first !== 0x0a && first !== 0x0d && first !== 0x23) {
      const line = text.slice(position, lineEnd).trimEnd();
      if (line.startsWith('items:')) {
        if (sawItemsKey) return { shape: 'unrecognised' };
        sawItemsKey = true;
        const rest = line.slice('items:'.length).trim();
        if (rest === '') inItems = true;
        else if (rest !== '[]' && rest !== 'null' && rest !== '~') return { shape: 'unrecognised' };
      } else if (line.startsWith('-') || line.startsWith('---') || line.startsWith('{') || line.startsWith('[')) {
        // A sequence outside `items`, a document marker, or JSON: not the kit's List shape.
        return { shape: 'unrecognised' };
      }
    }
    position = lineEnd;
  }
  if (inItems) closeLast(items, text.length);
  return sawItemsKey ? { shape: 'list', items } : { shape: 'unrecognised' };
}

function isSequenceMarker(text: string, position: number): boolean {
  const next = text.charCodeAt(position + 1);
  return Number.isNaN(next) || next === 0x20 || next === 0x0a || next === 0x0d;
}

function closeLast(items: ListItemSlice[], end: number): void {
  const last = items[items.length - 1];
  if (last && last.end < end) last.end = end;
}
