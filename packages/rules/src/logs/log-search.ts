import type { BundleFacts, LogMatch } from '@bundle-triage/core';
import type { LogCondition } from '../rule/rule-types.js';
import { durationMs } from './duration.js';

/** One regex search of one log, as a log condition asks for it. */
export interface LogSearch {
  pattern: string;
  /** Literals a matching line contains; absent: every line is tested. */
  prefilter?: readonly string[];
  /** Lines timestamped before this (ms) are left out; lines without a timestamp are kept. */
  since?: number;
  /** Keep the last this many matches instead of the first MAX_KEPT_MATCHES (a podLog condition's `last`). */
  keepLast?: number;
}

export interface LogSearchResult {
  count: number;
  /** The first matches in file order and, last, the latest one (at most MAX_KEPT_MATCHES in all), or the last `keepLast`. */
  matches: LogMatch[];
}

export const MAX_KEPT_MATCHES = 100;

/** What a log condition searches for, with its time window made absolute from the bundle's creation. */
export function logSearchFor(condition: LogCondition, facts: BundleFacts): LogSearch {
  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  const search: LogSearch = { pattern: condition.pattern };
  if (condition.prefilter !== undefined) search.prefilter = typeof condition.prefilter === 'string' ? [condition.prefilter] : condition.prefilter;
  if (condition.within && createdAt !== undefined) search.since = createdAt - durationMs(condition.within);
  return search;
}

/** Two searches with the same key return the same lines. */
export function searchKey(search: LogSearch): string {
  return JSON.stringify([search.pattern, search.prefilter ?? null, search.since ?? null, search.keepLast ?? null]);
}
