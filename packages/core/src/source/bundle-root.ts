import type { Diagnostic } from '../diagnostics.js';
import { BundleFormatError } from '../errors.js';
import type { EntryTable, NewEntry } from './entry-table.js';

/** An entry of an archive (or of a folder's top two levels) before the bundle root is known. */
export interface ListedEntry extends NewEntry {
  /** Checked name relative to the archive's top. */
  readonly path: string;
}

const BUNDLE_MARKERS = ['metadata.yaml', 'yamls'];
const BUNDLE_HINTS = ['logs', 'nodes'];

/**
 * Which folder is the bundle root (bundle-format.md §1.1, §6.1): the archive's top when it holds
 * `metadata.yaml` or `yamls/`; else the one top folder that does (Harvester zips put everything in
 * `supportbundle_<id>_<ts>/`); else the top, or the only top folder, when it has `logs/` or `nodes/`.
 * Returns `''` for the top, or the folder's name.
 */
export function detectBundleRoot(
  listed: Iterable<Pick<ListedEntry, 'path' | 'isDirectory'>>,
  label: string,
  container: 'archive' | 'folder',
): string {
  const topFiles = new Set<string>();
  const topFolders = new Map<string, Set<string>>();
  for (const { path, isDirectory } of listed) {
    if (path === '') continue;
    const [top = '', child] = path.split('/', 2);
    if (child === undefined && !isDirectory) {
      topFiles.add(top);
      continue;
    }
    let children = topFolders.get(top);
    if (children === undefined) topFolders.set(top, (children = new Set()));
    if (child !== undefined) children.add(child);
  }
  if (topFiles.size === 0 && topFolders.size === 0) {
    throw new BundleFormatError(`${label}: empty ${container}, no entries`, { path: label });
  }
  const hasAny = (names: Set<string>, wanted: string[]): boolean => wanted.some((name) => names.has(name));
  const top = new Set([...topFiles, ...topFolders.keys()]);
  if (topFiles.has('metadata.yaml') || topFolders.has('yamls')) return '';

  const candidates = [...topFolders].filter(([, children]) => hasAny(children, BUNDLE_MARKERS)).map(([name]) => name);
  if (candidates.length > 1) {
    const names = candidates.sort().join(', ');
    throw new BundleFormatError(`${label} contains ${candidates.length} bundle folders (${names}); expected one`, {
      path: label,
    });
  }
  if (candidates[0] !== undefined) return candidates[0];

  if (BUNDLE_HINTS.some((name) => topFolders.has(name))) return '';
  const [only] = topFolders;
  if (topFolders.size === 1 && only !== undefined && hasAny(only[1], BUNDLE_HINTS)) return only[0];
  throw new BundleFormatError(
    `${label} is not a Harvester support bundle: no metadata.yaml or yamls/ folder` +
      (top.size > 0 ? ` (top level: ${[...top].sort().slice(0, 5).join(', ')}${top.size > 5 ? ', …' : ''})` : ''),
    { path: label },
  );
}

/**
 * Adds the entries below `root` to the table, relative to it. Entries beside the root folder
 * (`__MACOSX/`, a README next to it) are left out, with one diagnostic per top-level name.
 */
export function addEntriesBelowRoot(
  listed: Iterable<ListedEntry>,
  root: string,
  table: EntryTable,
  report: (diagnostic: Diagnostic) => void,
): void {
  const prefix = root === '' ? '' : `${root}/`;
  const ignored = new Map<string, number>();
  for (const entry of listed) {
    if (entry.path === root) continue;
    if (!entry.path.startsWith(prefix)) {
      const top = entry.path.split('/', 1)[0] ?? entry.path;
      ignored.set(top, (ignored.get(top) ?? 0) + 1);
      continue;
    }
    table.add('', entry.path.slice(prefix.length), entry);
  }
  for (const [name, count] of ignored) {
    report({
      path: '',
      level: 'info',
      message: `ignored "${name}" (${count} ${count === 1 ? 'entry' : 'entries'}): outside the bundle folder ${root}`,
    });
  }
}
