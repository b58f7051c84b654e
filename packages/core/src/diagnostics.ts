/**
 * Something in the bundle that could not be read as expected but did not stop the run:
 * an unparseable YAML file, a non-UTF-8 log, an unreadable nested zip, a refused entry.
 */
export interface Diagnostic {
  /** Bundle path, relative to the bundle root, with `/` (nested: `nodes/n1.zip!/n1/logs/kernel.log`). */
  path: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  level: DiagnosticLevel;
  message: string;
}

export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** Collects diagnostics once per path+message, so re-reading a file does not repeat them. */
export class DiagnosticLog {
  readonly #items: Diagnostic[] = [];
  readonly #seen = new Set<string>();

  add(diagnostic: Diagnostic): void {
    const key = `${diagnostic.path}\u0000${diagnostic.line ?? ''}\u0000${diagnostic.message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#items.push(diagnostic);
  }

  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const diagnostic of diagnostics) this.add(diagnostic);
  }

  /** Sorted by path, then line, so reports are deterministic whatever order rules ran in. */
  list(): Diagnostic[] {
    return [...this.#items].sort(
      (a, b) =>
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    );
  }
}
