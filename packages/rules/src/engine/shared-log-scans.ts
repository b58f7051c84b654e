import type { Bundle, BundleFacts, LogFile, LogMatch } from '@bundle-triage/core';
import { durationMs } from '../match/duration.js';
import type { Condition, LogCondition, LogInputSpec, NodeFileInputSpec } from '../rule/rule-types.js';
import type { Rule } from '../rule/rule.js';
import type { SafePattern } from '../rule/safe-pattern.js';
import { logFilesFor } from './resolve-inputs.js';

/** One regex search of one log, as a log condition asks for it. */
export interface LogSearch {
  pattern: string;
  /** Literals a matching line contains; absent: every line is tested. */
  prefilter?: readonly string[];
  /** Lines timestamped before this (ms) are left out; lines without a timestamp are kept. */
  since?: number;
}

export interface LogSearchResult {
  count: number;
  /** The first matches, in file order (at most MAX_KEPT_MATCHES). */
  matches: LogMatch[];
}

export const MAX_KEPT_MATCHES = 100;

/**
 * One pass over a log serves every rule that searches it. Several catalog rules grep the same
 * file (the harvester pod log four times, each kubelet log twice); streaming and inflating it once
 * per rule was the largest avoidable cost of an analysis. The engine knows every declarative
 * rule's log conditions before it starts, so the first rule to search a file triggers one scan
 * that runs all the planned searches of that file, and the others read their results.
 *
 * Kept per search: the match count and the first matches (what conditions bind and cite).
 * Memory stays flat: lines are streamed, only matches are kept.
 */
export class SharedLogScans {
  readonly #planned = new Map<string, Map<string, LogSearch>>();
  readonly #scans = new Map<string, Promise<Map<string, LogSearchResult>>>();
  readonly #pattern: (source: string) => SafePattern;
  readonly #signal: AbortSignal | undefined;

  /**
   * `signal` is the whole analysis's: a shared scan serves several rules, so one rule running out
   * of its time budget must not abort it for the others.
   */
  constructor(bundle: Bundle, facts: BundleFacts, rules: readonly Rule[], pattern: (source: string) => SafePattern, signal?: AbortSignal) {
    this.#pattern = pattern;
    this.#signal = signal;
    for (const rule of rules) {
      if (rule.kind !== 'declarative') continue;
      for (const condition of logConditionsOf(rule)) {
        const input = rule.inputs[condition.input];
        if (!input || !('logs' in input || 'nodeFile' in input)) continue;
        const search = logSearchFor(condition, facts);
        for (const file of logFilesFor(input as LogInputSpec | NodeFileInputSpec, bundle)) {
          let searches = this.#planned.get(file.path);
          if (!searches) this.#planned.set(file.path, (searches = new Map()));
          searches.set(searchKey(search), search);
        }
      }
    }
  }

  /** The result of one search of one log; a planned search shares the file's single scan. */
  async search(file: LogFile, search: LogSearch, signal?: AbortSignal): Promise<LogSearchResult> {
    const key = searchKey(search);
    const planned = this.#planned.get(file.path);
    if (!planned?.has(key) || planned.size < 2) return this.#scan(file, new Map([[key, search]]), signal).then((results) => results.get(key)!);
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
    const entries = [...searches.entries()].map(([key, search]) => ({ key, search, pattern: this.#pattern(search.pattern), result: { count: 0, matches: [] as LogMatch[] } }));
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
        if (result.matches.length < MAX_KEPT_MATCHES) result.matches.push({ ...line, match, groups: { ...(match.groups ?? {}) } });
      }
    }
    return new Map(entries.map((entry) => [entry.key, entry.result]));
  }
}

/** What a log condition searches for, with its time window made absolute from the bundle's creation. */
export function logSearchFor(condition: LogCondition, facts: BundleFacts): LogSearch {
  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  const search: LogSearch = { pattern: condition.pattern };
  if (condition.prefilter !== undefined) search.prefilter = typeof condition.prefilter === 'string' ? [condition.prefilter] : condition.prefilter;
  if (condition.within && createdAt !== undefined) search.since = createdAt - durationMs(condition.within);
  return search;
}

function searchKey(search: LogSearch): string {
  return JSON.stringify([search.pattern, search.prefilter ?? null, search.since ?? null]);
}

function logConditionsOf(rule: Extract<Rule, { kind: 'declarative' }>): LogCondition[] {
  const found: LogCondition[] = [];
  const walk = (condition: Condition | undefined): void => {
    if (!condition) return;
    if ('all' in condition) condition.all.forEach(walk);
    else if ('any' in condition) condition.any.forEach(walk);
    else if ('not' in condition) walk(condition.not);
    else if ('log' in condition) found.push(condition.log);
    else if ('some' in condition) walk(condition.some.where);
    else if ('every' in condition) walk(condition.every.where);
    else if ('none' in condition) walk(condition.none.where);
    else if ('count' in condition) walk(condition.count.where);
  };
  walk(rule.match?.where);
  for (const outcome of rule.outcomes) walk(outcome.when);
  return found;
}
