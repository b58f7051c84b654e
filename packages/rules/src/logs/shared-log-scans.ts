import type { LogFile, LogMatch } from '@bundle-triage/core';
import type { SafePattern } from '../rule/safe-pattern.js';
import { MAX_KEPT_MATCHES, searchKey, type LogSearch, type LogSearchResult } from './log-search.js';

/**
 * One pass over a log serves every rule that searches it. Several catalog rules grep the same
 * file (the harvester pod log four times, each kubelet log twice); streaming and inflating it once
 * per rule was the largest avoidable cost of an analysis. The engine knows every declarative
 * rule's log conditions before it starts, so the first rule to search a file triggers one scan
 * that runs all the planned searches of that file, and the others read their results.
 *
 * A search no rule could plan (a podLog condition's: its file is known only once the rule looks at
 * an object) has its own scan, shared with the rules that make the same search of the same file.
 *
 * Kept per search: the match count and the first matches (what conditions bind and cite), or the
 * last ones when the search asks for them.
 * Memory stays flat: lines are streamed, only matches are kept.
 */
export class SharedLogScans {
  readonly #planned = new Map<string, Map<string, LogSearch>>();
  readonly #scans = new Map<string, Promise<Map<string, LogSearchResult>>>();
  /** Searches no rule planned (a podLog condition's, addressed by the object it is about), by file and search: two rules asking the same share one scan. */
  readonly #unplanned = new Map<string, Promise<LogSearchResult>>();
  readonly #pattern: (source: string) => SafePattern;
  readonly #signal: AbortSignal | undefined;

  /**
   * `planned`: every search the rules will make, with its file (the engine knows them from the
   * rules' log conditions before any rule runs). `signal` is the whole analysis's: a shared scan
   * serves several rules, so one rule running out of its time budget must not abort it for the others.
   */
  constructor(planned: Iterable<{ file: LogFile; search: LogSearch }>, pattern: (source: string) => SafePattern, signal?: AbortSignal) {
    this.#pattern = pattern;
    this.#signal = signal;
    for (const { file, search } of planned) {
      let searches = this.#planned.get(file.path);
      if (!searches) this.#planned.set(file.path, (searches = new Map()));
      searches.set(searchKey(search), search);
    }
  }

  /** The result of one search of one log; a planned search shares the file's single scan. */
  async search(file: LogFile, search: LogSearch, signal?: AbortSignal): Promise<LogSearchResult> {
    const key = searchKey(search);
    const planned = this.#planned.get(file.path);
    if (!planned?.has(key)) {
      const cacheKey = `${file.path}\n${key}`;
      let result = this.#unplanned.get(cacheKey);
      if (!result) {
        result = this.#scan(file, new Map([[key, search]]), this.#signal).then((results) => results.get(key)!);
        this.#unplanned.set(cacheKey, result);
        result.catch(() => this.#unplanned.delete(cacheKey));
      }
      return abortable(result, signal);
    }
    if (planned.size < 2) return this.#scan(file, new Map([[key, search]]), signal).then((results) => results.get(key)!);
    let scan = this.#scans.get(file.path);
    if (!scan) {
      scan = this.#scan(file, planned, this.#signal);
      this.#scans.set(file.path, scan);
      // A scan that failed (aborted rule) must not poison later searches of the file.
      scan.catch(() => this.#scans.delete(file.path));
    }
    return (await scan).get(key)!;
  }

  async #scan(file: LogFile, searches: Map<string, LogSearch>, signal?: AbortSignal): Promise<Map<string, LogSearchResult>> {
    // An empty pattern (a podLog condition without one) matches every line: no need to run it.
    const entries = [...searches.entries()].map(([key, search]) => ({ key, search, pattern: search.pattern === '' ? EVERY_LINE : this.#pattern(search.pattern), result: { count: 0, matches: [] as LogMatch[] } }));
    const everyOneFilters = entries.every((entry) => entry.search.prefilter && entry.search.prefilter.length > 0);
    const prefilter = everyOneFilters ? [...new Set(entries.flatMap((entry) => entry.search.prefilter ?? []))] : undefined;
    for await (const line of file.lines({ ...(prefilter ? { prefilter } : {}), ...(signal ? { signal } : {}) })) {
      for (const entry of entries) {
        const { search, result } = entry;
        if (search.prefilter && search.prefilter.length > 0 && !search.prefilter.some((literal) => line.raw.includes(literal))) continue;
        if (search.since !== undefined && line.time !== undefined && line.time < search.since) continue;
        const match = entry.pattern.exec(line.text);
        if (!match) continue;
        result.count += 1;
        if (search.keepLast !== undefined) {
          // The last lines are what a crashed container wrote last: keep a window that slides.
          result.matches.push({ ...line, match, groups: { ...(match.groups ?? {}) } });
          if (result.matches.length > search.keepLast) result.matches.shift();
        } else if (result.matches.length < MAX_KEPT_MATCHES) result.matches.push({ ...line, match, groups: { ...(match.groups ?? {}) } });
      }
    }
    return new Map(entries.map((entry) => [entry.key, entry.result]));
  }
}

/** Matches every line, as the empty pattern would, without running a regular expression. */
const EVERY_LINE = {
  exec(text: string): RegExpExecArray {
    const match = [''] as unknown as RegExpExecArray;
    match.index = 0;
    match.input = text;
    match.groups = {};
    return match;
  },
};

/** The shared result, or the rule's own abort (a rule out of time stops waiting; the scan goes on for the others). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
