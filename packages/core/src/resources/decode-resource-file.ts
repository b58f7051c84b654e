import { load as loadYaml, loadAll as loadAllYaml, JSON_SCHEMA, YAMLException } from 'js-yaml';
import type { LoadOptions } from 'js-yaml';
// JSON_SCHEMA: yaml.v2 quotes everything ambiguous, so plain scalars are only null, booleans and
// numbers (`2e+09` included); no timestamps or merge keys should be resolved.
import type { Diagnostic } from '../diagnostics.js';

import type { YamlModule } from './yaml-module.js';
import { escapeRegExp } from '../escape-reg-exp.js';
import type { KubeObject } from './kube-object.js';
import { goYamlItemDecoder } from './decode-go-yaml.js';
import { normalizeNullStrings, normalizeNullStringsInTree } from './normalize-null.js';
import { sliceListItems, type ListItemSlice } from './slice-list-items.js';
export type { ListItemSlice } from './slice-list-items.js';

/** One decoded list item and where its text lies, so `locate` can find fields in it later. */
export interface DecodedItem {
  object: KubeObject;
  index: number;
  /** 1-based line of the item's first line. */
  line: number;
  /** Character range of the item in the file text; absent when the file had to be parsed whole. */
  start?: number;
  end?: number;
}

export interface DecodedResourceFile {
  items: DecodedItem[];
  /** The file was `items: []` / `items: null`: an empty-list stub of an old kit (< v0.0.29). */
  emptyList: boolean;
  diagnostics: Diagnostic[];
  /** Set when the file could not be read or decoded at all. */
  problem?: string;
}

// Aliases never occur in what the kit writes; when they do, the text is hostile or hand-made,
// so it goes through `yaml`, which caps alias expansion (billion laughs) instead of js-yaml.
const ALIAS_HINT = /(?:^|[\s[{,:-])\*[A-Za-z0-9_]/m;
const ANCHOR_HINT = /(?:^|[\s[{,:-])&[A-Za-z0-9_]/m;

/**
 * Whether the text may define an anchor and use it. `&` is rare in bundle YAML, so testing for
 * the character first spares the regular expressions on almost every item (they were a few
 * percent of decoding time).
 */
export function mayHoldAliases(text: string): boolean {
  return text.includes('&') && text.includes('*') && ANCHOR_HINT.test(text) && ALIAS_HINT.test(text);
}

/**
 * Decodes a bundle YAML file into objects. List items are cut apart as text (see
 * sliceListItems) and decoded a batch at a time: consecutive items at column 0 are themselves a
 * YAML sequence, so one call decodes a batch while each item keeps its own line and text range.
 * The decoder for yaml.v2's output (decode-go-yaml.ts) goes first; a batch it gives up on is
 * decoded by js-yaml, and a batch that js-yaml does not decode cleanly into exactly one value per
 * item is decoded again item by item (each item again by the fast decoder first), so a broken
 * item costs a diagnostic, not the file, and diagnostics read as before. A file of another shape
 * (JSON, several documents, a single object) is decoded whole. Aliases are decoded by the `yaml`
 * package (which caps their expansion): pass it when `mayHoldAliases(text)`.
 */
export function decodeResourceFile(path: string, text: string, yaml?: YamlModule, known?: ReadonlyMap<number, DecodedItem | null>): DecodedResourceFile {
  const diagnostics: Diagnostic[] = [];
  const layout = sliceListItems(text);
  if (layout.shape === 'unrecognised') return decodeWhole(path, text, diagnostics, yaml);

  const items: DecodedItem[] = [];
  const slices = layout.items;
  const accept = itemAcceptor(path, text, diagnostics);
  const keep = (value: unknown, slice: ListItemSlice, index: number): void => {
    // An item decoded before (by decodeResourceItems) stays the same object: callers may hold it.
    if (known?.has(index)) {
      const item = known.get(index);
      if (item) items.push(item);
      return;
    }
    const item = accept(value, slice, index);
    if (item) items.push(item);
  };

  const decodeFast = fastDecoder(text);
  for (let first = 0; first < slices.length; ) {
    let last = first + 1;
    while (last < slices.length && last - first < BATCH_ITEMS && slices[last]!.end - slices[first]!.start < BATCH_CHARS) last += 1;
    let values = decodeFast(slices[first]!.start, slices[last - 1]!.end);
    if (values?.length !== last - first) values = last - first > 1 ? decodeBatch(path, text, slices, first, last) : undefined;
    for (let index = first; index < last; index += 1) {
      const slice = slices[index]!;
      if (values) {
        keep(values[index - first], slice, index);
        continue;
      }
      const decoded = decodeOneItem(path, text, slice, last - first > 1 ? decodeFast : undefined, diagnostics, yaml);
      if (decoded !== NOT_DECODED) keep(decoded, slice, index);
    }
    first = last;
  }
  return { items, emptyList: slices.length === 0, diagnostics };
}

/**
 * The list items of a file as text ranges, for decoding some of them (decodeResourceItems); or
 * undefined when the file must be decoded whole: not a list of items cut apart as text, or it may
 * hold aliases (an alias may copy another item's text).
 */
export function listItemSlices(text: string): ListItemSlice[] | undefined {
  if (mayHoldAliases(text)) return undefined;
  const layout = sliceListItems(text);
  return layout.shape === 'list' ? layout.items : undefined;
}

/**
 * Decodes only some list items (`indices`, increasing, into `slices` of listItemSlices), leaving
 * the rest of the file as text: a query that can only match items holding a literal (a Warning
 * event, a pod in CrashLoopBackOff) need not pay for the thousands of items that cannot. Each item
 * is decoded as decodeResourceFile would decode it alone, with the same diagnostics; null marks an
 * item that is not a Kubernetes object or did not decode.
 */
export function decodeResourceItems(
  path: string,
  text: string,
  slices: readonly ListItemSlice[],
  indices: readonly number[],
  yaml?: YamlModule,
): { decoded: Map<number, DecodedItem | null>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const accept = itemAcceptor(path, text, diagnostics);
  const decodeFast = fastDecoder(text);
  const decoded = new Map<number, DecodedItem | null>();
  // Consecutive items are decoded as one batch, as decodeResourceFile does; a batch the fast
  // decoder gives up on is decoded item by item.
  for (let first = 0; first < indices.length; ) {
    let last = first + 1;
    while (
      last < indices.length &&
      indices[last] === indices[last - 1]! + 1 &&
      last - first < BATCH_ITEMS &&
      slices[indices[last]!]!.end - slices[indices[first]!]!.start < BATCH_CHARS
    ) {
      last += 1;
    }
    const values = last - first > 1 ? decodeFast(slices[indices[first]!]!.start, slices[indices[last - 1]!]!.end) : undefined;
    for (let at = first; at < last; at += 1) {
      const index = indices[at]!;
      const slice = slices[index]!;
      const value = values?.length === last - first ? values[at - first] : decodeOneItem(path, text, slice, decodeFast, diagnostics, yaml);
      decoded.set(index, value === NOT_DECODED ? null : (accept(value, slice, index) ?? null));
    }
    first = last;
  }
  return { decoded, diagnostics };
}

/**
 * For each literal, which items (by index into `slices`) hold it within their own text: one pass of
 * one pattern over the text, where a search per literal would pass over it once each.
 */
export function itemsHoldingLiterals(text: string, slices: readonly ListItemSlice[], literals: readonly string[]): Map<string, Uint8Array> {
  const sets = new Map<string, Uint8Array>();
  const searched = [...new Set(literals)].filter((literal) => literal.length > 0);
  for (const literal of literals) sets.set(literal, new Uint8Array(slices.length));
  if (searched.length === 0 || slices.length === 0) return sets;
  // Longest first: where two literals start at one place the pattern reports the longer, and the
  // shorter ones it starts with are marked with it; the search goes on from the next character,
  // so a literal inside another's match is found too.
  const ordered = searched.sort((a, b) => b.length - a.length);
  const startingWith = new Map(ordered.map((literal) => [literal, ordered.filter((other) => literal.startsWith(other))]));
  const pattern = new RegExp(ordered.map(escapeRegExp).join('|'), 'g');
  let item = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index;
    pattern.lastIndex = at + 1;
    while (item < slices.length && slices[item]!.end <= at) item += 1;
    if (item === slices.length) break;
    const slice = slices[item]!;
    if (at < slice.start) continue;
    for (const literal of startingWith.get(match[0])!) if (at + literal.length <= slice.end) sets.get(literal)![item] = 1;
  }
  return sets;
}

/** An item that did not decode (its diagnostic is recorded). */
const NOT_DECODED = Symbol('not decoded');

/** One item alone: the fast decoder first (when given), else js-yaml with diagnostics. */
function decodeOneItem(
  path: string,
  text: string,
  slice: ListItemSlice,
  decodeFast: ((start: number, end: number) => unknown[] | undefined) | undefined,
  diagnostics: Diagnostic[],
  yaml: YamlModule | undefined,
): unknown {
  const fast = decodeFast?.(slice.start, slice.end);
  if (fast?.length === 1) return fast[0];
  const decoded = decodeChunk(path, text.slice(slice.start, slice.end), slice.line, diagnostics, yaml);
  if (decoded === undefined) return NOT_DECODED;
  return Array.isArray(decoded) ? decoded[0] : undefined;
}

function fastDecoder(text: string): (start: number, end: number) => unknown[] | undefined {
  return USE_GO_YAML_DECODER ? goYamlItemDecoder(text, { skipManagedFields: true }) : () => undefined;
}

/**
 * Turns a decoded list item into a DecodedItem (or a diagnostic when it is not a Kubernetes
 * object): "null" strings normalised, managedFields dropped. Items are to be given in increasing
 * order of their text.
 */
function itemAcceptor(path: string, text: string, diagnostics: Diagnostic[]): (value: unknown, slice: ListItemSlice, index: number) => DecodedItem | undefined {
  const nullStrings = new TextMarks(text, 'null');
  const escapes = new TextMarks(text, '\\');
  const anchors = new TextMarks(text, '&');
  return (value, slice, index) => {
    if (!isKubeObject(value)) {
      diagnostics.push({ path, line: slice.line, level: 'warning', message: 'list item is not a Kubernetes object (no kind or metadata); ignored' });
      return undefined;
    }
    // Without "null" in its text (nor an escape that could spell it), an item holds no "null" string.
    if (nullStrings.within(slice.start, slice.end) || escapes.within(slice.start, slice.end)) {
      // Only an anchor lets one object appear twice; without one the walk needs no visited set.
      if (anchors.within(slice.start, slice.end)) normalizeNullStrings(value);
      else normalizeNullStringsInTree(value);
    }
    dropManagedFields(value);
    return { object: value, index, line: slice.line, start: slice.start, end: slice.end };
  };
}

/**
 * Whether yaml.v2's output is decoded by decode-go-yaml.ts before js-yaml (same results, faster;
 * off only to compare or to rule it out).
 */
const USE_GO_YAML_DECODER = true;

/** Items per decoder call, and the most text one call gets (a broken batch is decoded twice). */
const BATCH_ITEMS = 256;
const BATCH_CHARS = 512 * 1024;

/**
 * Items `[first, last)` as one sequence, or undefined when the batch needs the careful path: it
 * may hold aliases, fails to decode (duplicate keys, broken items), or does not give exactly one
 * value per item. Items are cut at column-0 `- ` lines, so a batch can merge items but never
 * split one: one value per item means each value is its item's.
 */
function decodeBatch(path: string, text: string, slices: readonly ListItemSlice[], first: number, last: number): unknown[] | undefined {
  const chunk = text.slice(slices[first]!.start, slices[last - 1]!.end);
  if (mayHoldAliases(chunk)) return undefined;
  try {
    const values = loadYaml(chunk, loadOptions(path));
    return Array.isArray(values) && values.length === last - first ? values : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a literal occurs in a text, asked for ranges in increasing order: one forward search
 * serves all items of a file, however far apart the occurrences are.
 */
class TextMarks {
  readonly #text: string;
  readonly #literal: string;
  #next: number;

  constructor(text: string, literal: string) {
    this.#text = text;
    this.#literal = literal;
    this.#next = text.indexOf(literal);
  }

  /** Whether the literal occurs in `[start, end)`; `start` must not decrease between calls. */
  within(start: number, end: number): boolean {
    if (this.#next >= 0 && this.#next < start) this.#next = this.#text.indexOf(this.#literal, start);
    return this.#next >= 0 && this.#next + this.#literal.length <= end;
  }
}

function decodeChunk(path: string, chunk: string, firstLine: number, diagnostics: Diagnostic[], yaml: YamlModule | undefined): unknown {
  if (mayHoldAliases(chunk)) return decodeWithAliasCap(path, chunk, firstLine, diagnostics, yaml);
  try {
    return loadYaml(chunk, loadOptions(path));
  } catch (error) {
    if (error instanceof YAMLException && /duplicated mapping key/.test(error.reason)) {
      diagnostics.push({
        path,
        line: firstLine + (error.mark?.line ?? 0),
        level: 'warning',
        message: `duplicate key in YAML (${error.reason}); the last value is used`,
      });
      try {
        return loadYaml(chunk, { ...loadOptions(path), json: true });
      } catch (retryError) {
        return reportYamlError(path, retryError, firstLine, diagnostics);
      }
    }
    return reportYamlError(path, error, firstLine, diagnostics);
  }
}

function decodeWithAliasCap(path: string, text: string, firstLine: number, diagnostics: Diagnostic[], yaml: YamlModule | undefined): unknown {
  // The caller loads `yaml` (a large module) only for a text that may hold aliases.
  if (!yaml) throw new Error(`${path}: the text may hold YAML aliases; decodeResourceFile needs the yaml module for it`);
  try {
    const documents = yaml.parseAllDocuments(text, { uniqueKeys: false });
    const list = Array.isArray(documents) ? documents : [documents];
    const document = list[0];
    if (!document) return undefined;
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return reportYamlError(path, error, firstLine, diagnostics);
  }
}

function decodeWhole(path: string, text: string, diagnostics: Diagnostic[], yaml: YamlModule | undefined): DecodedResourceFile {
  let documents: unknown[];
  try {
    documents =
      mayHoldAliases(text)
        ? [decodeWithAliasCap(path, text, 1, diagnostics, yaml)]
        : loadAllYaml(text, undefined, { ...loadOptions(path), json: true });
  } catch (error) {
    reportYamlError(path, error, 1, diagnostics);
    return { items: [], emptyList: false, diagnostics };
  }
  const objects: unknown[] = [];
  let emptyList = false;
  for (const document of documents) {
    if (document === null || document === undefined) continue;
    const record = document as Record<string, unknown>;
    const isList =
      typeof document === 'object' &&
      !Array.isArray(document) &&
      'items' in record &&
      (typeof record.kind !== 'string' || record.kind.endsWith('List'));
    if (isList) {
      const items = record.items;
      if (items === null || (Array.isArray(items) && items.length === 0)) emptyList = true;
      if (Array.isArray(items)) objects.push(...items);
      continue;
    }
    objects.push(document);
  }
  const items: DecodedItem[] = [];
  objects.forEach((value, index) => {
    if (!isKubeObject(value)) {
      diagnostics.push({ path, level: 'warning', message: `item ${index} is not a Kubernetes object (no kind or metadata); ignored` });
      return;
    }
    normalizeNullStrings(value);
    dropManagedFields(value);
    items.push({ object: value, index, line: 1 });
  });
  return { items, emptyList: emptyList && items.length === 0, diagnostics };
}

function reportYamlError(path: string, error: unknown, firstLine: number, diagnostics: Diagnostic[]): undefined {
  const { line, reason } = describeYamlError(error);
  diagnostics.push({
    path,
    line: line === undefined ? firstLine : firstLine + line,
    level: 'error',
    message: `invalid YAML: ${reason}`,
  });
  return undefined;
}

function describeYamlError(error: unknown): { line?: number; reason: string } {
  if (error instanceof YAMLException) return { line: error.mark?.line, reason: error.reason };
  if (error instanceof RangeError) return { reason: 'nesting too deep to decode' };
  if (error instanceof Error) {
    const linePos = (error as { linePos?: [{ line: number }] }).linePos;
    const line = linePos?.[0]?.line;
    return { ...(line === undefined ? {} : { line: line - 1 }), reason: error.message.split('\n')[0] ?? 'unknown error' };
  }
  return { reason: String(error) };
}

/**
 * Decoded objects never carry `metadata.managedFields` (the fast decoder skips their lines; this
 * drops what js-yaml decoded): field-ownership records are not evidence of anything, and an object
 * without them cannot lead a rule into them. `bundle.managedFields(object)` reads them on demand.
 */
function dropManagedFields(object: KubeObject): void {
  if ('managedFields' in object.metadata) delete (object.metadata as Record<string, unknown>).managedFields;
}

function isKubeObject(value: unknown): value is KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record.kind === 'string' && record.metadata !== null && typeof record.metadata === 'object';
}


/**
 * js-yaml stops at 100 levels of nesting by default; CRD schemas of KubeVirt and Longhorn nest
 * deeper than that. 1,000 levels still fit the stack, and a hostile file beyond them fails cleanly.
 */
function loadOptions(path: string): LoadOptions {
  return { schema: JSON_SCHEMA, filename: path, maxDepth: 1000 } as LoadOptions;
}
