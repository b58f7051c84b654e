import type { LogLine, LogMatch } from '@bundle-triage/core';
import type { SafePattern } from '../rule/safe-pattern.js';
import { anyCaseSource, asciiLowerCase, holdsPrefilter, MAX_KEPT_MATCHES, type LogSearch, type LogSearchResult, type ScanPrefilter } from './log-search.js';

/**
 * The searches of one log run together over one stream of its lines: each line is tested by every
 * search whose literals it holds (and whose time window it is in). Kept per search: the match
 * count, the first matches and the latest (or the last `keepLast` ones), so memory stays flat however long the log.
 */
export class LogSearchBatch {
  readonly #entries: { key: string; search: LogSearch; pattern: Pick<SafePattern, 'exec'>; result: LogSearchResult }[];

  constructor(searches: ReadonlyMap<string, LogSearch>, pattern: (source: string) => SafePattern) {
    // An empty pattern (a podLog condition without one) matches every line: no need to run it.
    this.#entries = [...searches.entries()].map(([key, search]) => ({ key, search, pattern: search.pattern === '' ? EVERY_LINE : pattern(search.pattern), result: { count: 0, matches: [] as LogMatch[] } }));
  }

  /**
   * What a line must hold to matter to some search — exact literals, and any-case ones as a
   * pattern —, or undefined when one search has none (every line must then be read).
   */
  prefilter(): ScanPrefilter | undefined {
    const everyOneFilters = this.#entries.every((entry) => entry.search.prefilter && entry.search.prefilter.length > 0);
    if (!everyOneFilters) return undefined;
    const exact = this.#entries.filter((entry) => !entry.search.prefilterAnyCase).flatMap((entry) => entry.search.prefilter ?? []);
    const anyCase = this.#entries.filter((entry) => entry.search.prefilterAnyCase).flatMap((entry) => entry.search.prefilter ?? []);
    return { literals: [...new Set(exact)], ...(anyCase.length > 0 ? { pattern: new RegExp(anyCaseSource([...new Set(anyCase)])) } : {}) };
  }

  test(line: LogLine): void {
    let lower: string | undefined;
    const lowerRaw = () => (lower ??= asciiLowerCase(line.raw));
    for (const entry of this.#entries) {
      const { search, result } = entry;
      if (!holdsPrefilter(search, line.raw, lowerRaw)) continue;
      if (search.since !== undefined && line.time !== undefined && line.time < search.since) continue;
      const match = entry.pattern.exec(line.text);
      if (!match) continue;
      result.count += 1;
      const kept = { ...line, match, groups: { ...(match.groups ?? {}) } };
      if (search.keepLast !== undefined) {
        // The last lines are what a crashed container wrote last: keep a window that slides.
        result.matches.push(kept);
        if (result.matches.length > search.keepLast) result.matches.shift();
      } else if (result.matches.length < MAX_KEPT_MATCHES) result.matches.push(kept);
      // The last slot holds the latest match, so `last` is the latest however many lines match.
      else result.matches[MAX_KEPT_MATCHES - 1] = kept;
    }
  }

  results(): Map<string, LogSearchResult> {
    return new Map(this.#entries.map((entry) => [entry.key, entry.result]));
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

