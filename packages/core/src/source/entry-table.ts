import type { Diagnostic } from '../diagnostics.js';
import type { ByteStore } from './byte-store.js';
import type { SourceEntry, SourceEntryKind } from './bundle-source.js';
import type { LimitBudget } from './limit-budget.js';
import type { ZipArchive, ZipMember } from './zip-archive.js';

/** Where an entry's bytes are, whatever the bundle is stored in. */
export type EntryContent =
  | { readonly type: 'directory' }
  | { readonly type: 'zip-member'; readonly archive: ZipArchive; readonly member: ZipMember }
  /** Raw bytes already out of their archive: tar.gz members, in memory or in the spill file. */
  | { readonly type: 'bytes'; readonly store: ByteStore }
  /** A file of an extracted bundle; re-validated against the root on every open. */
  | { readonly type: 'fs-file'; readonly absolutePath: string; readonly rootRealPath: string };

export interface TableEntry {
  readonly path: string;
  kind: SourceEntryKind;
  readonly size: number;
  readonly content: EntryContent;
}

export interface NewEntry {
  readonly isDirectory: boolean;
  readonly size: number;
  /** Zip members only: enables the compression-ratio check. */
  readonly compressedSize?: number;
  readonly content: EntryContent;
}

const DIRECTORY: EntryContent = Object.freeze({ type: 'directory' });

/**
 * The bundle's entries by path. Missing parent folders are created as entries, so a zip without
 * directory entries, a tar.gz and an extracted folder of the same bundle list the same entries.
 * Every entry, created parents included, is counted against the limits as it is added.
 */
export class EntryTable {
  readonly #entries = new Map<string, TableEntry>();
  readonly #budget: LimitBudget;
  readonly #report: (diagnostic: Diagnostic) => void;

  constructor(budget: LimitBudget, report: (diagnostic: Diagnostic) => void) {
    this.#budget = budget;
    this.#report = report;
  }

  /**
   * Adds `scope + relativePath`. `scope` is `''` for the bundle itself and `<archive>!/` for the
   * members of a nested archive; parents are created only below it. The first entry of a path
   * wins; a later one is reported and dropped.
   */
  add(scope: string, relativePath: string, entry: NewEntry): void {
    const path = scope + relativePath;
    const segments = relativePath.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = scope + segments.slice(0, depth).join('/');
      const existing = this.#entries.get(parent);
      if (existing === undefined) {
        this.#insert({ path: parent, kind: 'directory', size: 0, content: DIRECTORY });
      } else if (existing.kind !== 'directory') {
        this.#report({ path, level: 'error', message: `refused entry "${path}": "${parent}" is a file` });
        return;
      }
    }
    const existing = this.#entries.get(path);
    if (existing !== undefined) {
      if (entry.isDirectory && existing.kind === 'directory') return;
      this.#report({ path, level: 'warning', message: `duplicate entry "${path}": kept the first one` });
      return;
    }
    if (entry.isDirectory) {
      this.#insert({ path, kind: 'directory', size: 0, content: DIRECTORY });
    } else {
      this.#budget.countBytes(path, entry.size, entry.compressedSize);
      this.#insert({ path, kind: 'file', size: entry.size, content: entry.content });
    }
  }

  get(path: string): TableEntry | undefined {
    return this.#entries.get(path);
  }

  /** A file that turned out to be a nested archive whose members are listed. */
  markArchive(path: string): void {
    const entry = this.#entries.get(path);
    if (entry !== undefined) entry.kind = 'archive';
  }

  /** Sorted by path in code-unit order. */
  list(): SourceEntry[] {
    return [...this.#entries.values()]
      .map(({ path, kind, size }): SourceEntry => ({ path, kind, size }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  #insert(entry: TableEntry): void {
    this.#budget.countEntry(entry.path);
    this.#entries.set(entry.path, entry);
  }
}
