/**
 * Where a node's files can be in a bundle (bundle-format.md §1.7, §7), by name alone:
 *
 *   nodes/<node>.zip!/<node>/<file>      the kit's node bundle, read in place
 *   nodes/<node>/<file>                  the same node bundle unpacked (beside the zip, or instead of it)
 *
 * and, inside either, the node's supportconfig (supportconfig.md):
 *
 *   logs/scc_supportconfig_<node>.txz             kit v0.0.26–v0.0.38
 *   scc/scc_supportconfig_<node>[-<6 chars>].txz  kit ≥ v0.0.39 (the suffix since v0.0.65)
 *   <that path>!/scc_supportconfig_…/<name>       its members, read in place
 *   scc/scc_supportconfig_…/<name>                the archive unpacked beside itself
 *
 * One node bundle is read per node and one supportconfig per node bundle: the kit's own archive
 * when it could be opened, else the unpacked copy. The other copy is the same data; reading both
 * would count every node file and log line twice.
 */
export interface NodePath {
  node: string;
  /** The node bundle the path is in: `nodes/<node>.zip` or `nodes/<node>` (an unpacked folder). */
  container: string;
  packaging: 'zip' | 'folder';
  /** Path inside the node's folder, e.g. `logs/kernel.log` (may itself hold `!/`). */
  file: string;
}

const ZIP_SUFFIX = '.zip';

/** The node, node bundle and file of a bundle path under `nodes/`, or undefined. */
export function parseNodePath(path: string): NodePath | undefined {
  if (!path.startsWith('nodes/')) return undefined;
  const rest = path.slice('nodes/'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const first = rest.slice(0, slash);
  if (first.endsWith(`${ZIP_SUFFIX}!`)) {
    const archive = first.slice(0, -1);
    const node = archive.slice(0, -ZIP_SUFFIX.length);
    if (!node) return undefined;
    const member = rest.slice(slash + 1);
    // Entries of a node zip start with `<node>/`; tolerate a zip made without the top folder.
    const file = member.startsWith(`${node}/`) ? member.slice(node.length + 1) : member;
    return file ? { node, container: `nodes/${archive}`, packaging: 'zip', file } : undefined;
  }
  const file = rest.slice(slash + 1);
  if (first.endsWith(ZIP_SUFFIX) || first.includes('!') || !file) return undefined;
  return { node: first, container: `nodes/${first}`, packaging: 'folder', file };
}

/** `nodes/<node>.zip` itself. */
export function nodeArchiveName(path: string): string | undefined {
  const match = /^nodes\/([^/!]+)\.zip$/.exec(path);
  return match?.[1] || undefined;
}

/** A supportconfig file of a node, by its path inside the node folder. */
export type SupportconfigPath =
  | { kind: 'archive'; /** `scc_supportconfig_<node>[-<suffix>]` */ name: string }
  | { kind: 'member'; name: string; via: 'archive' | 'folder'; /** Path inside the supportconfig folder, e.g. `messages.txt`. */ file: string };

const ARCHIVE = /^(?:logs|scc)\/(scc_[^/!]+)\.txz$/;
const ARCHIVE_MEMBER = /^(?:logs|scc)\/(scc_[^/!]+)\.txz!\/(.+)$/;
const UNPACKED_MEMBER = /^(?:logs|scc)\/(scc_[^/!]+)\/(.+)$/;

export function parseSupportconfigPath(file: string): SupportconfigPath | undefined {
  const archive = ARCHIVE.exec(file);
  if (archive) return { kind: 'archive', name: archive[1]! };
  const member = ARCHIVE_MEMBER.exec(file);
  if (member) {
    const name = member[1]!;
    const inner = member[2]!;
    // The archive holds one folder named like itself; tolerate one made without it.
    const path = inner.startsWith(`${name}/`) ? inner.slice(name.length + 1) : inner;
    return path ? { kind: 'member', name, via: 'archive', file: path } : undefined;
  }
  const unpacked = UNPACKED_MEMBER.exec(file);
  if (unpacked && !unpacked[2]!.includes('!/')) return { kind: 'member', name: unpacked[1]!, via: 'folder', file: unpacked[2]! };
  return undefined;
}

/** What is read for one node: which node bundle, and which copy of its supportconfig. */
export interface NodeBundleChoice {
  node: string;
  /** The node bundle read: `nodes/<node>.zip` or `nodes/<node>`. */
  path: string;
  packaging: 'zip' | 'folder';
  /** The same node bundle unpacked (or zipped) beside it, not read. */
  copy?: string;
  supportconfig?: SupportconfigChoice;
}

export interface SupportconfigChoice {
  /** Bundle path of the `.txz`, or of the unpacked folder when it is read instead. */
  path: string;
  packaging: 'txz' | 'folder';
  /** The unpacked folder beside the archive, not read. */
  copy?: string;
}

/**
 * Decides, from the listed entries (`kind` says which node zips and supportconfig archives could
 * be opened), what is read for each node: the zip over an unpacked folder, the `.txz` over its
 * unpacked folder, each only when it could be opened. Sorted by node.
 */
export function chooseNodeBundles(entries: Iterable<{ path: string; kind: 'file' | 'directory' | 'archive' }>): NodeBundleChoice[] {
  interface Seen {
    zip?: { path: string; opened: boolean };
    folder?: string;
    archives: Map<string, { path: string; opened: boolean }[]>;
    folders: Map<string, Set<string>>;
  }
  const nodes = new Map<string, Seen>();
  const seen = (node: string): Seen => {
    let value = nodes.get(node);
    if (!value) nodes.set(node, (value = { archives: new Map(), folders: new Map() }));
    return value;
  };
  for (const { path, kind } of entries) {
    const zipNode = nodeArchiveName(path);
    if (zipNode !== undefined && kind !== 'directory') {
      seen(zipNode).zip = { path, opened: kind === 'archive' };
      continue;
    }
    const parsed = parseNodePath(path);
    if (!parsed) continue;
    const node = seen(parsed.node);
    if (parsed.packaging === 'folder' && kind !== 'directory') node.folder = parsed.container;
    const scc = parseSupportconfigPath(parsed.file);
    if (!scc || kind === 'directory') continue;
    if (scc.kind === 'archive') {
      const list = node.archives.get(parsed.container) ?? [];
      list.push({ path, opened: kind === 'archive' });
      node.archives.set(parsed.container, list);
    } else if (scc.via === 'folder') {
      const folders = node.folders.get(parsed.container) ?? new Set();
      folders.add(path.slice(0, path.length - scc.file.length - 1));
      node.folders.set(parsed.container, folders);
    }
  }
  const choices: NodeBundleChoice[] = [];
  for (const [node, found] of [...nodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let choice: NodeBundleChoice;
    if (found.zip && (found.zip.opened || found.folder === undefined)) {
      choice = { node, path: found.zip.path, packaging: 'zip', ...(found.folder ? { copy: found.folder } : {}) };
    } else if (found.folder !== undefined) {
      choice = { node, path: found.folder, packaging: 'folder', ...(found.zip ? { copy: found.zip.path } : {}) };
    } else {
      continue;
    }
    const archive = [...(found.archives.get(choice.path) ?? [])].sort((a, b) => (a.path < b.path ? -1 : 1))[0];
    const folder = [...(found.folders.get(choice.path) ?? [])].sort()[0];
    if (archive && (archive.opened || folder === undefined)) {
      choice.supportconfig = { path: archive.path, packaging: 'txz', ...(folder ? { copy: folder } : {}) };
    } else if (folder !== undefined) {
      choice.supportconfig = { path: folder, packaging: 'folder', ...(archive ? { copy: archive.path } : {}) };
    }
    choices.push(choice);
  }
  return choices;
}
