import type { Readable } from 'node:stream';
import type { Diagnostic } from '../diagnostics.js';
import { BundleEntryNotFoundError, BundleError, BundleFormatError } from '../errors.js';
import type { BundleFormat, BundleSource, NestedArchiveKinds, SourceEntry } from './bundle-source.js';
import { readSmallContainedFile } from './contained-file.js';
import { entryReadError, openEntryStream, readAllBounded } from './content-reader.js';
import type { TableEntry } from './entry-table.js';
import { limitExceeded } from './limit-budget.js';
import { openNodeArchives } from './nested-archives.js';
import type { OpenContext } from './open-context.js';
import { openSupportconfigArchives } from './supportconfig-archives.js';
import { messageOf } from './zip-archive.js';

/** Files and zip members up to this size are read whole in one blocking call (readSmallContainedFile, ZipArchive.readSmallMember). */
const SMALL_FILE_BYTES = 1024 * 1024;

/** A listed bundle, whatever its format: reads go by bundle path to the entry's content. */
export class OpenedBundle implements BundleSource {
  readonly format: BundleFormat;
  readonly location: string;
  readonly root: string;
  #entries: readonly SourceEntry[];
  #diagnostics: readonly Diagnostic[];
  readonly #context: OpenContext;
  readonly #streams = new Set<Readable>();
  readonly #opened = { nodeBundles: false, supportconfig: false };
  #opening: { nodeBundles?: Promise<void>; supportconfig?: Promise<void> } = {};
  #closing: Promise<void> | undefined;

  constructor(format: BundleFormat, root: string, context: OpenContext) {
    this.format = format;
    this.location = context.location;
    this.root = root;
    this.#context = context;
    this.#entries = Object.freeze(context.table.list());
    this.#diagnostics = Object.freeze(context.diagnostics.list());
  }

  get entries(): readonly SourceEntry[] {
    return this.#entries;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }

  get nestedOpened(): NestedArchiveKinds {
    return { ...this.#opened };
  }

  async openNested(kinds: Partial<NestedArchiveKinds>): Promise<void> {
    if (kinds.nodeBundles || kinds.supportconfig) {
      this.#opening.nodeBundles ??= this.#openKind('nodeBundles', () => openNodeArchives(this.#context));
      await this.#opening.nodeBundles;
    }
    if (kinds.supportconfig) {
      this.#opening.supportconfig ??= this.#openKind('supportconfig', () => openSupportconfigArchives(this.#context));
      await this.#opening.supportconfig;
    }
  }

  async #openKind(kind: keyof NestedArchiveKinds, open: () => Promise<void>): Promise<void> {
    if (this.#closing !== undefined) throw this.#closedError('');
    try {
      await open();
    } catch (error) {
      // A failed open (a limit, an abort) is not remembered as done: asking again tries again.
      delete this.#opening[kind];
      if (this.#context.signal?.aborted) throw this.#context.signal.reason;
      if (error instanceof BundleError) throw error;
      throw new BundleFormatError(`${this.location}: cannot be read: ${messageOf(error)}`, { path: this.location, cause: error });
    }
    this.#opened[kind] = true;
    this.#entries = Object.freeze(this.#context.table.list());
    this.#diagnostics = Object.freeze(this.#context.diagnostics.list());
  }

  async readFile(path: string): Promise<Buffer> {
    const entry = this.#entry(path);
    const max = this.#context.limits.maxReadBytes;
    const tooBig = (size: string): BundleError =>
      limitExceeded(
        this.location,
        'maxReadBytes',
        max,
        `"${path}" is ${size} bytes`,
        path,
        'read it with openStream, or raise limits.maxReadBytes',
      );
    if (entry.size > max) throw tooBig(String(entry.size));
    const { content } = entry;
    if ((content.type === 'fs-file' || content.type === 'zip-member') && entry.size <= SMALL_FILE_BYTES) {
      if (this.#closing !== undefined) throw this.#closedError(path);
      let small: Buffer | undefined;
      try {
        small =
          content.type === 'fs-file'
            ? readSmallContainedFile(content.rootRealPath, content.absolutePath, path, Math.min(SMALL_FILE_BYTES, max))
            : content.archive.readSmallMember(content.member, Math.min(SMALL_FILE_BYTES, max));
      } catch (cause) {
        throw entryReadError(this.location, entry, cause);
      }
      // A file grown past the small size since it was listed is read as a stream, bounded by maxReadBytes.
      if (small !== undefined) return small;
    }
    return readAllBounded(await this.openStream(path), max, () => tooBig(`more than ${max}`), entry.size);
  }

  async openStream(path: string): Promise<Readable> {
    const stream = await openEntryStream(this.#entry(path), this.location);
    if (this.#closing !== undefined) {
      stream.destroy();
      throw this.#closedError(path);
    }
    this.#streams.add(stream);
    stream.once('close', () => this.#streams.delete(stream));
    return stream;
  }

  close(): Promise<void> {
    this.#closing ??= releaseContext(this.#context, this.#streams);
    return this.#closing;
  }

  #entry(path: string): TableEntry {
    if (this.#closing !== undefined) throw this.#closedError(path);
    const entry = this.#context.table.get(path);
    if (entry === undefined) {
      throw new BundleEntryNotFoundError(`${this.location}: no entry "${path}" in this bundle`, { path });
    }
    return entry;
  }

  #closedError(path: string): BundleError {
    return new BundleError('BUNDLE_CLOSED', `${this.location}: bundle source is closed, cannot read "${path}"`, { path });
  }
}

/** Destroys open streams, closes every handle, then removes the temp folder. */
export async function releaseContext(context: OpenContext, streams: Iterable<Readable> = []): Promise<void> {
  for (const stream of streams) stream.destroy();
  try {
    await context.resources.closeAll();
  } finally {
    await context.temp.dispose();
  }
}
