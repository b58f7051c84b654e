import { PassThrough, type Readable } from 'node:stream';
import { BundleEntryNotFoundError, BundleError, BundleFormatError } from '../errors.js';
import { openContainedFile } from './contained-file.js';
import type { TableEntry } from './entry-table.js';
import { messageOf } from './zip-archive.js';

/**
 * An entry's content as a stream whose errors are BundleErrors naming the entry, whatever it is
 * stored in. Zip members are inflated and held to their declared size on the way.
 */
export async function openEntryStream(entry: TableEntry, location: string): Promise<Readable> {
  const content = entry.content;
  const fail = (cause: unknown): BundleError => entryReadError(location, entry, cause);
  let source: Readable;
  try {
    switch (content.type) {
      case 'directory':
        throw new BundleEntryNotFoundError(`${location}: "${entry.path}" is a folder, not a file`, { path: entry.path });
      case 'zip-member':
        source = await content.archive.openMemberStream(content.member);
        break;
      case 'bytes':
        source = content.store.stream(0, content.store.size);
        break;
      case 'fs-file': {
        const handle = await openContainedFile(content.rootRealPath, content.absolutePath, entry.path);
        // 1 MiB reads: logs are read whole, and 64 KiB reads were one thread-pool round trip each.
        source = handle.createReadStream({ highWaterMark: 1024 * 1024 });
        break;
      }
    }
  } catch (cause) {
    throw fail(cause);
  }
  return guardStream(source, fail);
}

/** A read failure as one line: inflation that disagrees with the declared size says so. */
export function entryReadError(location: string, entry: Pick<TableEntry, 'path' | 'size'>, cause: unknown): BundleError {
  if (cause instanceof BundleError) return cause;
  const message = messageOf(cause);
  const what = /too many bytes/.test(message)
    ? `declared ${entry.size} bytes, inflates to more`
    : /not enough bytes/.test(message)
      ? `declared ${entry.size} bytes, inflates to fewer`
      : `cannot read: ${message}`;
  return new BundleFormatError(`${location}: entry "${entry.path}": ${what}`, { path: entry.path, cause });
}

/**
 * Collects a stream into one Buffer, giving up (and destroying the stream) past `maxBytes`:
 * a declared size is checked before reading, but a folder's file can grow, and a cap that only
 * trusts headers is no cap. With the declared size, the bytes go straight into one Buffer of
 * that size: collecting chunks and concatenating them holds the content twice at the end
 * (200 MB for a 100 MB YAML file).
 */
export async function readAllBounded(stream: Readable, maxBytes: number, tooBig: () => Error, declaredBytes = 0): Promise<Buffer> {
  let whole = declaredBytes > 0 && declaredBytes <= maxBytes ? Buffer.allocUnsafe(declaredBytes) : undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (total + chunk.length > maxBytes) {
      stream.destroy();
      throw tooBig();
    }
    if (whole !== undefined && total + chunk.length <= whole.length) {
      chunk.copy(whole, total);
    } else {
      // More than declared (a file that grew): fall back to chunks.
      if (whole !== undefined) chunks.push(whole.subarray(0, total));
      whole = undefined;
      chunks.push(chunk);
    }
    total += chunk.length;
  }
  if (whole !== undefined) return total === whole.length ? whole : Buffer.from(whole.subarray(0, total));
  // Always a copy: chunks of in-memory members are views of the source's own memory.
  return Buffer.concat(chunks, total);
}

/** Re-emits `source` with its errors mapped; destroying the result destroys the source. */
function guardStream(source: Readable, mapError: (cause: unknown) => Error): Readable {
  const guarded = new PassThrough({ highWaterMark: 64 * 1024 });
  source.once('error', (cause) => guarded.destroy(mapError(cause)));
  guarded.once('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(guarded);
  return guarded;
}
