import type { TextSink } from './io.js';

/** Runs shorter than this show no progress at all: a flash of text is noise. */
const SHOW_AFTER_MS = 400;
/** Redraw at most this often; rules finish far faster than a terminal needs to know. */
const REDRAW_EVERY_MS = 100;

/**
 * One self-overwriting status line on stderr ("flagship.zip: rules 12/40"), shown only when
 * stderr is a terminal, not --quiet, and the run takes more than a moment. Cleared before any
 * other output, so it never mixes with reports or errors.
 */
export class Progress {
  readonly #sink: TextSink;
  readonly #enabled: boolean;
  readonly #startedAt: number;
  readonly #now: () => number;
  #shown = '';
  #lastDrawAt = 0;

  constructor(sink: TextSink, options: { enabled: boolean; now?: () => number }) {
    this.#sink = sink;
    this.#enabled = options.enabled;
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
  }

  static forTerminal(stderr: TextSink, stderrIsTTY: boolean, quiet: boolean): Progress {
    return new Progress(stderr, { enabled: stderrIsTTY && !quiet });
  }

  update(status: string): void {
    if (!this.#enabled) return;
    const now = this.#now();
    if (now - this.#startedAt < SHOW_AFTER_MS || now - this.#lastDrawAt < REDRAW_EVERY_MS) return;
    this.#lastDrawAt = now;
    const line = status.length > 100 ? `${status.slice(0, 99)}…` : status;
    this.#sink.write(`\r${line}${' '.repeat(Math.max(0, this.#shown.length - line.length))}`);
    this.#shown = line;
  }

  /** Removes the status line (call before writing anything else to stderr or stdout). */
  clear(): void {
    if (!this.#shown) return;
    this.#sink.write(`\r${' '.repeat(this.#shown.length)}\r`);
    this.#shown = '';
  }
}
