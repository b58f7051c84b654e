import type { FileHandle } from 'node:fs/promises';
import { FileStore, type ByteStore } from './byte-store.js';
import type { TempSpace } from './temp-space.js';

/**
 * An append-only file in the private temp folder. Members of a tar.gz and inflated nested zips
 * are written one after another, and each is read back as a slice: one file, one handle.
 */
export class SpillFile {
  readonly #handle: FileHandle;
  readonly #temp: TempSpace;
  #size = 0;

  private constructor(handle: FileHandle, temp: TempSpace) {
    this.#handle = handle;
    this.#temp = temp;
  }

  static async create(temp: TempSpace, purpose: string): Promise<SpillFile> {
    return new SpillFile(await temp.createFile(purpose), temp);
  }

  /** Writes the whole stream at the end of the file; returns its bytes as a store. */
  async append(content: AsyncIterable<Buffer>): Promise<ByteStore> {
    const start = this.#size;
    for await (const chunk of content) {
      let written = 0;
      while (written < chunk.length) {
        const { bytesWritten } = await this.#handle
          .write(chunk, written, chunk.length - written, this.#size)
          .catch((cause: unknown) => {
            throw this.#temp.writeError(cause);
          });
        written += bytesWritten;
        this.#size += bytesWritten;
      }
    }
    return new FileStore(this.#handle, start, this.#size - start);
  }

  async close(): Promise<void> {
    await this.#handle.close();
  }
}
