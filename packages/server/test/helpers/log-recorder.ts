import type { ServiceLog, ServiceLogEntry } from '../../src/index.js';

/** Keeps what the service logs, and resolves waits as soon as the awaited entry is logged. */
export class LogRecorder {
  readonly entries: ServiceLogEntry[] = [];
  readonly #waiters: { match: (entry: ServiceLogEntry) => boolean; resolve: (entry: ServiceLogEntry) => void }[] = [];

  readonly log: ServiceLog = (entry) => {
    this.entries.push(entry);
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(entry)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };

  /** The first entry (already logged, or to come) with this event name that matches. */
  next(event: string, match: (entry: ServiceLogEntry) => boolean = () => true, timeoutMs = 30_000): Promise<ServiceLogEntry> {
    const test = (entry: ServiceLogEntry) => entry.event === event && match(entry);
    const found = this.entries.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${event}" log entry within ${timeoutMs} ms; logged: ${this.entries.map((entry) => entry.event).join(', ')}`)), timeoutMs);
      this.#waiters.push({ match: test, resolve: (entry) => (clearTimeout(timer), resolve(entry)) });
    });
  }
}
