import type { BundleFacts, LogMatch } from '@bundle-triage/core';
import type { LogCondition } from '../rule/rule-types.js';
import { durationMs } from './duration.js';
import { escapeRegExp } from '../rule/escape-reg-exp.js';

/** One regex search of one log, as a log condition asks for it. */
export interface LogSearch {
  pattern: string;
  /** Literals a matching line contains; absent: every line is tested. */
  prefilter?: readonly string[];
  /** The literals match in any case of their ASCII letters. */
  prefilterAnyCase?: boolean;
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
  if (condition.prefilterAnyCase) search.prefilterAnyCase = true;
  if (condition.within && createdAt !== undefined) search.since = createdAt - durationMs(condition.within);
  return search;
}

/** Two searches with the same key return the same lines. */
export function searchKey(search: LogSearch): string {
  return JSON.stringify([search.pattern, search.prefilter ?? null, search.prefilterAnyCase ?? false, search.since ?? null, search.keepLast ?? null]);
}

/**
 * The prefilter of several searches of one log, as the line scanner takes it: exact literals,
 * and the any-case ones as one regular expression over the bytes (each ASCII letter a class of
 * both cases, so it needs no flag and joins any other pattern by alternation).
 */
export interface ScanPrefilter {
  literals: string[];
  pattern?: RegExp;
}

/** The any-case literals as one alternation over the bytes read as latin1 (a literal's UTF-8 bytes, one character each). */
export function anyCaseSource(literals: readonly string[]): string {
  return literals
    .map((literal) =>
      escapeRegExp(Buffer.from(literal, 'utf8').toString('latin1')).replace(/[A-Za-z]/g, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`),
    )
    .join('|');
}

/** Whether a line holds one of a search's prefilter literals (in any case when it says so). */
export function holdsPrefilter(search: LogSearch, raw: string, lower: () => string): boolean {
  const literals = search.prefilter;
  if (!literals || literals.length === 0) return true;
  if (!search.prefilterAnyCase) return literals.some((literal) => raw.includes(literal));
  const text = lower();
  return literals.some((literal) => text.includes(asciiLowerCase(literal)));
}

/**
 * Only ASCII letters folded, as the scanner's byte pattern folds them (`anyCaseSource`): a line
 * passes the same way whichever of the two tests it.
 */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
