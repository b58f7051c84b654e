import { openBundle, type Bundle } from '@bundle-triage/core';

export interface OpenBundlesOptions {
  /** Bundles open at once (default 2): each holds a file handle, its index and what was decoded. */
  maxOpen?: number;
  /** A bundle nobody has read for this long is closed (default 60 s). */
  idleCloseMs?: number;
  /**
   * Decoded resource files a bundle keeps between requests (default 32). Past it, they are let go
   * when the last request ends; the next read decodes again. Bounds the memory of a long browse.
   */
  maxDecodedFiles?: number;
  /** Where a tar.gz bundle's members spill while it is open (its private folder is removed on close). */
  tempDir: string;
}

interface Entry {
  key: string;
  bundle: Promise<Bundle>;
  users: number;
  lastUsed: number;
  idleTimer: NodeJS.Timeout | undefined;
}

/**
 * The bundles the object browser has open: a small cache, because opening a bundle reads its
 * central directory (a tar.gz: its whole stream) and describing an object decodes its list and
 * the events — work a page and the next click would repeat. Bounded three ways: at most
 * `maxOpen` bundles (a request for another waits until one is idle, which is then closed),
 * closed after `idleCloseMs` unused, and decoded objects let go past `maxDecodedFiles`. A bundle
 * is opened read-only from the store; the service never writes to it. Requests for one bundle
 * share it (the Bundle's reads are safe to interleave).
 */
export class OpenBundles {
  readonly #maxOpen: number;
  readonly #idleCloseMs: number;
  readonly #maxDecodedFiles: number;
  readonly #tempDir: string;
  readonly #entries = new Map<string, Entry>();
  /** Out of the cache (file gone, failed to open), closed when their last reader is done. */
  readonly #retired = new Set<Entry>();
  #closing = 0;
  #waiting: (() => void)[] = [];
  #closed = false;

  constructor(options: OpenBundlesOptions) {
    this.#maxOpen = Math.max(1, options.maxOpen ?? 2);
    this.#idleCloseMs = options.idleCloseMs ?? 60_000;
    this.#maxDecodedFiles = options.maxDecodedFiles ?? 32;
    this.#tempDir = options.tempDir;
  }

  /** Bundles open now (or opening, or closing). */
  get size(): number {
    return this.#entries.size + this.#retired.size + this.#closing;
  }

  /**
   * Runs `read` with the bundle stored at `path`, known by `key` (its SHA-256), opening it if it
   * is not open. An error opening it is `read`'s caller's (nothing is cached for it).
   */
  async use<T>(key: string, path: string, read: (bundle: Bundle) => Promise<T>): Promise<T> {
    const entry = await this.#acquire(key, path);
    try {
      return await read(await entry.bundle);
    } finally {
      this.#release(entry);
    }
  }

  /** Closes a bundle whose file is gone, now or when its last reader is done. */
  discard(key: string): void {
    const entry = this.#entries.get(key);
    if (entry) this.#retire(entry);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#wake();
    await Promise.all([...this.#entries.values(), ...this.#retired].map((entry) => this.#close(entry)));
  }

  async #acquire(key: string, path: string): Promise<Entry> {
    for (;;) {
      if (this.#closed) throw new Error('the service is closing');
      const open = this.#entries.get(key);
      if (open) {
        open.users += 1;
        clearTimeout(open.idleTimer);
        return open;
      }
      if (this.size < this.#maxOpen) return this.#open(key, path);
      const idle = [...this.#entries.values()].filter((entry) => entry.users === 0).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (idle) await this.#close(idle);
      else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #open(key: string, path: string): Entry {
    const entry: Entry = { key, bundle: openBundle(path, { tempDir: this.#tempDir }), users: 1, lastUsed: Date.now(), idleTimer: undefined };
    this.#entries.set(key, entry);
    // A bundle that cannot be opened is not kept: the next request tries again.
    entry.bundle.catch(() => this.#retire(entry));
    return entry;
  }

  #retire(entry: Entry): void {
    if (this.#entries.get(entry.key) !== entry) return;
    this.#entries.delete(entry.key);
    this.#retired.add(entry);
    if (entry.users === 0) void this.#close(entry);
  }

  #release(entry: Entry): void {
    entry.users -= 1;
    entry.lastUsed = Date.now();
    if (entry.users > 0) return;
    if (this.#retired.has(entry) || this.#closed) {
      void this.#close(entry);
      return;
    }
    void entry.bundle.then(
      (bundle) => {
        const held = bundle.heldResourceFiles({ partly: true });
        if (held.length > this.#maxDecodedFiles && entry.users === 0) for (const path of held) bundle.releaseResourceFile(path);
      },
      () => undefined,
    );
    entry.idleTimer = setTimeout(() => void this.#close(entry), this.#idleCloseMs);
    entry.idleTimer.unref();
    this.#wake();
  }

  /** Takes the entry out and closes its bundle; counted as open until it is closed. */
  async #close(entry: Entry): Promise<void> {
    if (this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key);
    else if (!this.#retired.delete(entry)) return;
    clearTimeout(entry.idleTimer);
    this.#closing += 1;
    try {
      await (await entry.bundle).close();
    } catch {
      // It never opened, or closing failed: nothing is held either way.
    } finally {
      this.#closing -= 1;
      this.#wake();
    }
  }

  #wake(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}
