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
  readonly #cells: Int32Array;
  /** Lowest index that may still be unclaimed from the back (the main thread's cursor). */
  #back: number;

  /** `shared`: the buffer the other side made (in the thread); omitted, a new one for `count` logs. */
  constructor(count: number, shared?: SharedArrayBuffer) {
    this.#cells = new Int32Array(shared ?? new SharedArrayBuffer(Math.max(1, count) * Int32Array.BYTES_PER_ELEMENT));
    this.#back = count - 1;
  }

  get buffer(): SharedArrayBuffer {
    return this.#cells.buffer as SharedArrayBuffer;
  }

  /** Takes log `index` for `by`; true when it was free (or already `by`'s). */
  claim(index: number, by: Claimant): boolean {
    const before = Atomics.compareExchange(this.#cells, index, UNCLAIMED, by);
    return before === UNCLAIMED || before === by;
  }

  /** Who reads log `index`, or UNCLAIMED. */
  owner(index: number): number {
    return Atomics.load(this.#cells, index);
  }

  /** Takes the last free log for `by`: its index, or -1 when every log is taken. */
  claimLast(by: Claimant): number {
    for (; this.#back >= 0; this.#back -= 1) {
      if (Atomics.compareExchange(this.#cells, this.#back, UNCLAIMED, by) === UNCLAIMED) return this.#back--;
    }
    return -1;
  }
}
