import type { Readable } from 'node:stream';
import type { Diagnostic } from '../diagnostics.js';
import { BundleEntryNotFoundError, BundleError } from '../errors.js';
import type { BundleFormat, BundleSource, SourceEntry } from './bundle-source.js';
import { openEntryStream, readAllBounded } from './content-reader.js';
import type { TableEntry } from './entry-table.js';
import { limitExceeded } from './limit-budget.js';
import type { OpenContext } from './open-context.js';

/** A listed bundle, whatever its format: reads go by bundle path to the entry's content. */
export class OpenedBundle implements BundleSource {
  readonly format: BundleFormat;
  readonly location: string;
  readonly root: string;
  readonly entries: readonly SourceEntry[];
  readonly diagnostics: readonly Diagnostic[];
  readonly #context: OpenContext;
  readonly #streams = new Set<Readable>();
  #closing: Promise<void> | undefined;

  constructor(format: BundleFormat, root: string, context: OpenContext) {
    this.format = format;
    this.location = context.location;
    this.root = root;
    this.entries = Object.freeze(context.table.list());
    this.diagnostics = Object.freeze(context.diagnostics.list());
    this.#context = context;
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
