import type { Readable } from 'node:stream';
import type { Diagnostic } from '../diagnostics.js';

export type BundleFormat = 'directory' | 'zip' | 'tar.gz';

export type SourceEntryKind = 'file' | 'directory' | 'archive';

/** One entry of a bundle, as listed from names and headers alone (nothing is read). */
export interface SourceEntry {
  /**
   * Relative to the bundle root, `/`-separated, no leading or trailing `/`.
   * Members of a nested archive are `<archive path>!/<member path>`, e.g.
   * `nodes/node1.zip!/node1/logs/kernel.log`.
   */
  readonly path: string;
  /** `archive` is a nested zip that was opened (its members are listed too); it is still a readable file. */
  readonly kind: SourceEntryKind;
  /** Uncompressed size as declared by the archive (or stat for folders); 0 for directories. */
  readonly size: number;
}

/**
 * A read-only view of a bundle's entries, whatever it is stored in. Everything above this
 * layer (index, readers, rules) sees only bundle paths, never the filesystem or archive.
 */
export interface BundleSource {
  readonly format: BundleFormat;
  /** What was opened: the absolute path given, or `<buffer>`. */
  readonly location: string;
  /**
   * Name of the bundle's top folder (`supportbundle_<id>_<ts>`), or `''` when entries sit at the top.
   * For a folder source: the folder below `location` that holds the bundle (`''` when `location` is
   * the bundle itself), so `join(location, root)` is the bundle root for every format.
   */
  readonly root: string;
  /** Every entry below the root, nested archive members included, sorted by path (code-unit order). */
  readonly entries: readonly SourceEntry[];
  /**
   * Entries that were refused or archives that could not be listed; the rest stays usable.
   * `path` is the bundle path concerned, or `''` (the bundle itself) for a refused entry name,
   * which is not a usable path; the message quotes the name.
   */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Whole content of a file or archive entry (a copy the caller may change). Refuses content over
   * `maxReadBytes` (BundleLimitError), unknown paths and folders (BundleEntryNotFoundError).
   */
  readFile(path: string): Promise<Buffer>;
  /** Content as a stream of Buffers, for logs of any size; its errors are BundleErrors. */
  openStream(path: string): Promise<Readable>;
  /** Releases every handle, ends open streams, removes any temp folder. Idempotent; later reads fail with BUNDLE_CLOSED. */
  close(): Promise<void>;
  /**
   * Which nested archives have been opened and listed (`entries` holds their members): both, unless
   * the source was opened with `nestedArchives: 'when-needed'` and `openNested` was not asked yet.
   */
  readonly nestedOpened?: NestedArchiveKinds;
  /**
   * Opens the node zips (`nodeBundles`), then the supportconfig archives of the node bundles read
   * (`supportconfig`, which needs the node zips open), listing their members into `entries` and
   * their problems into `diagnostics`; each kind once. Safety limits and aborts reject as at open.
   */
  openNested?(kinds: Partial<NestedArchiveKinds>): Promise<void>;
}

/** The kinds of nested archive a bundle holds: node bundles (`nodes/<node>.zip`) and node supportconfigs (`.txz`). */
export interface NestedArchiveKinds {
  nodeBundles: boolean;
  supportconfig: boolean;
}
