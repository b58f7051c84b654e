import type { LogFile } from '@bundle-triage/core';
import type { SafePattern } from '../rule/safe-pattern.js';
import { searchKey, type LogSearch, type LogSearchResult } from './log-search.js';
import { LogSearchBatch } from './log-search-batch.js';

/**
 * One pass over a log serves every rule that searches it. Several catalog rules grep the same
 * file (the harvester pod log four times, each kubelet log twice); streaming and inflating it once
 * per rule was the largest avoidable cost of an analysis. The engine knows every declarative
 * rule's log conditions before it starts, so the first rule to search a file triggers one scan
 * that runs all the planned searches of that file, and the others read their results.
 *
 * A rotated log (a container's `.log.1` and `.log`, a node's `kernel.log.2` … `kernel.log`) is a
 * series of files that a log condition searches in order; each file has its own scan, still one
 * pass however many rules search it.
 *
 * A search no rule could plan (a podLog condition's: its file is known only once the rule looks at
 * an object) has its own scan, shared with the rules that make the same search of the same file.
 *
 * Kept per search: the match count, the first matches and the latest (what conditions bind and
 * cite), or the last ones when the search asks for them (see LogSearchBatch).
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
    // One scan of the file for every planned search of it (two rules making the same search
    // share it too), run under the analysis's signal; a rule out of time stops waiting for it.
    let scan = this.#scans.get(file.path);
    if (!scan) {
      scan = this.#scan(file, planned, this.#signal);
      this.#scans.set(file.path, scan);
      // A scan that failed (aborted analysis) must not poison later searches of the file.
      scan.catch(() => this.#scans.delete(file.path));
    }
    return (await abortable(scan, signal)).get(key)!;
  }

  async #scan(file: LogFile, searches: Map<string, LogSearch>, signal?: AbortSignal): Promise<Map<string, LogSearchResult>> {
    const batch = new LogSearchBatch(searches, this.#pattern);
    const prefilter = batch.prefilter();
    const options = { ...(prefilter ? { prefilter: prefilter.literals, ...(prefilter.pattern ? { prefilterPattern: prefilter.pattern } : {}) } : {}), ...(signal ? { signal } : {}) };
    for await (const line of file.lines(options)) batch.test(line);
    return batch.results();
  }
}

/** The shared result, or the rule's own abort (a rule out of time stops waiting; the scan goes on for the others). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
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
