import { DiagnosticLog, type Diagnostic } from './diagnostics.js';
import { BundleClosedError, NestedArchivesNotOpenedError } from './errors.js';
import { collectFacts } from './facts/collect-facts.js';
import type { BundleFacts } from './facts/bundle-facts.js';
import { BundleIndex } from './index/bundle-index.js';
import type { IndexEntry, NodeFileEntry, ResourceFileEntry } from './index/index-entry.js';
import { resolveLimits, type BundleLimits } from './limits.js';
import { LogFile } from './logs/log-file.js';
import { groupLogSeries, rotationOf, type LogSeries } from './logs/log-series.js';
import { nodeLogTimestampStyle } from './logs/log-timestamps.js';
import type { KubeObject, ObjectOrigin } from './resources/kube-object.js';
import type { ResourceQuery } from './resources/resource-query.js';
import type { NodeSupportconfig } from './supportconfig/node-supportconfig.js';
import { readNodeSupportconfig } from './supportconfig/read-supportconfig.js';
import { ResourceStore } from './resources/resource-store.js';
import type { BundleFormat, BundleSource, NestedArchiveKinds } from './source/bundle-source.js';
import { openSource } from './source/index.js';
import type { NestedArchivesMode } from './source/open-source.js';

export interface OpenBundleOptions {
  /** Raise or lower the safety limits (entries, sizes, compression ratio, nesting). */
  limits?: Partial<BundleLimits>;
  /** Aborts a long open (and later reads). */
  signal?: AbortSignal;
  /** Where the private temp folder (tar.gz only) is made; the OS temp dir by default. */
  tempDir?: string;
  /** Progress of the open and of file reads; never called after close. */
  onProgress?: (event: BundleProgress) => void;
  /**
   * `at-open` (the default): the node zips and each node's supportconfig archive are opened and
   * listed by `openBundle`. `when-needed`: only when asked (`openNestedArchives`) or when an async
   * reader needs them (`facts()` falling back to a node's harvester-release.yaml, `supportconfig()`,
   * `minePatterns`, `buildTimeline`'s node boots, `selectNodeLog`), so an analysis that reads no node file never lists (or, for a supportconfig,
   * decodes) them. Until then, node-file accessors throw NestedArchivesNotOpenedError instead of
   * answering without them.
   */
  nestedArchives?: NestedArchivesMode;
}

export type BundleProgress =
  | { phase: 'indexed'; entries: number; files: number }
  | { phase: 'read'; path: string; filesRead: number; bytesRead: number };

export interface LogQuery {
  /** Pod logs of this namespace. */
  namespace?: string;
  pod?: string;
  container?: string;
  /** `.log.1` files (previous container instance) only, or none of them. */
  previous?: boolean;
  /** Node files of this node. */
  node?: string;
  /**
   * A node file by its path inside the node folder: any node file when a string
   * (`logs/kernel.log`, `supportconfig/messages.txt`), else a test on the paths of its `logs/`.
   */
  file?: string | ((file: string) => boolean);
  /** Pod logs only or node logs only. */
  kind?: 'pod' | 'node';
}

/**
 * An opened support bundle. Nothing is parsed until asked; each file is parsed at most once,
 * unless its decoded objects were released (`releaseResources`) and it is asked for again.
 * Every accessor answers from the bundle alone (no cluster, no network), and problems with
 * single files become `diagnostics()` instead of exceptions.
 */
export class Bundle {
  readonly source: BundleSource;
  readonly limits: BundleLimits;
  #index: BundleIndex;
  readonly #diagnostics = new DiagnosticLog();
  readonly #resources: ResourceStore;
  readonly #onProgress: ((event: BundleProgress) => void) | undefined;
  #facts: Promise<BundleFacts> | undefined;
  readonly #supportconfigs = new Map<string, Promise<NodeSupportconfig | undefined>>();
  /**
   * Texts of the files read last (decoding, `locate`, `lineText`), within RECENT_TEXT_CHARS: the
   * evidence of a finding is cited right after its file was decoded, and clusters in a few files.
   */
  readonly #recentTexts = new Map<string, { text: Promise<string>; chars: number }>();
  #recentChars = 0;
  /**
   * For each list a later `containing` query will search (`expectSearches`), the literals it will
   * look for there, and which of them the list was found to hold while it was read for another
   * reason: the query then need not read it again.
   */
  readonly #searchedFor = new Map<string, Set<string>>();
  readonly #found = new Map<string, Map<string, boolean>>();
  #createdAtMs: number | undefined;
  #filesRead = 0;
  #bytesRead = 0;
  #closed = false;

  constructor(source: BundleSource, options: { limits?: BundleLimits; onProgress?: (event: BundleProgress) => void } = {}) {
    this.source = source;
    this.limits = options.limits ?? resolveLimits();
    this.#onProgress = options.onProgress;
    this.#index = this.#indexSource();
    this.#resources = new ResourceStore(() => this.#index, (path) => this.#recentText(path), this.#diagnostics, (path, literal) => this.#holds(path, literal));
  }

  /** Every file by what it is (resource lists, pod logs, node files…), from entry names. */
  get index(): BundleIndex {
    return this.#index;
  }

  /**
   * Opens the nested archives the caller is about to read — node bundles, and with them (or alone)
   * each node's supportconfig archive (both by default) — in a bundle opened with
   * `nestedArchives: 'when-needed'`, and re-indexes its entries. Each kind is opened once; nothing
   * to do in a bundle opened whole. Rejects as `openBundle` would (a safety limit, an abort).
   */
  async openNestedArchives(kinds: Partial<NestedArchiveKinds> = { nodeBundles: true, supportconfig: true }): Promise<void> {
    this.#assertOpen();
    const unopened = this.#index.unopened;
    const nodeBundles = Boolean(kinds.nodeBundles || kinds.supportconfig) && unopened.nodeBundles;
    const supportconfig = Boolean(kinds.supportconfig) && unopened.supportconfig;
    if (!nodeBundles && !supportconfig) return;
    await this.source.openNested?.({ nodeBundles, supportconfig });
    this.#index = this.#indexSource();
  }

  /** The index of the source's entries as listed now, and the diagnostics of listing them. */
  #indexSource(): BundleIndex {
    const opened = this.source.nestedOpened ?? { nodeBundles: true, supportconfig: true };
    const index = new BundleIndex(this.source.entries, { unopened: { nodeBundles: !opened.nodeBundles, supportconfig: !opened.supportconfig } });
    this.#diagnostics.addAll(this.source.diagnostics);
    // Which copy of a node bundle is read depends on whether its zip opens: said once its zips were tried.
    const { nodeBundles: zipsPending, supportconfig: archivesPending } = index.unopened;
    for (const choice of zipsPending ? [] : index.nodeBundles()) {
      // Said once per copy, so a report shows which one its node evidence comes from.
      if (choice.copy !== undefined) {
        this.#diagnostics.add({ path: choice.copy, level: 'info', message: `node ${choice.node}: read from ${choice.path}; ${choice.copy} is the same node bundle and was not read` });
      }
      const scc = choice.supportconfig;
      if (scc?.copy !== undefined && !archivesPending) {
        this.#diagnostics.add({ path: scc.copy, level: 'info', message: `node ${choice.node}: supportconfig read from ${scc.path}; ${scc.copy} is the same and was not read` });
      }
    }
    this.#onProgress?.({ phase: 'indexed', entries: this.source.entries.length, files: index.fileCount });
    return index;
  }

  get format(): BundleFormat {
    return this.source.format;
  }

  /** The bundle's top folder name (`supportbundle_<id>_<ts>`), or `''`. */
  get root(): string {
    return this.source.root;
  }

  /** What was opened: a path, or `<buffer>`. */
  get location(): string {
    return this.source.location;
  }

  /** Files read so far and their bytes (for progress and benchmarks). */
  get stats(): { filesRead: number; bytesRead: number } {
    return { filesRead: this.#filesRead, bytesRead: this.#bytesRead };
  }

  diagnostics(): Diagnostic[] {
    return this.#diagnostics.list();
  }

  /**
   * Announces `containing` queries that will run later (an engine knows them before its first rule
   * runs): each list they will search that is read from now on, for whatever reason, is searched
   * for their literal while its text is in memory, so they read only the lists nobody else read.
   */
  expectSearches(queries: Iterable<ResourceQuery>): void {
    for (const query of queries) {
      if (query.containing === undefined) continue;
      for (const file of this.#resources.filesFor(query)) {
        const literals = this.#searchedFor.get(file.path) ?? new Set<string>();
        literals.add(query.containing);
        this.#searchedFor.set(file.path, literals);
      }
    }
  }

  /**
   * Whether a resource file holds a literal an announced search (`expectSearches`) looks for, as
   * noted when its text was read; undefined when that is not known (not read since the search was
   * announced). An engine keeps a list decoded for a search that will decode it anyway.
   */
  knownToHold(path: string, literal: string): boolean | undefined {
    return this.#found.get(path)?.get(literal);
  }

  /** Records a problem found by a reader above this layer (a rule engine, a parser of a node file). */
  addDiagnostic(diagnostic: Diagnostic): void {
    this.#diagnostics.add(diagnostic);
  }

  entry(path: string): IndexEntry | undefined {
    return this.index.get(path);
  }

  /** Whole content of a file as bytes. */
  async readFile(path: string): Promise<Buffer> {
    this.#assertOpen();
    const content = await this.source.readFile(path);
    this.#filesRead += 1;
    this.#bytesRead += content.length;
    this.#onProgress?.({ phase: 'read', path, filesRead: this.#filesRead, bytesRead: this.#bytesRead });
    return content;
  }

  /** Whole content as UTF-8 text; bytes that are not UTF-8 become U+FFFD and a diagnostic. */
  async readText(path: string): Promise<string> {
    const content = await this.readFile(path);
    try {
      return UTF8_STRICT.decode(content);
    } catch {
      this.#diagnostics.add({ path, level: 'warning', message: 'file holds bytes that are not UTF-8; they read as U+FFFD' });
      return content.toString('utf8');
    }
  }

  /**
   * The text of one line of a file (for evidence excerpts), or undefined past the end. The last
   * few files asked are kept, since evidence lines cluster in a few files.
   */
  async lineText(path: string, line: number): Promise<string | undefined> {
    const content = await this.#recentText(path);
    let start = content.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let current = 1; current < line; current += 1) {
      const newline = content.indexOf('\n', start);
      if (newline < 0) return undefined;
      start = newline + 1;
    }
    if (start > content.length || (start === content.length && line > 1)) return undefined;
    const end = content.indexOf('\n', start);
    const raw = content.slice(start, end < 0 ? content.length : end);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  }

  /** Resource files that may hold the objects asked for; none means the bundle has no such list. */
  resourceFiles(query: ResourceQuery): ResourceFileEntry[] {
    return this.#resources.filesFor(query);
  }

  /** Objects of a resource (parsed on first use, cached). An absent file gives `[]`. */
  resources(query: ResourceQuery): Promise<KubeObject[]> {
    this.#assertOpen();
    return this.#resources.objects(query);
  }

  /**
   * Files of a query whose objects could not all be read (unreadable, over a limit, broken
   * items), with the first problem of each: there, a missing object may just be unreadable.
   */
  resourceProblems(query: ResourceQuery): Promise<{ path: string; problem: string }[]> {
    return this.#resources.problems(query);
  }

  /** One object by name, or undefined. */
  async resource(query: ResourceQuery & { name: string }): Promise<KubeObject | undefined> {
    return (await this.resources(query))[0];
  }

  /**
   * Lets go of the decoded objects of the resource files a query reads, so they can be collected
   * once nobody holds them; returns how many files were held. Objects already handed out stay
   * valid (`origin` and `locate` keep working); a later `resources()` parses the file again. An
   * engine calls this after the last rule that declared the files has finished, which keeps
   * memory flat on a large bundle.
   */
  releaseResources(query: ResourceQuery): number {
    let released = 0;
    for (const file of this.#resources.filesFor(query)) if (this.releaseResourceFile(file.path)) released += 1;
    return released;
  }

  /** `releaseResources` for one resource file by its bundle path. */
  releaseResourceFile(path: string): boolean {
    // Its text goes too: a released file holds no memory.
    const text = this.#recentTexts.get(path);
    if (text) {
      this.#recentTexts.delete(path);
      this.#recentChars -= text.chars;
    }
    return this.#resources.release(path);
  }

  /**
   * Calls `listener` with the objects of each resource file when it is decoded (on first use,
   * and again if it is asked for after a release); returns a function that stops it. What reads
   * objects beside the rules (the timeline, the overview) takes them here while they are
   * decoded anyway, instead of decoding the file a second time after the rules released it.
   */
  onResourcesDecoded(listener: (path: string, objects: readonly KubeObject[]) => void): () => void {
    return this.#resources.listen(listener);
  }

  /**
   * Resource files whose decoded objects are held now (read whole and not released); with
   * `partly`, also those of which some items were decoded (`itemsHolding`, `containing`).
   */
  heldResourceFiles(options: { partly?: boolean } = {}): string[] {
    return this.#resources.held(options);
  }

  /**
   * Announces resource files a reader will decode whole anyway (the analysis's timeline and
   * overview take every object of the lists they read): a query that asks for only some of their
   * items (`itemsHolding`) decodes them whole at once, so each is decoded once and
   * `onResourcesDecoded` readers get it then. Returns a function that withdraws the announcement
   * for the files given (the reader has them: later queries may decode in part again), or for all.
   */
  expectWholeLists(paths: Iterable<string>): (done?: Iterable<string>) => void {
    return this.#resources.expectWhole(paths);
  }

  /** Where a decoded object came from: bundle path and the 1-based line of its list item. */
  origin(object: KubeObject): ObjectOrigin | undefined {
    return this.#resources.origin(object);
  }

  /**
   * 1-based line of a field of an object, by JSON pointer (`/status/display/readyClusters`),
   * in the file as it is in the bundle; undefined when the field is not written there.
   */
  locate(object: KubeObject, pointer: string): Promise<number | undefined> {
    this.#assertOpen();
    return this.#resources.locate(object, pointer);
  }

  /**
   * `metadata.managedFields` of an object, read again from its file: decoded objects leave them
   * out (they are most of an object's text in newer bundles and never evidence), so decoding
   * skips them; a caller that needs them asks here.
   */
  managedFields(object: KubeObject): Promise<Record<string, unknown>[] | undefined> {
    this.#assertOpen();
    return this.#resources.managedFields(object);
  }

  /** Pod logs and node log files matching the query, sorted by path. */
  logs(query: LogQuery = {}): LogFile[] {
    const files: LogFile[] = [];
    const wantsPods = query.kind !== 'node' && query.node === undefined && query.file === undefined;
    const wantsNodes = query.kind !== 'pod' && query.namespace === undefined && query.pod === undefined && query.container === undefined;
    if (wantsPods) {
      for (const entry of this.index.podLogs(query)) {
        files.push(
          new LogFile(
            { ...entry, kind: 'pod', timestampStyle: 'pod' },
            () => this.#openStream(entry.path),
            this.#logContext(),
          ),
        );
      }
    }
    if (wantsNodes && query.previous === undefined) {
      if (typeof query.file === 'string') this.#assertListed(query.file);
      for (const entry of this.index.nodeFiles(query.node)) {
        if (entry.supportconfigArchive) continue;
        if (typeof query.file === 'string') {
          if (entry.file !== query.file) continue;
        } else {
          if (!entry.file.startsWith('logs/')) continue;
          if (typeof query.file === 'function' && !query.file(entry.file)) continue;
        }
        files.push(this.#nodeLog(entry));
      }
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * The logs of a query as series across their rotations, oldest first (see LogSeries): a
   * container's `.log.1` then `.log`, a node's `kernel.log.2`, `kernel.log.1`, `kernel.log`. A
   * string `file` names the current file (`logs/kernel.log`) and takes its rotations along;
   * `previous` is ignored (a series holds both runs).
   */
  logSeries(query: LogQuery = {}): LogSeries[] {
    const { previous: _previous, file, ...rest } = query;
    if (typeof file !== 'string') return groupLogSeries(this.logs({ ...rest, ...(file ? { file } : {}) }));
    const rotations = (candidate: string): boolean => rotationOf(candidate).base === file;
    return groupLogSeries(this.logs({ ...rest, file: file.startsWith('logs/') ? rotations : file }));
  }

  /** A log by bundle path (a pod log or a node file), whatever its timestamp style. */
  log(path: string): LogFile | undefined {
    const entry = this.index.get(path);
    if (!entry) {
      // A member of a nested archive that is not opened yet is not "absent".
      if (path.includes('!/') && (this.index.unopened.nodeBundles || this.index.unopened.supportconfig)) {
        throw new NestedArchivesNotOpenedError(this.index.unopened.nodeBundles ? 'node bundles' : 'supportconfig archives');
      }
      return undefined;
    }
    if (entry.type === 'podLog') {
      return new LogFile({ ...entry, kind: 'pod', timestampStyle: 'pod' }, () => this.#openStream(path), this.#logContext());
    }
    if (entry.type === 'nodeFile') return this.#nodeLog(entry);
    return undefined;
  }

  /** A node's file by its path inside the node folder (`configs/etc/harvester-release.yaml`). */
  nodeFile(node: string, file: string): NodeFileEntry | undefined {
    this.#assertListed(file);
    return this.index.nodeFiles(node).find((entry) => entry.file === file);
  }

  /** A node file under `supportconfig/` is asked for while the supportconfig archives are unopened. */
  #assertListed(file: string): void {
    if (file.startsWith('supportconfig/') && this.index.unopened.supportconfig) throw new NestedArchivesNotOpenedError('supportconfig archives');
  }

  /** Nodes whose node bundle holds a supportconfig (read or unpacked), sorted. */
  supportconfigNodes(): string[] {
    return this.index.nodeBundles().filter((choice) => choice.supportconfig !== undefined).map((choice) => choice.node);
  }

  /**
   * What the node's supportconfig says (free space per filesystem, memory and swap, load, failed
   * units, kernel events, SMART), each fact with its file and line inside the archive; parsed on
   * first use, once. Undefined when the node bundle holds no supportconfig (kit < v0.0.26, a
   * trimmed or failed node bundle) or there is no such node bundle.
   */
  supportconfig(node: string): Promise<NodeSupportconfig | undefined> {
    this.#assertOpen();
    let pending = this.#supportconfigs.get(node);
    if (!pending) {
      pending = this.openNestedArchives({ supportconfig: true }).then(() => this.#readSupportconfig(node));
      this.#supportconfigs.set(node, pending);
      // A failed open (an abort, a safety limit) is not remembered: the next caller tries again.
      pending.catch(() => this.#supportconfigs.delete(node));
    }
    return pending;
  }

  #readSupportconfig(node: string): Promise<NodeSupportconfig | undefined> {
    const choice = this.index.nodeBundles().find((candidate) => candidate.node === node);
    if (!choice) return Promise.resolve(undefined);
    return readNodeSupportconfig({
      choice,
      files: this.index.nodeFiles(node).filter((entry) => entry.file.startsWith('supportconfig/')),
      readText: (path) => this.readText(path),
      log: (path) => this.log(path),
    });
  }

  /** Facts about the cluster (versions, nodes, namespaces), read once. */
  facts(): Promise<BundleFacts> {
    this.#assertOpen();
    this.#facts ??= collectFacts({
      index: this.index,
      nodeFiles: async (node) => {
        await this.openNestedArchives({ nodeBundles: true });
        return this.index.nodeFiles(node);
      },
      root: this.root,
      readText: (path) => this.readText(path),
      resources: (query) => this.resources(query),
      locate: (object, pointer) => this.locate(object, pointer),
      originPath: (object) => this.origin(object)?.path,
      isEmptyList: async (path) => (await this.#resources.file(path)).emptyList,
      report: (path, message) => this.#diagnostics.add({ path, level: 'warning', message }),
    }).then((facts) => {
      this.#createdAtMs = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
      return facts;
    });
    return this.#facts;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.source.close();
  }

  /**
   * Whether a file holds a literal: in its text when that was read lately, else in its bytes
   * (searched without decoding them, and not kept: a query over every list reads each once).
   */
  async #holds(path: string, literal: string): Promise<boolean> {
    const known = this.#found.get(path)?.get(literal);
    if (known !== undefined) return known;
    const cached = this.#recentTexts.get(path);
    if (cached) return (await cached.text).includes(literal);
    return (await this.readFile(path)).includes(literal);
  }

  #recentText(path: string): Promise<string> {
    const cached = this.#recentTexts.get(path);
    if (cached) {
      // Most recently used last: eviction takes the oldest first.
      this.#recentTexts.delete(path);
      this.#recentTexts.set(path, cached);
      return cached.text;
    }
    const entry = { text: this.readText(path), chars: 0 };
    this.#recentTexts.set(path, entry);
    entry.text.then(
      (text) => {
        const literals = this.#searchedFor.get(path);
        if (literals) this.#found.set(path, new Map([...literals].map((literal) => [literal, text.includes(literal)])));
        if (this.#recentTexts.get(path) !== entry) return;
        entry.chars = text.length;
        this.#recentChars += text.length;
        // Oldest first; a text larger than the whole budget is not kept at all.
        for (const [oldPath, old] of this.#recentTexts) {
          if (this.#recentChars <= RECENT_TEXT_CHARS) break;
          this.#recentTexts.delete(oldPath);
          this.#recentChars -= old.chars;
        }
      },
      () => this.#recentTexts.get(path) === entry && this.#recentTexts.delete(path),
    );
    return entry.text;
  }

  #nodeLog(entry: NodeFileEntry): LogFile {
    return new LogFile(
      { path: entry.path, size: entry.size, kind: 'node', node: entry.node, file: entry.file, timestampStyle: nodeLogTimestampStyle(entry.file) },
      () => this.#openStream(entry.path, nodeLogTimestampStyle(entry.file) === 'journal'),
      this.#logContext(),
    );
  }

  #logContext() {
    return {
      bundleCreatedAt: () => this.#createdAtMs,
      report: (diagnostic: Diagnostic) => this.#diagnostics.add(diagnostic),
    };
  }

  async #openStream(path: string, needsYear = false) {
    this.#assertOpen();
    // Journal lines carry no year: it comes from the bundle's creation time, so read the facts
    // before the first line. Pod logs carry their own full timestamps and do not wait for them.
    if (needsYear && this.#createdAtMs === undefined) await this.facts();
    const stream = await this.source.openStream(path);
    this.#filesRead += 1;
    this.#onProgress?.({ phase: 'read', path, filesRead: this.#filesRead, bytesRead: this.#bytesRead });
    return stream;
  }

  #assertOpen(): void {
    if (this.#closed) throw new BundleClosedError(this.location);
  }
}

/** About 32 MB of UTF-16: a few large lists, or many small ones. */
const RECENT_TEXT_CHARS = 16 * 1024 * 1024;

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Opens a support bundle: an extracted folder, a `.zip`, a `.tar.gz`, or the bytes of a zip or
 * tar.gz. Close it when done; it holds file handles (and, for tar.gz, a private temp folder).
 */
export async function openBundle(input: string | Uint8Array, options: OpenBundleOptions = {}): Promise<Bundle> {
  const limits = resolveLimits(options.limits);
  const source = await openSource(input, {
    limits,
    ...(options.nestedArchives ? { nestedArchives: options.nestedArchives } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.tempDir ? { tempDir: options.tempDir } : {}),
  });
  return new Bundle(source, { limits, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}
