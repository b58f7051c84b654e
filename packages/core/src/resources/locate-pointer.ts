import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Node } from 'yaml';

/**
 * Finds the 1-based line of a JSON pointer inside one object of a bundle file.
 *
 * Decoding skipped positions for speed; here the `yaml` package, which keeps them, re-parses
 * only the one item's text (or, for files of an unusual shape, the whole file). For a map key
 * the line is the key's line (where `readyClusters:` is written); for an array element, the line
 * of its `-`. Returns undefined when the pointer is not in the text.
 */
export function locatePointer(
  text: string,
  item: { index: number; line: number; start?: number; end?: number },
  pointer: string,
): number | undefined {
  const segments = parsePointer(pointer);
  if (segments === undefined) return undefined;

  if (item.start !== undefined && item.end !== undefined) {
    const chunk = text.slice(item.start, item.end);
    const counter = new LineCounter();
    const document = parseDocument(chunk, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
    const root = isSeq(document.contents) ? (document.contents.items[0] as Node | undefined) : undefined;
    const offset = findOffset(root, segments);
    return offset === undefined ? undefined : item.line + counter.linePos(offset).line - 1;
  }

  const counter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [documents];
  let root: Node | undefined;
  const single = list.length === 1 ? list[0]?.contents : undefined;
  if (single && isMap(single) && single.has('items')) {
    const items = single.get('items', true);
    root = isSeq(items) ? (items.items[item.index] as Node | undefined) : undefined;
  } else {
    root = (list[item.index]?.contents as Node | null | undefined) ?? undefined;
  }
  const offset = findOffset(root, segments);
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

function findOffset(root: Node | undefined, segments: string[]): number | undefined {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const segment of segments) {
    if (isMap(node)) {
      // The last of duplicate keys, as decoding keeps the last value.
      const pair = node.items.findLast((candidate) => isPair(candidate) && keyNames(candidate.key, segment));
      if (!pair) return undefined;
      offset = rangeStart(pair.key as Node) ?? rangeStart(pair.value as Node);
      node = pair.value;
    } else if (isSeq(node)) {
      const index = /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
      const element = node.items[index] as Node | undefined;
      if (!element) return undefined;
      // A block item's content starts on its `-` line, so its start is the item's line.
      offset = rangeStart(element);
      node = element;
    } else {
      return undefined;
    }
  }
  return offset;
}

/**
 * Whether a map key is named `segment`: as YAML resolves it, or as it is written. yaml.v2 writes
 * `2E5` or `1e3` plain (to Go they are strings, not numbers), which YAML 1.2 reads as a number
 * (`200000`): the cluster's name for the key is the text, the decoder's is the number.
 */
function keyNames(key: unknown, segment: string): boolean {
  if (!isScalar(key)) return false;
  return String(key.value) === segment || key.source === segment;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** RFC 6901: `/a/b~1c/0` → ['a', 'b/c', '0']. `''` is the whole object. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
