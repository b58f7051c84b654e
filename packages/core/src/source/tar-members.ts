import type { Readable } from 'node:stream';
import type TarStreamModule from 'tar-stream';
import { pipeline } from 'node:stream/promises';
import { BufferStore, type ByteStore } from './byte-store.js';
import type { ListedEntry } from './bundle-root.js';
import { checkEntryName, refusedEntryMessage } from './entry-name.js';
import { limitExceeded } from './limit-budget.js';
import type { OpenContext } from './open-context.js';
import { SpillFile } from './spill-file.js';

/**
 * How much of what is listed stays in memory: members up to `memberBytes` while `leftBytes` lasts
 * (shared by every listing it is passed to); the rest goes to the spill file.
 */
export interface InMemoryAllowance {
  memberBytes: number;
  leftBytes: number;
}

/** A tar.gz bundle: small members in memory, up to 64 MiB in all. */
export function tarGzAllowance(): InMemoryAllowance {
  return { memberBytes: 64 * 1024, leftBytes: 64 * 1024 * 1024 };
}

export interface TarListing {
  /** What messages name: the bundle's location, or the nested archive's bundle path. */
  label: string;
  /** Where refused and skipped members are reported (their names are quoted in the message). */
  report: (level: 'error' | 'warning', message: string) => void;
  memory: InMemoryAllowance;
}

export type TarStream = typeof TarStreamModule;

/**
 * The tar reader (`tar-stream`), loaded on first need: zips and folders, most bundles, never read
 * a tar. Load it before making the streams a listing reads, so none of them can fail unheard
 * while the module loads.
 */
export async function loadTarStream(): Promise<TarStream> {
  return (await import('tar-stream')).default;
}

/**
 * Lists a tar stream (the last of `stages`, piped together: a source and its decompressors) in one pass, keeping each member's content (small
 * ones in memory, the rest appended to one spill file in the private temp folder) so later reads
 * need no second pass. Links are refused, never materialised; names are checked like any entry
 * name; each member's size is checked before it is read. Rejects with the stream's error.
 */
export async function listTarMembers(
  tarStream: TarStream,
  stages: readonly [Readable, ...NodeJS.ReadWriteStream[]],
  context: OpenContext,
  listing: TarListing,
): Promise<ListedEntry[]> {
  const { limits, signal } = context;
  const listed: ListedEntry[] = [];
  let spill: SpillFile | undefined;
  let memberCount = 0;
  const { memory } = listing;

  const keep = async (member: AsyncIterable<Buffer>, size: number): Promise<ByteStore> => {
    if (size <= memory.memberBytes && size <= memory.leftBytes) {
      memory.leftBytes -= size;
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
  const feeding = pipeline([...stages, extract as unknown as NodeJS.WritableStream], { signal });
  // Failures surface through the extract iterator too; this keeps the second copy from being unhandled.
  feeding.catch(() => undefined);
  for await (const member of extract) {
    signal?.throwIfAborted();
    // tar-stream (streamx) types its chunks as unknown; they are Buffers.
    const data = member as AsyncIterable<unknown> as AsyncIterable<Buffer>;
    if (++memberCount > limits.maxEntries) {
      throw limitExceeded(context.location, 'maxEntries', limits.maxEntries, `${listing.label} holds more than ${limits.maxEntries} entries`, listing.label);
    }
    const { name, type, size, linkname } = member.header;
    const kind = type as string | null;
    if (kind === 'symlink' || kind === 'link') {
      const link = kind === 'link' ? 'hard link' : 'symbolic link';
      listing.report('error', refusedEntryMessage(name, `${link} to ${linkname ?? '(none)'} refused`));
      await drain(data);
      continue;
    }
    if (kind !== 'file' && kind !== 'contiguous-file' && kind !== 'directory') {
      listing.report('warning', `skipped entry ${JSON.stringify(name)}: ${kind ?? 'unknown'} entries are not read`);
      await drain(data);
      continue;
    }
    const checked = checkEntryName(name);
    if (!checked.ok || checked.path === '') {
      if (!checked.ok) listing.report('error', refusedEntryMessage(name, checked.reason));
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
  return listed;
}

async function drain(member: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of member) void chunk;
}
