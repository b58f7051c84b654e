import type { LogFileInfo } from '../logs/log-file.js';
import type { TimePoint } from '../time/time-point.js';
import type { LogFormat } from './formats/parsed-log-line.js';
import type { MinedLevel } from './log-level.js';

/** Where a line is: a bundle path and its 1-based line number. */
export interface LogPosition {
  path: string;
  line: number;
}

/** One occurrence of a template: where, and when (when the line says). */
export interface LogOccurrence extends LogPosition {
  time?: TimePoint;
}

/** A log a template occurs in (what the bundle index says of it), and how often. */
export interface LogTemplateSource extends Pick<LogFileInfo, 'path' | 'kind' | 'namespace' | 'pod' | 'container' | 'previous' | 'node' | 'file'> {
  count: number;
}

/** The same template at a steady interval in one log. */
export interface LogLoop {
  /** Mean interval, in milliseconds (no finer than the log's timestamps). */
  intervalMs: number;
  /** Occurrences at that interval. */
  occurrences: number;
  /** Share of all gaps between occurrences that are at that interval, 0–1. */
  steadyShare: number;
  /** The log it loops in. */
  path: string;
  from?: TimePoint;
  to?: TimePoint;
}

/** A run of occurrences after a silence: when a problem started (or started again). */
export interface LogBurst {
  start: LogOccurrence;
  end: LogOccurrence;
  count: number;
}

/**
 * A log template: the lines one piece of code wrote, with their variable parts masked. The `id`
 * is a hash of `template`, so the same template in two bundles has the same id.
 */
export interface LogTemplate {
  id: string;
  /** The masked text: `<*>` where lines differ, `<name>`, `<ip>`, `<num>`, … for masked values. */
  template: string;
  /** The most severe level among its lines. */
  level: MinedLevel;
  /** How the level was known: the format's own field, or the line's wording. */
  levelFrom: 'format' | 'wording';
  format: LogFormat;
  /** The code that wrote it (`controller.go`), when the format says. */
  site?: string;
  count: number;
  /** Position in the ranking, 1 first (loops first, then count × recency × level). */
  rank: number;
  score: number;
  first: LogOccurrence;
  last: LogOccurrence;
  /** The first line, as it is in the bundle (cut at 1,000 characters). */
  sample: LogPosition & { text: string };
  loop?: LogLoop;
  /** Runs of at least `burstMinCount` occurrences after `burstGapMs` of silence, earliest first (capped). */
  bursts: LogBurst[];
  /** The logs it occurs in, most occurrences first (capped; `otherSources` counts the rest). */
  sources: LogTemplateSource[];
  otherSources: number;
  /** Object names its lines mention (masked out of the template), most frequent first (capped). */
  mentions: string[];
}

export interface PatternStats {
  /** Logs read (pod logs, `.log.1`, node logs). */
  files: number;
  /** Their size in bytes, as the index states it. */
  bytes: number;
  /** Lines decoded and looked at (the rest were skipped by the prefilter without decoding). */
  linesExamined: number;
  /** Lines at warning level or worse. */
  minedLines: number;
  /** Mined lines that fit no template once `maxTemplates` were made (counted, not grouped). */
  unclusteredLines: number;
  /** Templates found, before `limit`. */
  templates: number;
  elapsedMs?: number;
}

export interface PatternReport {
  /** Ranked; all of them unless `limit` was given. */
  templates: LogTemplate[];
  stats: PatternStats;
  /** Logs that could not be read, and why (also bundle diagnostics). */
  unreadable: { path: string; reason: string }[];
}
