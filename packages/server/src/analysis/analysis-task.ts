import type { LoadedDeclarativeRule } from '@bundle-triage/rules';
import type { CompletedAnalysis } from '../store/records.js';

/** What every analysis thread is started with. */
export interface AnalysisThreadData {
  /** The site's `--rules`, loaded and validated by the process that starts the threads. */
  siteRules: LoadedDeclarativeRule[];
}

/** One bundle to analyse, as a thread receives it. */
export interface AnalysisTask {
  analysisId: string;
  /** The stored bundle file. */
  bundlePath: string;
  /** The name it was uploaded under: error messages and the report use it, never the stored path. */
  displayName: string;
  /** Parent of the analysis's private temp folder (inside the data folder). */
  tempDir: string;
}

/** What an analysis produces: the report, or why the bundle cannot be analysed. */
export type AnalysisAnswer =
  | { kind: 'report'; reportJson: string; result: Omit<CompletedAnalysis, 'finishedAt'> }
  /** The input's fault (not a bundle, truncated, over a limit): final, never retried. */
  | { kind: 'unusable'; code: string; message: string };

/** Messages from an analysis thread to the pool. */
export type ThreadMessage =
  | { type: 'progress'; analysisId: string; progress: number }
  | { type: 'answer'; analysisId: string; answer: AnalysisAnswer }
  | { type: 'failed'; analysisId: string; message: string };
