import type { Node } from 'yaml';
import { locateInGoYamlItem } from './locate-go-yaml.js';
import { importYaml, type YamlModule } from './yaml-module.js';

/**
 * Finds the 1-based line of a JSON pointer inside one object of a bundle file.
 *
 * Decoding skipped positions for speed. An item written as yaml.v2 writes it is read line by line
 * (locate-go-yaml.ts); anything else, or a file of an unusual shape (whole-file items), is
 * re-parsed with the `yaml` package, which keeps positions — only the one item's text when it can.
 * For a map key the line is the key's line (where `readyClusters:` is written); for an array
 * element, the line of its `-`. Returns undefined when the pointer is not in the text.
 */
export async function locatePointer(
  text: string,
  item: { index: number; line: number; start?: number; end?: number },
  pointer: string,
): Promise<number | undefined> {
  const segments = parsePointer(pointer);
  if (segments === undefined) return undefined;
  if (item.start !== undefined && item.end !== undefined) {
    const line = locateInGoYamlItem(text.slice(item.start, item.end), segments);
    if (line !== null) return line === undefined ? undefined : item.line + line - 1;
  }
  // Loaded on first need: most bundles never get here, and `yaml` is a large module to load.
  return locatePointerWithYaml(text, item, segments, await importYaml());
}

/** The `yaml` package's answer (what the line-by-line reader must agree with): the item, or the whole file, parsed with positions. */
export function locatePointerWithYaml(
  text: string,
  item: { index: number; line: number; start?: number; end?: number },
  segments: readonly string[],
  yaml: YamlModule,
): number | undefined {
  return yamlLineFinder(text, item, yaml)(segments);
}

/** Parses the item (or the whole file) once; the function it returns gives the line of any pointer in it. */
export function yamlLineFinder(
  text: string,
  item: { index: number; line: number; start?: number; end?: number },
  yaml: YamlModule,
): (segments: readonly string[]) => number | undefined {
  const { isMap, isSeq, LineCounter, parseAllDocuments, parseDocument } = yaml;
  if (item.start !== undefined && item.end !== undefined) {
    const chunk = text.slice(item.start, item.end);
    const counter = new LineCounter();
    const document = parseDocument(chunk, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
    const root = isSeq(document.contents) ? (document.contents.items[0] as Node | undefined) : undefined;
    return (segments) => {
      const offset = findOffset(root, segments, yaml);
      return offset === undefined ? undefined : item.line + counter.linePos(offset).line - 1;
    };
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
  return (segments) => {
    const offset = findOffset(root, segments, yaml);
    return offset === undefined ? undefined : counter.linePos(offset).line;
  };
}

function findOffset(root: Node | undefined, segments: readonly string[], yaml: YamlModule): number | undefined {
  const { isMap, isPair, isSeq } = yaml;
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const segment of segments) {
    if (isMap(node)) {
      // The last of duplicate keys, as decoding keeps the last value.
      const pair = node.items.findLast((candidate) => isPair(candidate) && keyNames(candidate.key, segment, yaml));
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
function keyNames(key: unknown, segment: string, yaml: YamlModule): boolean {
  if (!yaml.isScalar(key)) return false;
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
