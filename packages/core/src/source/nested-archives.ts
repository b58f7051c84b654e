import { BundleError, BundleLimitError } from '../errors.js';
import { BufferStore, FileStore, type ByteStore } from './byte-store.js';
import { openContainedFile } from './contained-file.js';
import { entryReadError, openEntryStream, readAllBounded } from './content-reader.js';
import { refusedEntryMessage } from './entry-name.js';
import type { TableEntry } from './entry-table.js';
import type { OpenContext } from './open-context.js';
import { SpillFile } from './spill-file.js';
import { ZipArchive } from './zip-archive.js';

/** `nodes/<node>.zip`, directly under `nodes/` (bundle-format.md §1.7). */
const NODE_ARCHIVE = /^nodes\/[^/]+\.zip$/;

/** Deflated nested zips up to this size are inflated in memory; larger ones go to the temp folder. */
const IN_MEMORY_NESTED_BYTES = 64 * 1024 * 1024;

/**
 * Opens each `nodes/<node>.zip` and lists its members as `nodes/<node>.zip!/<member>`. Only the
 * bundle's own node zips are opened (depth 1); zips inside them stay plain files. A node zip that
 * cannot be read is a diagnostic and stays a plain file; limits and aborts still stop the open.
 */
export async function openNodeArchives(context: OpenContext): Promise<void> {
  if (context.limits.maxNestingDepth < 1) return;
  const candidates = context.table.list().filter((entry) => entry.kind === 'file' && NODE_ARCHIVE.test(entry.path));
  for (const { path } of candidates) {
    context.signal?.throwIfAborted();
    const entry = context.table.get(path);
    if (entry === undefined) continue;
    let archive: ZipArchive | undefined;
    try {
      archive = await ZipArchive.open(await nestedContent(entry, context), path);
      context.budget.expectEntries(archive.declaredEntryCount, path);
      const refuse = (name: string, reason: string): void =>
        context.diagnostics.add({ path, level: 'error', message: refusedEntryMessage(name, reason) });
      const members = await archive.listMembers(refuse, context.signal);
      const opened = archive;
      context.resources.defer(() => opened.close());
      context.table.markArchive(path);
      for (const member of members) {
        if (member.path === '') continue;
        context.table.add(`${path}!/`, member.path, {
          isDirectory: member.isDirectory,
          size: member.size,
          compressedSize: member.compressedSize,
          content: member.isDirectory ? { type: 'directory' } : { type: 'zip-member', archive: opened, member },
        });
      }
    } catch (error) {
      archive?.close();
      if (!(error instanceof BundleError) || error instanceof BundleLimitError) throw error;
      context.diagnostics.add({ path, level: 'error', message: `cannot open nested zip: ${error.message}` });
    }
  }
}

/**
 * The nested zip's bytes for random access: in place when they already are (stored in a zip,
 * a tar.gz member, a file on disk), else inflated once into memory or the temp folder.
 */
async function nestedContent(entry: TableEntry, context: OpenContext): Promise<ByteStore> {
  const content = entry.content;
  const fail = (cause: unknown): Error => entryReadError(context.location, entry, cause);
  switch (content.type) {
    case 'bytes':
      return content.store;
    case 'fs-file': {
      const handle = await openContainedFile(content.rootRealPath, content.absolutePath, entry.path).catch((cause: unknown) => {
        throw fail(cause);
      });
      context.resources.defer(() => handle.close());
      return new FileStore(handle, 0, (await handle.stat()).size);
    }
    case 'zip-member':
      if (content.member.isStored) {
        return content.archive.storedContent(content.member).catch((cause: unknown) => {
          throw fail(cause);
        });
      }
      break;
    case 'directory':
      break;
  }
  const stream = await openEntryStream(entry, context.location);
  const inMemoryLimit = Math.min(IN_MEMORY_NESTED_BYTES, context.limits.maxReadBytes);
  if (entry.size <= inMemoryLimit) {
    const tooBig = (): Error => fail(new Error('too many bytes in the stream'));
    return new BufferStore(await readAllBounded(stream, entry.size, tooBig, entry.size));
  }
  const spill = await SpillFile.create(context.temp, 'nested.zip');
  context.resources.defer(() => spill.close());
  return spill.append(stream);
}
