/**
 * The gaps between consecutive occurrences of a template in one log, counted in buckets that
 * grow by 10 % (so 30 s and 31 s share a bucket, 30 s and 60 s do not). A few hundred buckets
 * cover a millisecond to a month: memory stays flat however long the log is.
 */
const GROWTH = 1.1;
const LOG_GROWTH = Math.log(GROWTH);

export class IntervalHistogram {
  readonly #counts = new Map<number, { count: number; sumMs: number }>();
  #total = 0;

  add(intervalMs: number): void {
    const bucket = intervalMs <= 0 ? -1 : Math.floor(Math.log(intervalMs) / LOG_GROWTH);
    const entry = this.#counts.get(bucket);
    if (entry) {
      entry.count += 1;
      entry.sumMs += intervalMs;
    } else {
      this.#counts.set(bucket, { count: 1, sumMs: intervalMs });
    }
    this.#total += 1;
  }

  get total(): number {
    return this.#total;
  }

  /**
   * The most common interval: the three neighbouring buckets (±15 %) holding the most gaps, with
   * how many gaps fall there and their mean.
   */
  dominant(): { count: number; meanMs: number } | undefined {
    let best: { count: number; meanMs: number } | undefined;
    for (const bucket of this.#counts.keys()) {
      if (bucket < 0) continue;
      let count = 0;
      let sumMs = 0;
      for (const neighbour of [bucket - 1, bucket, bucket + 1]) {
        const entry = this.#counts.get(neighbour);
        if (!entry) continue;
        count += entry.count;
        sumMs += entry.sumMs;
      }
      if (!best || count > best.count) best = { count, meanMs: sumMs / count };
    }
    return best;
  }
}
