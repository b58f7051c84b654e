import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticLog } from '../diagnostics.js';
import { BundleError, BundleFormatError, BundleNotFoundError } from '../errors.js';
import type { BundleLimits } from '../limits.js';
import { archiveFormat, FORMAT_SNIFF_BYTES } from './archive-format.js';
import type { BundleFormat, BundleSource } from './bundle-source.js';
import { BufferStore, FileStore, type ByteStore } from './byte-store.js';
import { listDirectoryBundle } from './directory-source.js';
import { EntryTable } from './entry-table.js';
import { LimitBudget } from './limit-budget.js';
import type { OpenContext } from './open-context.js';
import { OpenedBundle, releaseContext } from './opened-bundle.js';
import { ResourceStack } from './resource-stack.js';
import { listTarGzBundle } from './tar-gz-source.js';
import { TempSpace } from './temp-space.js';
import { messageOf } from './zip-archive.js';
import { listZipBundle } from './zip-source.js';

export interface OpenSourceOptions {
  limits: BundleLimits;
  /** Aborts a long open (a big tar.gz); the open rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Parent of the private temp folder (tar.gz members, large inflated node zips); default `os.tmpdir()`. */
  tempDir?: string;
  /**
   * When the nested archives (`nodes/<node>.zip`, each node's supportconfig `.txz`) are opened and
   * their members listed: `at-open` (the default), or `when-needed`, by `openNested` — what an
   * analysis that reads no node file never pays (a supportconfig must be decoded whole to be listed).
   */
  nestedArchives?: NestedArchivesMode;
}

export type NestedArchivesMode = 'at-open' | 'when-needed';

/**
 * Opens a support bundle: an extracted folder, a `.zip` or a `.tar.gz` (by path, or in memory as
 * bytes). The format comes from the content (a folder, or the archive's magic bytes), never the
 * name. Lists every entry, nested `nodes/<node>.zip` members included, within `limits`; unsafe or
 * unreadable entries become diagnostics. Rejects with a BundleError (or the abort reason).
 * The bytes of an in-memory bundle are read in place: do not change them until `close()`.
 */
export async function openSource(input: string | Uint8Array, options: OpenSourceOptions): Promise<BundleSource> {
  const { limits, signal } = options;
  signal?.throwIfAborted();
  const location = typeof input === 'string' ? resolve(input) : '<buffer>';
  const diagnostics = new DiagnosticLog();
  const budget = new LimitBudget(limits, location);
  const context: OpenContext = {
    location,
    limits,
    budget,
    table: new EntryTable(budget, (diagnostic) => diagnostics.add(diagnostic)),
    diagnostics,
    resources: new ResourceStack(),
    temp: new TempSpace(options.tempDir),
    signal,
  };
  try {
    const { format, root } = await listBundle(input, context);
    const opened = new OpenedBundle(format, root, context);
    if (options.nestedArchives !== 'when-needed') await opened.openNested({ nodeBundles: true, supportconfig: true });
    signal?.throwIfAborted();
    return opened;
  } catch (error) {
    await releaseContext(context).catch(() => undefined);
    if (signal?.aborted) throw signal.reason;
    if (error instanceof BundleError) throw error;
    throw new BundleFormatError(`${location}: cannot be read: ${messageOf(error)}`, { path: location, cause: error });
  }
}

async function listBundle(input: string | Uint8Array, context: OpenContext): Promise<{ format: BundleFormat; root: string }> {
  const { location } = context;
  if (typeof input !== 'string') {
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return listArchive(new BufferStore(bytes), bytes.subarray(0, FORMAT_SNIFF_BYTES), context);
  }
  const stats = await stat(location).catch((cause: NodeJS.ErrnoException) => {
    const why = cause.code === 'ENOENT' || cause.code === 'ENOTDIR' ? 'no such file or folder' : messageOf(cause);
    throw new BundleNotFoundError(`${location}: ${why}`, { path: location, cause });
  });
  if (stats.isDirectory()) return { format: 'directory', root: await listDirectoryBundle(location, context) };
  if (!stats.isFile()) throw new BundleFormatError(`${location}: not a file or folder`, { path: location });
  const handle = await open(location, 'r').catch((cause: unknown) => {
    throw new BundleNotFoundError(`${location}: cannot open: ${messageOf(cause)}`, { path: location, cause });
  });
  context.resources.defer(() => handle.close());
  return listArchive(new FileStore(handle, 0, stats.size), await readHead(handle), context);
}

async function listArchive(store: ByteStore, head: Buffer, context: OpenContext): Promise<{ format: BundleFormat; root: string }> {
  const format = archiveFormat(head, context.location);
  const root =
    format === 'zip' ? await listZipBundle(store, context) : await listTarGzBundle(() => store.stream(0, store.size), context);
  return { format, root };
}

async function readHead(handle: FileHandle): Promise<Buffer> {
  const head = Buffer.alloc(FORMAT_SNIFF_BYTES);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  return head.subarray(0, bytesRead);
}
