import type { BundleLimits, Diagnostic, PatternMinerOptions, PatternReport, TimestampStyle } from '@bundle-triage/core';
import type { LogSearch, LogSearchResult } from './log-search.js';

/** What a log pass thread is started with (workerData). */
export interface LogPassThreadSetup {
  /** The bundle's path, opened again in the thread (a zip's central directory or a folder's names). */
  location: string;
  limits: BundleLimits;
  planned: { path: string; search: LogSearch }[];
  bundleCreatedAt?: number;
  miner?: Omit<PatternMinerOptions, 'bundleCreatedAt'>;
  concurrency?: number;
}

/** Main thread → log pass thread. */
export type LogPassRequest = { type: 'templateOf'; id: number; text: string; style: TimestampStyle } | { type: 'abort' } | { type: 'close' };

/** Log pass thread → main thread. */
export type LogPassAnswer =
  | { type: 'served'; path: string; results?: [string, LogSearchResult][]; error?: string }
  | { type: 'patterns'; report: PatternReport; diagnostics: Diagnostic[] }
  | { type: 'failed'; error: string; opened: boolean }
  | { type: 'template'; id: number; templateId?: string };
