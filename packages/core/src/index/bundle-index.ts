import { NestedArchivesNotOpenedError } from '../errors.js';
import type { NestedArchiveKinds, SourceEntry } from '../source/bundle-source.js';
import { chooseNodeBundles, nodeArchiveName, parseNodePath, type NodeBundleChoice } from '../source/node-layout.js';
import { classifyPath } from './classify-path.js';
import type { IndexEntry, NodeFileEntry, PodLogEntry, ResourceFileEntry } from './index-entry.js';

export interface ResourceFileQuery {
  /** API group; `''` for the core group. */
  group?: string;
  /** API resource (plural), e.g. `managedcharts`. */
  resource?: string;
  version?: string;
  /** Namespace of namespaced files; `null` asks for cluster-scoped files only. */
  namespace?: string | null;
}

export interface PodLogQuery {
  namespace?: string;
  pod?: string;
  container?: string;
  previous?: boolean;
}

/**
 * Every file of the bundle by what it is, built once from entry names only (nothing is read):
 * resource lists by group/version/resource and namespace, pod logs, node files, the special
 * top-level files, and the rest as `other` (folders a newer kit adds included: indexed, not read).
 * A node bundle present twice (zip and unpacked folder) or a supportconfig present twice (`.txz`
 * and unpacked folder) is indexed once: the copy not read is `other` with `copyOf`.
 */
export class BundleIndex {
  /** Every file, nested node-zip members included; directories are not listed. */
  readonly entries: readonly IndexEntry[];
  readonly #byPath = new Map<string, IndexEntry>();
  readonly #resourceFiles: ResourceFileEntry[] = [];
  readonly #podLogs: PodLogEntry[] = [];
  readonly #nodeFiles: NodeFileEntry[] = [];
  readonly #nodes = new Set<string>();
  readonly #namespaceFolders = new Set<string>();
  readonly #logNamespaces = new Set<string>();
  readonly #archiveMembers = new Map<string, number>();
  readonly #topLevelFiles: number;
  readonly #nodeBundles: NodeBundleChoice[];
  readonly #unopened: NestedArchiveKinds;

  /**
   * `unopened`: the nested archives the source has not opened yet (a bundle opened with
   * `nestedArchives: 'when-needed'`); their members are not among the entries, so the node files
   * and node bundles they hold cannot be answered for until they are.
   */
  constructor(sourceEntries: readonly SourceEntry[], options: { unopened?: Partial<NestedArchiveKinds> } = {}) {
    const entries: IndexEntry[] = [];
    let topLevelFiles = 0;
    this.#nodeBundles = chooseNodeBundles(sourceEntries);
    const chosen = new Map(this.#nodeBundles.map((choice) => [choice.node, choice]));
    for (const sourceEntry of sourceEntries) {
      const bang = sourceEntry.path.indexOf('!/');
      if (bang >= 0) {
        const archive = sourceEntry.path.slice(0, bang);
        this.#archiveMembers.set(archive, (this.#archiveMembers.get(archive) ?? 0) + 1);
      }
      if (sourceEntry.kind === 'directory') {
        this.#noteDirectory(sourceEntry.path);
        continue;
      }
      if (bang < 0) topLevelFiles += 1;
      const entry = readOnce(classifyPath(sourceEntry.path, sourceEntry.size), chosen);
      entries.push(entry);
      this.#byPath.set(entry.path, entry);
      switch (entry.type) {
        case 'resource':
          this.#resourceFiles.push(entry);
          if (entry.namespace !== undefined) this.#namespaceFolders.add(entry.namespace);
          break;
        case 'podLog':
          this.#podLogs.push(entry);
          this.#logNamespaces.add(entry.namespace);
          break;
        case 'nodeFile':
          this.#nodeFiles.push(entry);
          this.#nodes.add(entry.node);
          break;
        case 'nodeArchive':
          this.#nodes.add(entry.node);
          break;
        default:
          break;
      }
    }
    this.entries = entries;
    this.#topLevelFiles = topLevelFiles;
    // Pending only where there is something to open: an unopened node zip (or, inside a node
    // bundle, a supportconfig archive). Unpacked node folders are listed already.
    const zipsPending = Boolean(options.unopened?.nodeBundles) && sourceEntries.some((entry) => entry.kind === 'file' && nodeArchiveName(entry.path) !== undefined);
    const archivesPending = Boolean(options.unopened?.supportconfig) && (zipsPending || this.#nodeBundles.some((choice) => choice.supportconfig?.packaging === 'txz'));
    this.#unopened = { nodeBundles: zipsPending, supportconfig: archivesPending };
  }

  /** The nested archives of the bundle that are not opened yet (see the constructor); both false once they are, or in a bundle opened whole. */
  get unopened(): NestedArchiveKinds {
    return { ...this.#unopened };
  }

  #noteDirectory(path: string): void {
    const parts = path.split('/');
    if (parts[0] === 'yamls' && parts[1] === 'namespaced' && parts[2] && !path.includes('!/')) this.#namespaceFolders.add(parts[2]);
    if (parts[0] === 'logs' && parts.length >= 2 && parts[1]) this.#logNamespaces.add(parts[1]);
    if (parts[0] === 'nodes' && parts.length === 2 && parts[1] && !parts[1].endsWith('.zip')) this.#nodes.add(parts[1]);
  }

  /**
   * For each node with a node bundle: which copy is read (the zip, or an unpacked folder when
   * there is no readable zip) and which copy of its supportconfig, with the copies left unread.
   */
  nodeBundles(): NodeBundleChoice[] {
    if (this.#unopened.nodeBundles) throw new NestedArchivesNotOpenedError('node bundles');
    return this.#nodeBundles.map((choice) => ({ ...choice, ...(choice.supportconfig ? { supportconfig: { ...choice.supportconfig } } : {}) }));
  }

  get(path: string): IndexEntry | undefined {
    return this.#byPath.get(path);
  }

  /** Files outside nested archives (a node zip counts as one file). */
  get fileCount(): number {
    return this.#topLevelFiles;
  }

  /** Members (files and folders) of a nested archive, by the archive's path. */
  archiveMemberCount(archivePath: string): number {
    return this.#archiveMembers.get(archivePath) ?? 0;
  }

  resourceFiles(query: ResourceFileQuery = {}): ResourceFileEntry[] {
    return this.#resourceFiles.filter(
      (entry) =>
        (query.group === undefined || entry.group === query.group) &&
        (query.resource === undefined || entry.resource === query.resource) &&
        (query.version === undefined || entry.version === query.version) &&
        (query.namespace === undefined ||
          (query.namespace === null ? entry.scope === 'cluster' : entry.namespace === query.namespace)),
    );
  }

  podLogs(query: PodLogQuery = {}): PodLogEntry[] {
    return this.#podLogs.filter(
      (entry) =>
        (query.namespace === undefined || entry.namespace === query.namespace) &&
        (query.pod === undefined || entry.pod === query.pod) &&
        (query.container === undefined || entry.container === query.container) &&
        (query.previous === undefined || entry.previous === query.previous),
    );
  }

  /**
   * Node files (of a node, or of all). While the supportconfig archives are unopened, their
   * members are not among them (`supportconfig/…`); `Bundle` refuses to answer for those.
   */
  nodeFiles(node?: string): NodeFileEntry[] {
    if (this.#unopened.nodeBundles) throw new NestedArchivesNotOpenedError('node bundles');
    return node === undefined ? [...this.#nodeFiles] : this.#nodeFiles.filter((entry) => entry.node === node);
  }

  /** Nodes that have a node bundle (zip or extracted folder), sorted. */
  nodes(): string[] {
    return [...this.#nodes].sort();
  }

  /** Namespaces that have a `yamls/namespaced/<ns>/` folder, sorted. */
  namespaceFolders(): string[] {
    return [...this.#namespaceFolders].sort();
  }

  /** Namespaces that have a `logs/<ns>/` folder, sorted. */
  logNamespaces(): string[] {
    return [...this.#logNamespaces].sort();
  }

  has(path: string): boolean {
    return this.#byPath.has(path);
  }
}

/** A node file from the copy of a node bundle (or supportconfig) that is not read becomes `other`. */
function readOnce(entry: IndexEntry, chosen: ReadonlyMap<string, NodeBundleChoice>): IndexEntry {
  if (entry.type !== 'nodeFile') return entry;
  const choice = chosen.get(entry.node);
  const container = parseNodePath(entry.path)?.container;
  if (!choice || container === undefined) return entry;
  if (container !== choice.path) return { type: 'other', path: entry.path, size: entry.size, copyOf: choice.path };
  if (!entry.file.startsWith('supportconfig/')) return entry;
  const read = choice.supportconfig;
  if (read === undefined) return entry;
  const inRead = read.packaging === 'txz' ? entry.path.startsWith(`${read.path}!/`) : entry.path.startsWith(`${read.path}/`);
  return inRead ? entry : { type: 'other', path: entry.path, size: entry.size, copyOf: read.path };
}
