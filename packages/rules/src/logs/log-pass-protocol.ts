import type { BundleLimits, NestedArchiveKinds, Diagnostic, LogLine, PatternMinerOptions, PatternReport, TimestampStyle } from '@bundle-triage/core';
import type { LogSearch, LogSearchResult } from './log-search.js';

/** What a log pass thread is started with (workerData). */
export interface LogPassThreadSetup {
  /** The bundle's path, opened again in the thread (a zip's central directory or a folder's names). */
  location: string;
  limits: BundleLimits;
  /** The node bundles, when the main thread's bundle opened them: the thread opens them too, so both list the same logs. */
  nested: NestedArchiveKinds;
  planned: { path: string; search: LogSearch }[];
  bundleCreatedAt?: number;
  miner?: Omit<PatternMinerOptions, 'bundleCreatedAt'>;
  /** False: only the rules' searches, no patterns (the `patterns` answer then has no report). */
  mine?: boolean;
  concurrency?: number;
  /**
   * The logs the thread and the main thread share (LogClaims' cells), in this order: without
   * mining the logs the rules search; with mining every mined log, the main thread's lines of
   * those it takes coming by `mined` messages.
   */
  claims?: { buffer: SharedArrayBuffer; paths: string[] };
}

/** Main thread → log pass thread. */
export type LogPassRequest =
  | { type: 'templateOf'; id: number; text: string; style: TimestampStyle }
  /**
   * A log the main thread took and read: its mined lines, and why it could not be read when it
   * failed part way (the lines until then count); neither: the thread reads it itself.
   */
  | { type: 'mined'; path: string; lines?: LogLine[]; error?: string }
  | { type: 'abort' }
  | { type: 'close' };

/** Log pass thread → main thread. */
export type LogPassAnswer =
  | { type: 'served'; path: string; results?: [string, LogSearchResult][]; error?: string }
  /** Every log read: the templates (when the pass mines) and what reading found. */
  | { type: 'patterns'; report?: PatternReport; diagnostics: Diagnostic[] }
  | { type: 'failed'; error: string; opened: boolean }
  /** The miner took the lines the main thread sent for a log. */
  | { type: 'taken'; lines: number }
  | { type: 'template'; id: number; templateId?: string };
