import type { Diagnostic, DiagnosticLog } from '../diagnostics.js';
import type { BundleIndex } from '../index/bundle-index.js';
import type { ResourceFileEntry } from '../index/index-entry.js';
import { decodeResourceFile, decodeResourceItems, itemsHoldingLiterals, listItemSlices, mayHoldAliases, type DecodedItem, type DecodedResourceFile, type ListItemSlice } from './decode-resource-file.js';
import type { KubeObject, ObjectOrigin } from './kube-object.js';
import { load as loadYaml, JSON_SCHEMA, type LoadOptions } from 'js-yaml';
import { locatePointer } from './locate-pointer.js';
import { normalizeNullStrings } from './normalize-null.js';
import { ANY_GROUP, pluralCandidates, type ResourceQuery } from './resource-query.js';
import { importYaml } from './yaml-module.js';

interface Placement {
  path: string;
  item: DecodedItem;
}

/**
 * The items of a file decoded one by one for queries that can only match items holding a
 * literal (`itemsHolding`, `containing`), while nobody asked for the whole file.
 */
interface PartialFile {
  /** Decoded items by index; null: the item is not a Kubernetes object or did not decode. */
  items: Map<number, DecodedItem | null>;
  /** The first error met (an unreadable file, a broken item that held a literal). */
  problem?: string;
  /** The file's items as text ranges, once read; 'whole' when it must be decoded whole. */
  slices?: readonly ListItemSlice[] | 'whole';
  /** Per literal, which items hold it (1), as found once; the escape `\\` among them. */
  holding: Map<string, Uint8Array>;
  /** Decodes of this file run one after the other, so an item is never decoded twice. */
  turn: Promise<unknown>;
}

/** An escape in double quotes can spell any literal: an item holding one may matter to any query. */
const ESCAPE = '\\';

/** Told the objects of each resource file as it is decoded (see `Bundle.onResourcesDecoded`). */
export type DecodedFileListener = (path: string, objects: readonly KubeObject[]) => void;

/**
 * Reads resource files on first use and keeps what they decoded, so each file is parsed at most
 * once however many rules ask, until the caller releases it (an engine that knows no later rule
 * declared the file). Remembers, per object, where it came from (for evidence): that survives a
 * release, since objects already handed out stay valid and `locate` re-reads the file's text.
 */
export class ResourceStore {
  readonly #index: () => BundleIndex;
  readonly #readText: (path: string) => Promise<string>;
  readonly #holds: (path: string, literal: string) => Promise<boolean>;
  readonly #diagnostics: DiagnosticLog;
  readonly #files = new Map<string, Promise<DecodedResourceFile>>();
  readonly #partial = new Map<string, PartialFile>();
  readonly #wholeWanted = new Set<string>();
  readonly #placements = new WeakMap<object, Placement>();
  readonly #listeners = new Set<DecodedFileListener>();

  /**
   * `readText` is the one text source for decoding and for `locate`; the bundle keeps the last
   * texts it read (within a size budget), so citing evidence right after decoding does not read
   * the file again. `holds` says whether a file's bytes hold a literal, without decoding it.
   */
  constructor(
    index: () => BundleIndex,
    readText: (path: string) => Promise<string>,
    diagnostics: DiagnosticLog,
    holds: (path: string, literal: string) => Promise<boolean> = async (path, literal) => (await readText(path)).includes(literal),
  ) {
    this.#index = index;
    this.#readText = readText;
    this.#diagnostics = diagnostics;
    this.#holds = holds;
  }

  /** Files that may hold the objects asked for (no file is read). */
  filesFor(query: ResourceQuery): ResourceFileEntry[] {
    const files = this.#filesFor(query);
    const except = query.except;
    return except === undefined ? files : files.filter((file) => !except.includes(file.resource));
  }

  #filesFor(query: ResourceQuery): ResourceFileEntry[] {
    const base = { ...(query.group === ANY_GROUP ? {} : { group: query.group }), ...(query.version === undefined ? {} : { version: query.version }) };
    const scoped = query.namespace === undefined ? base : { ...base, namespace: query.namespace };
    if (query.resource !== undefined) return this.#index().resourceFiles({ ...scoped, resource: query.resource });
    if (query.kind !== undefined) {
      for (const plural of pluralCandidates(query.kind)) {
        const files = this.#index().resourceFiles({ ...scoped, resource: plural });
        if (files.length > 0) return files;
      }
    }
    return this.#index().resourceFiles(scoped);
  }

  async objects(query: ResourceQuery): Promise<KubeObject[]> {
    const literal = query.containing;
    // Items that cannot match need not be decoded while nobody asked for the whole file.
    const holding = clausesOf(query);
    const files = await this.#filesHolding(this.filesFor(query), literal);
    const decoded = await Promise.all(
      files.map(async (file) => ({
        items: holding !== undefined && holding.length > 0 && !this.#files.has(file.path) && !this.#wholeWanted.has(file.path) ? await this.#itemsHolding(file.path, holding) : (await this.file(file.path)).items,
        text: literal === undefined ? undefined : await this.#textOf(file.path),
      })),
    );
    const objects: KubeObject[] = [];
    const seenUids = new Set<string>();
    decoded.forEach(({ items, text }) => {
      const holds = literal !== undefined && text !== undefined ? literalFinder(text, literal) : undefined;
      for (const item of items) {
        const object = item.object;
        if (holds && !holds(item)) continue;
        if (query.kind !== undefined && object.kind !== query.kind) continue;
        if (query.name !== undefined && object.metadata.name !== query.name) continue;
        // Events and ingresses are listed under two groups on some clusters; keep one copy.
        const uid = object.metadata.uid;
        if (typeof uid === 'string' && uid !== '') {
          if (seenUids.has(uid)) continue;
          seenUids.add(uid);
        }
        objects.push(object);
      }
    });
    return objects;
  }

  /**
   * The items of a file whose own text holds one literal of every clause, or an escape (which could
   * spell any), decoded now unless decoded before; the items decoded for earlier literals come too (in
   * file order). Falls back to decoding the whole file when it cannot be cut into items.
   */
  #itemsHolding(path: string, clauses: readonly (readonly string[])[]): Promise<DecodedItem[]> {
    let partial = this.#partial.get(path);
    if (!partial) {
      partial = { items: new Map(), holding: new Map(), turn: Promise.resolve() };
      this.#partial.set(path, partial);
    }
    const record = partial;
    const run = record.turn.then(async (): Promise<DecodedItem[]> => {
      if (this.#files.has(path)) return (await this.file(path)).items;
      // The text is read only to find where literals not searched before are, and to decode
      // items not decoded before: another query for the same literals reads nothing.
      let text: string | undefined;
      const textNow = async (): Promise<string> => (text ??= await this.#readText(path));
      const literals = [...new Set([ESCAPE, ...clauses.flat()])];
      try {
        if (record.slices === undefined) record.slices = listItemSlices(await textNow()) ?? 'whole';
        // Aliases, or not a list of items: the whole file, as any other query would read it.
        if (record.slices === 'whole') return (await this.file(path)).items;
        const slices = record.slices;
        const missing = literals.filter((literal) => !record.holding.has(literal));
        if (missing.length > 0) for (const [literal, set] of itemsHoldingLiterals(await textNow(), slices, missing)) record.holding.set(literal, set);
        const wanted: number[] = [];
        for (let index = 0; index < slices.length; index += 1) {
          if (!record.items.has(index) && itemMayMatter(index, slices.length, record.holding, clauses)) wanted.push(index);
        }
        if (wanted.length > 0) {
          const source = await textNow();
          if (this.#files.has(path)) return (await this.file(path)).items;
          const found = decodeResourceItems(path, source, slices, wanted);
          this.#diagnostics.addAll(found.diagnostics);
          record.problem ??= found.diagnostics.find((diagnostic) => diagnostic.level === 'error')?.message;
          for (const [index, item] of found.decoded) {
            record.items.set(index, item);
            if (item) this.#placements.set(item.object, { path, item });
          }
        }
      } catch (error) {
        const message = `cannot ${text === undefined ? 'read' : 'decode'}: ${errorMessage(error)}`;
        this.#diagnostics.add({ path, level: 'error', message });
        record.problem ??= message;
        return [];
      }
      return [...record.items.values()].flatMap((item) => (item ? [item] : [])).sort((a, b) => a.index - b.index);
    });
    record.turn = run.catch(() => undefined);
    return run;
  }

  /**
   * The files whose bytes hold `literal` (all of them without one), searched one at a time so a
   * query over every list never holds more than one file's bytes. A file that cannot be read is
   * kept: decoding it records the problem, which `problems()` then reports.
   */
  async #filesHolding(files: ResourceFileEntry[], literal: string | undefined): Promise<ResourceFileEntry[]> {
    if (literal === undefined) return files;
    const holding: ResourceFileEntry[] = [];
    for (const file of files) {
      let holds: boolean;
      try {
        holds = await this.#holds(file.path, literal);
      } catch {
        holds = true;
      }
      if (holds) holding.push(file);
    }
    return holding;
  }

  /** The file's text, or undefined when it cannot be read (its decode already said why). */
  async #textOf(path: string): Promise<string | undefined> {
    try {
      return await this.#readText(path);
    } catch {
      return undefined;
    }
  }

  /** Decodes one resource file (once); problems become diagnostics, never exceptions. */
  file(path: string): Promise<DecodedResourceFile> {
    let pending = this.#files.get(path);
    if (!pending) {
      // Items decoded one by one stay the same objects (callers may hold them): the decode reads
      // the live map when it runs, and a one-by-one decode that resumes after it was asked for
      // takes the whole file instead of decoding an item twice.
      pending = this.#decode(path, this.#partial.get(path)?.items);
      this.#files.set(path, pending);
    }
    return pending;
  }

  /**
   * Forgets what a file decoded, so its objects can be collected once nobody holds them; a later
   * ask parses it again. Returns whether the file was held.
   */
  release(path: string): boolean {
    const partial = this.#partial.delete(path);
    return this.#files.delete(path) || partial;
  }

  /** Calls `listener` with every file decoded from now on; the returned function stops it. */
  listen(listener: DecodedFileListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Paths whose decoded objects are held now: whole files, and with `partly` those held in part too. */
  held(options: { partly?: boolean } = {}): string[] {
    return options.partly ? [...new Set([...this.#files.keys(), ...this.#partial.keys()])] : [...this.#files.keys()];
  }

  /**
   * Lists a reader will decode whole anyway (see `Bundle.expectWholeLists`): a query with
   * `itemsHolding` decodes them whole at once, so they are decoded once, not in part and then whole.
   * Returns a function that forgets the given ones (once the reader has them), or all.
   */
  expectWhole(paths: Iterable<string>): (done?: Iterable<string>) => void {
    const added = new Set([...paths].filter((path) => !this.#wholeWanted.has(path)));
    for (const path of added) this.#wholeWanted.add(path);
    return (done = added) => {
      for (const path of done) if (added.delete(path)) this.#wholeWanted.delete(path);
    };
  }

  async #decode(path: string, known?: ReadonlyMap<number, DecodedItem | null>): Promise<DecodedResourceFile> {
    let text: string;
    try {
      text = await this.#readText(path);
    } catch (error) {
      const message = `cannot read: ${errorMessage(error)}`;
      this.#diagnostics.add({ path, level: 'error', message });
      return { items: [], emptyList: false, diagnostics: [], problem: message };
    }
    let decoded: DecodedResourceFile;
    try {
      // `yaml` (a large module) is loaded only for the rare text with anchors and aliases.
      decoded = decodeResourceFile(path, text, mayHoldAliases(text) ? await importYaml() : undefined, known);
    } catch (error) {
      // decodeResourceFile reports YAML errors itself; this is the unexpected (e.g. stack depth).
      const message = `cannot decode: ${errorMessage(error)}`;
      this.#diagnostics.add({ path, level: 'error', message });
      return { items: [], emptyList: false, diagnostics: [], problem: message };
    }
    this.#diagnostics.addAll(decoded.diagnostics);
    for (const item of decoded.items) this.#placements.set(item.object, { path, item });
    if (this.#listeners.size > 0) {
      const objects = decoded.items.map((item) => item.object);
      for (const listener of this.#listeners) {
        try {
          listener(path, objects);
        } catch (error) {
          // A listener's bug must not cost the file: the readers above still get its objects.
          this.#diagnostics.add({ path, level: 'error', message: `a reader of decoded objects failed: ${errorMessage(error)}` });
        }
      }
    }
    return decoded;
  }

  /**
   * The files of a query that could not be read whole (unreadable, over a limit, or with items
   * that did not decode), with the first problem of each. Their objects are what could be
   * decoded, so "no such object" is not known there. Only files already read are reported.
   */
  async problems(query: ResourceQuery): Promise<{ path: string; problem: string }[]> {
    const found: { path: string; problem: string }[] = [];
    for (const file of this.filesFor(query)) {
      const pending = this.#files.get(file.path);
      const partial = this.#partial.get(file.path);
      if (!pending && !partial) continue;
      let problem: string | undefined;
      if (pending) {
        const decoded = await pending;
        problem = decoded.problem ?? (await this.#itemError(file.path, decoded.diagnostics, clausesOf(query)));
      } else {
        await partial!.turn;
        problem = partial!.problem;
      }
      // A list decoded for another query is this one's problem only if it holds the literal.
      if (problem && query.containing !== undefined && (await this.#filesHolding([file], query.containing)).length === 0) continue;
      if (problem) found.push({ path: file.path, problem });
    }
    return found;
  }

  /**
   * The first error of a list decoded whole that concerns a query: with clauses, only an item that
   * could matter to it (holding them, or an escape), or the list's last item (it may be cut off), as
   * a decode in part would have met it; without, any. So whether a rule is skipped as unreadable
   * does not depend on who decoded the list first.
   */
  async #itemError(path: string, diagnostics: readonly Diagnostic[], clauses: readonly (readonly string[])[] | undefined): Promise<string | undefined> {
    const errors = diagnostics.filter((diagnostic) => diagnostic.level === 'error');
    if (errors.length === 0 || !clauses) return errors[0]?.message;
    const text = await this.#textOf(path);
    const slices = text === undefined ? undefined : listItemSlices(text);
    if (text === undefined || !slices) return errors[0]!.message;
    const holding = itemsHoldingLiterals(text, slices, [ESCAPE, ...clauses.flat()]);
    for (const error of errors) {
      const index = error.line === undefined ? -1 : itemAtLine(slices, error.line);
      if (index < 0 || itemMayMatter(index, slices.length, holding, clauses)) return error.message;
    }
    return undefined;
  }

  /**
   * `metadata.managedFields` of an object as the bundle holds them (decoded objects leave them
   * out), read again from the file; `[]` when the object has none, undefined for an object that
   * did not come from this bundle or a file that can no longer be read.
   */
  async managedFields(object: KubeObject): Promise<Record<string, unknown>[] | undefined> {
    const placement = this.#placements.get(object);
    if (!placement) return undefined;
    try {
      const again = decodeItemAgain(await this.#readText(placement.path), placement.item) as KubeObject | undefined;
      const fields = again?.metadata?.managedFields;
      if (!Array.isArray(fields)) return [];
      normalizeNullStrings(fields);
      return fields as Record<string, unknown>[];
    } catch {
      return undefined;
    }
  }

  origin(object: KubeObject): ObjectOrigin | undefined {
    const placement = this.#placements.get(object);
    return placement && { path: placement.path, line: placement.item.line, index: placement.item.index };
  }

  /**
   * 1-based line of `pointer` inside `object` in its file, or undefined when it is not there.
   * Never a line inside `metadata.managedFields`: those are field-ownership records that repeat
   * every field name, not evidence (use managedFields() to read them).
   */
  async locate(object: KubeObject, pointer: string): Promise<number | undefined> {
    const placement = this.#placements.get(object);
    if (!placement) return undefined;
    if (pointer === '') return placement.item.line;
    if (pointer === '/metadata/managedFields' || pointer.startsWith('/metadata/managedFields/')) return undefined;
    const text = await this.#readText(placement.path);
    try {
      return await locatePointer(text, placement.item, pointer);
    } catch {
      return undefined;
    }
  }
}

/**
 * What an object must hold in its item's text to matter to a query (`containing`, and every clause
 * of `itemsHolding`); undefined when anything may matter (an empty literal is held by every item).
 */
function clausesOf(query: ResourceQuery): readonly (readonly string[])[] | undefined {
  const clauses = [...(query.containing === undefined ? [] : [[query.containing]]), ...(query.itemsHolding ?? [])];
  return clauses.length === 0 || clauses.some((clause) => clause.length === 0 || clause.includes('')) ? undefined : clauses;
}

/**
 * Whether item `index` of a list of `count` may matter to a query, as far as its text tells: it
 * holds a literal of every clause, or an escape (which could spell any), or it is the list's last
 * item (a file cut off, the kit having stopped writing, may have lost the literal with the rest).
 * `holding`: per literal, which items hold it (`itemsHoldingLiterals`, the escape included).
 */
function itemMayMatter(index: number, count: number, holding: ReadonlyMap<string, Uint8Array>, clauses: readonly (readonly string[])[]): boolean {
  if (index === count - 1 || holding.get(ESCAPE)![index] === 1) return true;
  return clauses.every((clause) => clause.some((literal) => holding.get(literal)![index] === 1));
}

/** The index of the item a 1-based line is in, or -1 (a line before the first item). */
function itemAtLine(slices: readonly ListItemSlice[], line: number): number {
  let low = 0;
  let high = slices.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (slices[middle]!.line <= line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Whether a decoded item's own text holds the literal (an item without a range: its file's). Asked
 * item after item in file order, it searches each stretch of the text once: searching from each
 * item's start to the next occurrence, wherever that is, made a rare literal cost the rest of the
 * file for every item (≈ 0.6 s over L's event lists).
 */
function literalFinder(text: string, literal: string): (item: DecodedItem) => boolean {
  let from = -1;
  let next = -1;
  return (item) => {
    if (item.start === undefined || item.end === undefined) return true;
    // The occurrence found last still answers while it lies at or after this item's start.
    if (from < 0 || item.start < from || (next >= 0 && next < item.start)) {
      from = item.start;
      next = text.indexOf(literal, item.start);
    }
    return next >= 0 && next + literal.length <= item.end;
  };
}

/** The item's own text, decoded whole again (managedFields included), or undefined. */
export function decodeItemAgain(text: string, item: DecodedItem): unknown {
  if (item.start !== undefined && item.end !== undefined) {
    const values = loadYaml(text.slice(item.start, item.end), { schema: JSON_SCHEMA, json: true, maxDepth: 1000 } as LoadOptions);
    return Array.isArray(values) ? values[0] : undefined;
  }
  const list = loadYaml(text, { schema: JSON_SCHEMA, json: true, maxDepth: 1000 } as LoadOptions) as { items?: unknown[] } | null;
  return Array.isArray(list?.items) ? list.items[item.index] : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
