/** Handles a source holds, released in reverse order of acquisition. */
export class ResourceStack {
  #closers: Array<() => unknown> = [];

  defer(closer: () => unknown): void {
    this.#closers.push(closer);
  }

  /** Runs every closer even when one fails; then rethrows the first failure. */
  async closeAll(): Promise<void> {
    const closers = this.#closers.reverse();
    this.#closers = [];
    let failure: { error: unknown } | undefined;
    for (const closer of closers) {
      try {
        await closer();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}
