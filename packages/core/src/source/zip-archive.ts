import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { BundleFormatError } from '../errors.js';
import type { ByteStore } from './byte-store.js';
import { checkEntryName } from './entry-name.js';

const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;
const STORED = 0;
const DEFLATED = 8;

/** One listed member of a zip, its name checked. */
export interface ZipMember {
  /** Checked name, `/`-separated, without the trailing `/` of directories. */
  readonly path: string;
  readonly isDirectory: boolean;
  /** Declared uncompressed size (0 for directories). */
  readonly size: number;
  readonly compressedSize: number;
  /** Stored members can be read in place, as a byte range of the archive. */
  readonly isStored: boolean;
  readonly entry: yauzl.Entry;
}

/** Called for a member that is not listed, with its raw name and why. */
export type RefuseMember = (name: string, reason: string) => void;

/**
 * A zip read through its central directory (yauzl, random access over a `ByteStore`). Names are
 * decoded here rather than by yauzl: with `decodeStrings` yauzl turns `\` into `/` and fails the
 * whole listing on the first unsafe name, where we refuse that one entry and go on.
 */
export class ZipArchive {
  readonly #zipfile: yauzl.ZipFile;
  readonly #store: ByteStore;
  /** What messages name: the zip's location, or its bundle path when nested. */
  readonly label: string;

  private constructor(zipfile: yauzl.ZipFile, store: ByteStore, label: string) {
    this.#zipfile = zipfile;
    this.#store = store;
    this.label = label;
  }

  static async open(store: ByteStore, label: string): Promise<ZipArchive> {
    const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      try {
        yauzl.fromRandomAccessReader(
          new StoreReader(store),
          store.size,
          { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
          (error, opened) => (error ? reject(error) : resolve(opened)),
        );
      } catch (error) {
        reject(error);
      }
    }).catch((cause: unknown) => {
      throw new BundleFormatError(`${label}: not a readable zip (truncated or corrupt): ${openFailureReason(cause, store.size)}`, {
        path: label,
        cause,
      });
    });
    return new ZipArchive(zipfile, store, label);
  }

  /** As declared by the end-of-central-directory record, before anything is listed. */
  get declaredEntryCount(): number {
    return this.#zipfile.entryCount;
  }

  /** Every member in archive order; unsafe or unreadable ones go to `refuse` instead. */
  async listMembers(refuse: RefuseMember, signal?: AbortSignal): Promise<ZipMember[]> {
    const zipfile = this.#zipfile;
    const members: ZipMember[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const onEntry = (entry: yauzl.Entry): void => {
          if (signal?.aborted) {
            cleanup();
            reject(signal.reason);
            return;
          }
          const member = toMember(entry, refuse);
          if (member !== undefined) members.push(member);
          zipfile.readEntry();
        };
        const onEnd = (): void => {
          cleanup();
          resolve();
        };
        const onError = (error: unknown): void => {
          cleanup();
          reject(error);
        };
        const cleanup = (): void => {
          zipfile.off('entry', onEntry).off('end', onEnd).off('error', onError);
        };
        zipfile.on('entry', onEntry).on('end', onEnd).on('error', onError);
        zipfile.readEntry();
      });
    } catch (cause) {
      if (signal?.aborted && cause === signal.reason) throw cause;
      throw new BundleFormatError(`${this.label}: corrupt zip central directory: ${messageOf(cause)}`, {
        path: this.label,
        cause,
      });
    }
    return members;
  }

  /**
   * The member's content, inflated; the stream fails if it inflates to other than declared.
   * Errors carry yauzl's wording ("too many bytes", "not enough bytes"): the caller knows the
   * member's bundle path and maps them (`entryReadError`).
   *
   * Deflated members are inflated here rather than by yauzl: yauzl's inflate hands out 16 KiB
   * per round trip through the thread pool, and streaming a few hundred MB of logs that way
   * spent most of its time waiting between round trips (a 21 × 8 MiB log set read at
   * ≈ 200 MB/s against ≈ 1 GB/s for one-shot inflation). Larger reads and output chunks keep
   * memory per stream at a few chunks.
   */
  async openMemberStream(member: ZipMember): Promise<Readable> {
    if (member.isStored) return this.#zipfile.openReadStreamPromise(member.entry);
    const { fileDataStart } = await this.#zipfile.readLocalFileHeaderPromise(member.entry, { minimal: true });
    const compressed = this.#store.stream(fileDataStart, fileDataStart + member.compressedSize, COMPRESSED_CHUNK);
    const inflate = createInflateRaw({ chunkSize: INFLATED_CHUNK });
    const checked = new DeclaredSizeCheck(member.size);
    // Any failure destroys all three with the error, so it surfaces on the stream handed out.
    pipeline(compressed, inflate, checked, () => {});
    return checked;
  }

  /**
   * A small member's bytes, read and inflated in one blocking call each: most members of a bundle
   * are YAML lists of a few kB, for which the local header read, the compressed read and the
   * streamed inflation were several thread-pool round trips that left the decoder idle.
   * Undefined for a member larger than `maxBytes` (stream it). Held to the declared size, with
   * the stream's words when it is not.
   */
  readSmallMember(member: ZipMember, maxBytes: number): Buffer | undefined {
    if (member.isDirectory || member.size > maxBytes || member.compressedSize > maxBytes) return undefined;
    const header = Buffer.allocUnsafe(LOCAL_HEADER_BYTES);
    const offset = member.entry.relativeOffsetOfLocalHeader;
    if (this.#store.readSync(header, 0, LOCAL_HEADER_BYTES, offset) !== LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
      throw new Error(`invalid local file header signature at byte ${offset}`);
    }
    const dataStart = offset + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
    const compressed = Buffer.allocUnsafe(member.compressedSize);
    const read = this.#store.readSync(compressed, 0, member.compressedSize, dataStart);
    if (read !== member.compressedSize) throw new Error(`unexpected end of file at byte ${dataStart + read}`);
    let bytes: Buffer;
    if (member.isStored) bytes = compressed;
    else {
      try {
        // One byte more than declared: enough to tell "more" from "exactly".
        bytes = inflateRawSync(compressed, { maxOutputLength: member.size + 1 });
      } catch (cause) {
        if ((cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`too many bytes in the stream. expected ${member.size}. got at least ${member.size + 1}`);
        throw cause;
      }
    }
    if (bytes.length > member.size) throw new Error(`too many bytes in the stream. expected ${member.size}. got at least ${bytes.length}`);
    if (bytes.length < member.size) throw new Error(`not enough bytes in the stream. expected ${member.size}. got only ${bytes.length}`);
    return bytes;
  }

  /** A stored member's bytes as a slice of the archive itself, for reading a nested zip in place. */
  async storedContent(member: ZipMember): Promise<ByteStore> {
    const { fileDataStart } = await this.#zipfile.readLocalFileHeaderPromise(member.entry, { minimal: true });
    return this.#store.slice(fileDataStart, member.compressedSize);
  }

  close(): void {
    this.#zipfile.close();
  }
}

function toMember(entry: yauzl.Entry, refuse: RefuseMember): ZipMember | undefined {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  const checked = checkEntryName(name);
  if (!checked.ok) return void refuse(name, checked.reason);
  const mode = entry.externalFileAttributes >>> 16;
  if (entry.versionMadeBy >> 8 === UNIX_HOST && (mode & FILE_TYPE_MASK) === SYMLINK_TYPE) {
    return void refuse(name, 'symbolic link refused');
  }
  if (checked.isDirectory) {
    return { path: checked.path, isDirectory: true, size: 0, compressedSize: 0, isStored: true, entry: readingFields(entry) };
  }
  if (entry.isEncrypted()) return void refuse(name, 'encrypted entry, cannot be read');
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    return void refuse(name, `unsupported compression method ${entry.compressionMethod}`);
  }
  return {
    path: checked.path,
    isDirectory: false,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    isStored: entry.compressionMethod === STORED,
    entry: readingFields(entry),
  };
}

/**
 * The part of yauzl's entry that reading a member needs. A whole entry keeps its name, extra
 * fields and comment as Buffer views (about 1 KB a member): 200 MB for a bundle of 200,000
 * tiny files, which has to open within the CLI's 512 MB.
 */
function readingFields(entry: yauzl.Entry): yauzl.Entry {
  const slim = Object.create(yauzl.Entry.prototype) as yauzl.Entry;
  slim.compressionMethod = entry.compressionMethod;
  slim.generalPurposeBitFlag = entry.generalPurposeBitFlag;
  slim.compressedSize = entry.compressedSize;
  slim.uncompressedSize = entry.uncompressedSize;
  slim.relativeOffsetOfLocalHeader = entry.relativeOffsetOfLocalHeader;
  return slim;
}

/**
 * yauzl's end-of-central-directory messages ("Invalid comment length. Expected: 33735…", "End of
 * central directory record signature not found…") describe its parser, not the file: the usual
 * cause is a download cut short, so say that, with the size the user can compare.
 */
function openFailureReason(cause: unknown, size: number): string {
  const message = messageOf(cause);
  if (/^(invalid comment length|end of central directory record signature not found|invalid zip64 end of central directory)/i.test(message)) {
    return `no end-of-archive record (${size} bytes; download cut short?)`;
  }
  return message;
}

export function messageOf(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
}

/**
 * yauzl's reader interface over a ByteStore. Closing is the store owner's business.
 *
 * yauzl reads the central directory (and each local header) with two small reads per entry;
 * as separate async reads that is thousands of round trips through the thread pool for a large
 * bundle, which dominated opening one. Small reads are therefore served from one read-ahead
 * block, so listing a directory of N entries costs about size / READ_AHEAD reads.
 */
class StoreReader extends yauzl.RandomAccessReader {
  readonly #store: ByteStore;
  #block: { start: number; bytes: Buffer } | undefined;

  constructor(store: ByteStore) {
    super();
    this.#store = store;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.#store.stream(start, end);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead?: number) => void,
  ): void {
    this.#readThroughBlock(buffer, offset, length, position).then(
      (bytesRead) => callback(null, bytesRead),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  async #readThroughBlock(buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    if (length > READ_AHEAD) return this.#store.read(buffer, offset, length, position);
    let block = this.#block;
    if (!block || position < block.start || position + length > block.start + block.bytes.length) {
      const wanted = Math.max(0, Math.min(READ_AHEAD, this.#store.size - position));
      const bytes = Buffer.allocUnsafe(wanted);
      const got = await this.#store.read(bytes, 0, wanted, position);
      block = { start: position, bytes: bytes.subarray(0, got) };
      this.#block = block;
    }
    const from = position - block.start;
    return block.bytes.copy(buffer, offset, from, Math.min(from + length, block.bytes.length));
  }

  override close(callback: (error: Error | null) => void): void {
    setImmediate(callback, null);
  }
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
/** A local file header without its name and extra field (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;
/** Bytes read at once for yauzl's small reads (central directory entries, local headers). */
const READ_AHEAD = 64 * 1024;
/** Compressed bytes read at once, and inflated bytes handed out at once, by a member stream. */
const COMPRESSED_CHUNK = 64 * 1024;
const INFLATED_CHUNK = 256 * 1024;

/** Fails when the inflated bytes differ from the size the zip declares (yauzl's own check, same words). */
class DeclaredSizeCheck extends Transform {
  readonly #expected: number;
  #actual = 0;

  constructor(expected: number) {
    super();
    this.#expected = expected;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#actual += chunk.length;
    if (this.#actual > this.#expected) {
      callback(new Error(`too many bytes in the stream. expected ${this.#expected}. got at least ${this.#actual}`));
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#actual < this.#expected) {
      callback(new Error(`not enough bytes in the stream. expected ${this.#expected}. got only ${this.#actual}`));
      return;
    }
    callback();
  }
}
