import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleIoError } from '../errors.js';

/**
 * The one private folder a source may write to (`bundle-triage-XXXXXX`, mode 0700), created on
 * first use and removed with everything in it on dispose. Names inside it are chosen here, never
 * taken from the bundle, so nothing can be written anywhere else.
 */
export class TempSpace {
  readonly #parent: string;
  #folder: Promise<string> | undefined;
  #files = 0;

  constructor(parent: string | undefined) {
    this.#parent = parent ?? tmpdir();
  }

  /** Creates a new empty file, open for reading and writing. */
  async createFile(purpose: string): Promise<FileHandle> {
    try {
      this.#folder ??= mkdtemp(join(this.#parent, 'bundle-triage-'));
      const folder = await this.#folder;
      const name = `${String(++this.#files).padStart(4, '0')}-${purpose.replace(/[^a-z0-9.-]/gi, '_')}`;
      return await open(join(folder, name), 'wx+', 0o600);
    } catch (cause) {
      throw tempSpaceError(this.#parent, cause);
    }
  }

  /** A failed write into the folder (disk full), as a BundleError that blames the temp folder. */
  writeError(cause: unknown): BundleIoError {
    return tempSpaceError(this.#parent, cause);
  }

  /** Removes the folder. Handles to its files must be closed first. */
  async dispose(): Promise<void> {
    const folder = this.#folder;
    this.#folder = undefined;
    if (folder === undefined) return;
    const path = await folder.catch(() => undefined);
    if (path !== undefined) await rm(path, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Not the bundle's fault: say so, so that it is not mistaken for a damaged archive. */
export function tempSpaceError(parent: string, cause: unknown): BundleIoError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new BundleIoError(`cannot write to the temp folder in ${parent}: ${message}; set tempDir to a writable folder`, {
    path: parent,
    cause,
  });
}
