import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import { BundleError, BundleFormatError } from '../errors.js';
import { BufferStore, type ByteStore } from './byte-store.js';
import { addEntriesBelowRoot, detectBundleRoot, type ListedEntry } from './bundle-root.js';
import { checkEntryName, refusedEntryMessage } from './entry-name.js';
import { limitExceeded } from './limit-budget.js';
import type { OpenContext } from './open-context.js';
import { SpillFile } from './spill-file.js';
import { messageOf } from './zip-archive.js';

/** Members up to this size stay in memory, while the in-memory total stays under the next constant. */
const IN_MEMORY_MEMBER_BYTES = 64 * 1024;
const IN_MEMORY_TOTAL_BYTES = 64 * 1024 * 1024;

/**
 * Lists a tar.gz bundle into the context's table. A tar.gz has no index, so this is one pass
 * over the whole gunzipped stream: each member's content is kept (small ones in memory, the rest
 * appended to one spill file in the private temp folder) so later reads need no second pass.
 * Links are never materialised, only refused; nothing is written but the spill file.
 */
export async function listTarGzBundle(input: Readable, context: OpenContext): Promise<string> {
  const { location, limits, signal } = context;
  const report = (level: 'error' | 'warning', message: string): void =>
    context.diagnostics.add({ path: '', level, message });
  const listed: ListedEntry[] = [];
  let spill: SpillFile | undefined;
  let inMemoryBytes = 0;
  let memberCount = 0;

  const keep = async (member: AsyncIterable<Buffer>, size: number): Promise<ByteStore> => {
    if (size <= IN_MEMORY_MEMBER_BYTES && inMemoryBytes + size <= IN_MEMORY_TOTAL_BYTES) {
      inMemoryBytes += size;
      const chunks: Buffer[] = [];
      for await (const chunk of member) chunks.push(chunk);
      return new BufferStore(Buffer.concat(chunks));
    }
    if (spill === undefined) {
      const created = await SpillFile.create(context.temp, 'tar-members');
      context.resources.defer(() => created.close());
      spill = created;
    }
    return spill.append(member);
  };

  const extract = tarStream.extract();
  const [countCompressed, gunzip, countInflated] = boundedGunzip(context);
  const feeding = pipeline(input, countCompressed, gunzip, countInflated, extract as unknown as NodeJS.WritableStream, {
    signal,
  });
  // Failures surface through the extract iterator too; this keeps the second copy from being unhandled.
  feeding.catch(() => undefined);
  try {
    for await (const member of extract) {
      signal?.throwIfAborted();
      // tar-stream (streamx) types its chunks as unknown; they are Buffers.
      const data = member as AsyncIterable<unknown> as AsyncIterable<Buffer>;
      if (++memberCount > limits.maxEntries) {
        throw limitExceeded(location, 'maxEntries', limits.maxEntries, `the tar.gz holds more than ${limits.maxEntries} entries`);
      }
      const { name, type, size, linkname } = member.header;
      const kind = type as string | null;
      if (kind === 'symlink' || kind === 'link') {
        const link = kind === 'link' ? 'hard link' : 'symbolic link';
        report('error', refusedEntryMessage(name, `${link} to ${linkname ?? '(none)'} refused`));
        await drain(data);
        continue;
      }
      if (kind !== 'file' && kind !== 'contiguous-file' && kind !== 'directory') {
        report('warning', `skipped entry ${JSON.stringify(name)}: ${kind ?? 'unknown'} entries are not read`);
        await drain(data);
        continue;
      }
      const checked = checkEntryName(name);
      if (!checked.ok || checked.path === '') {
        if (!checked.ok) report('error', refusedEntryMessage(name, checked.reason));
        await drain(data);
        continue;
      }
      if (kind === 'directory') {
        listed.push({ path: checked.path, isDirectory: true, size: 0, content: { type: 'directory' } });
        await drain(data);
        continue;
      }
      context.budget.checkEntrySize(checked.path, size);
      const store = await keep(data, size);
      listed.push({ path: checked.path, isDirectory: false, size: store.size, content: { type: 'bytes', store } });
    }
    await feeding;
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (cause instanceof BundleError) throw cause;
    throw new BundleFormatError(`${location}: not a readable tar.gz (truncated or corrupt): ${messageOf(cause)}`, {
      path: location,
      cause,
    });
  }
  const root = detectBundleRoot(listed, location, 'archive');
  addEntriesBelowRoot(listed, root, context.table, (diagnostic) => context.diagnostics.add(diagnostic));
  return root;
}

async function drain(member: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of member) void chunk;
}

/**
 * gunzip, bounded: a gzip bomb is stopped by the bytes it actually inflates to (maxTotalBytes),
 * and early by their ratio to the compressed bytes read so far (maxCompressionRatio).
 */
function boundedGunzip(context: OpenContext): [Transform, Transform, Transform] {
  const { limits, location } = context;
  let compressedBytes = 0;
  let inflatedBytes = 0;
  const countCompressed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      compressedBytes += chunk.length;
      done(null, chunk);
    },
  });
  const countInflated = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflatedBytes += chunk.length;
      const ratio = inflatedBytes / Math.max(compressedBytes, 1);
      if (inflatedBytes > limits.maxTotalBytes) {
        const what = `gunzips to more than ${limits.maxTotalBytes} bytes (gzip bomb?)`;
        done(limitExceeded(location, 'maxTotalBytes', limits.maxTotalBytes, what));
      } else if (inflatedBytes > limits.compressionRatioMinBytes && ratio > limits.maxCompressionRatio) {
        const what = `gunzips ${Math.round(ratio)}x (${inflatedBytes} bytes from ${compressedBytes}; gzip bomb?)`;
        done(limitExceeded(location, 'maxCompressionRatio', limits.maxCompressionRatio, what));
      } else {
        done(null, chunk);
      }
    },
  });
  return [countCompressed, createGunzip(), countInflated];
}
