import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

const CHUNK_BYTES = 64 * 1024;

/**
 * A read-only range of bytes, in memory or in an open file. Zips are read through one of these
 * (random access), so a nested zip stored inside another archive is read in place as a slice of
 * its container, never copied.
 */
export interface ByteStore {
  readonly size: number;
  /** Reads up to `length` bytes from `position`; returns fewer only at the end of the store. */
  read(target: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** The same, in one blocking call: for a few kB, a thread-pool round trip costs more than the read. */
  readSync(target: Buffer, offset: number, length: number, position: number): number;
  /** Bytes `[start, end)` as a stream, in chunks of `chunkBytes` (64 KiB by default). */
  stream(start: number, end: number, chunkBytes?: number): Readable;
  /** A view of `length` bytes from `start`, sharing the same memory or file. */
  slice(start: number, length: number): ByteStore;
}

export class BufferStore implements ByteStore {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  get size(): number {
    return this.#bytes.length;
  }

  async read(target: Buffer, offset: number, length: number, position: number): Promise<number> {
    return this.readSync(target, offset, length, position);
  }

  readSync(target: Buffer, offset: number, length: number, position: number): number {
    return this.#bytes.copy(target, offset, position, Math.min(position + length, this.#bytes.length));
  }

  stream(start: number, end: number, chunkBytes = CHUNK_BYTES): Readable {
    const bytes = this.#bytes.subarray(start, end);
    return Readable.from(chunks(bytes, chunkBytes), { objectMode: false });
  }

  slice(start: number, length: number): ByteStore {
    return new BufferStore(this.#bytes.subarray(start, start + length));
  }
}

function* chunks(bytes: Buffer, chunkBytes: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
}

/** A byte range of an open file. The handle belongs to whoever opened it; it is never closed here. */
export class FileStore implements ByteStore {
  readonly #handle: FileHandle;
  readonly #start: number;
  readonly size: number;

  constructor(handle: FileHandle, start: number, size: number) {
    this.#handle = handle;
    this.#start = start;
    this.size = size;
  }

  async read(target: Buffer, offset: number, length: number, position: number): Promise<number> {
    const wanted = Math.max(0, Math.min(length, this.size - position));
    let done = 0;
    while (done < wanted) {
      const { bytesRead } = await this.#handle.read(target, offset + done, wanted - done, this.#start + position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  }

  readSync(target: Buffer, offset: number, length: number, position: number): number {
    const wanted = Math.max(0, Math.min(length, this.size - position));
    let done = 0;
    while (done < wanted) {
      const bytesRead = readSync(this.#handle.fd, target, offset + done, wanted - done, this.#start + position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  }

  stream(start: number, end: number, chunkBytes = CHUNK_BYTES): Readable {
    return new FileRangeReadable(this.#handle, this.#start + start, this.#start + Math.min(end, this.size), chunkBytes);
  }

  slice(start: number, length: number): ByteStore {
    return new FileStore(this.#handle, this.#start + start, Math.min(length, this.size - start));
  }
}

/** Positional reads, so any number of streams can share one handle. */
class FileRangeReadable extends Readable {
  readonly #handle: FileHandle;
  #position: number;
  readonly #end: number;
  readonly #chunkBytes: number;

  constructor(handle: FileHandle, start: number, end: number, chunkBytes: number) {
    super({ highWaterMark: chunkBytes });
    this.#handle = handle;
    this.#position = start;
    this.#end = end;
    this.#chunkBytes = chunkBytes;
  }

  override _read(size: number): void {
    const length = Math.min(Math.max(size, this.#chunkBytes), this.#end - this.#position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    this.#handle.read(buffer, 0, length, this.#position).then(
      ({ bytesRead }) => {
        if (bytesRead === 0) {
          this.destroy(new Error(`unexpected end of file at byte ${this.#position}`));
          return;
        }
        this.#position += bytesRead;
        this.push(buffer.subarray(0, bytesRead));
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
