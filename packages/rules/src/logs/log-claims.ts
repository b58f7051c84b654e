/**
 * Who reads each log when the main thread and the log thread share the rules' logs (a pass
 * without patterns): the thread takes logs from the front of the list, the main thread — once a
 * rule waits on a log the thread has not read yet — from the back, so both cores read until every
 * log is read, and each log is read once. One Int32 per log in shared memory; a log is taken with
 * a compare-and-swap, so the two never both read it.
 */
export const UNCLAIMED = 0;
export const BY_THREAD = 1;
export const BY_MAIN = 2;
export type Claimant = typeof BY_THREAD | typeof BY_MAIN;

export class LogClaims {
  /** The shared logs' paths, in the thread's order. */
  readonly paths: readonly string[];
  readonly #cells: Int32Array;
  readonly #index: Map<string, number>;
  /** Lowest index that may still be unclaimed from the back (the main thread's cursor). */
  #back: number;

  /** `shared`: the buffer the other side made (in the thread); omitted, a new one. */
  constructor(paths: readonly string[], shared?: SharedArrayBuffer) {
    this.paths = paths;
    this.#cells = new Int32Array(shared ?? new SharedArrayBuffer(Math.max(1, paths.length) * Int32Array.BYTES_PER_ELEMENT));
    this.#index = new Map(paths.map((path, index) => [path, index]));
    this.#back = paths.length - 1;
  }

  get buffer(): SharedArrayBuffer {
    return this.#cells.buffer as SharedArrayBuffer;
  }

  /** Takes the log at `path` for `by`; true when it was free or already `by`'s, or is not shared (each side reads its own). */
  claim(path: string, by: Claimant): boolean {
    const index = this.#index.get(path);
    if (index === undefined) return true;
    const before = Atomics.compareExchange(this.#cells, index, UNCLAIMED, by);
    return before === UNCLAIMED || before === by;
  }

  /** Who reads the log at `path`, or UNCLAIMED (also for a log that is not shared). */
  owner(path: string): number {
    const index = this.#index.get(path);
    return index === undefined ? UNCLAIMED : Atomics.load(this.#cells, index);
  }

  /** Takes the last free log for `by`: its path, or undefined when every log is taken. */
  claimLast(by: Claimant): string | undefined {
    for (; this.#back >= 0; this.#back -= 1) {
      if (Atomics.compareExchange(this.#cells, this.#back, UNCLAIMED, by) === UNCLAIMED) return this.paths[this.#back--];
    }
    return undefined;
  }
}
