import type { BatchLine } from './batch-line.js';
import type { TemplateSeen } from './recurring-templates.js';

/** What the batch command sends a worker thread: once at start (workerData), then one task per bundle. */
export interface BatchWorkerSetup {
  ruleDirectories: string[];
  only: string[];
  skip: string[];
  /** Mine log templates and send back the ones each report lists (`batch --patterns`). */
  patterns: boolean;
}

export interface BatchTask {
  path: string;
}

/** A worker's answer for one bundle: its line, and with `patterns` the templates its report lists. */
export interface BatchAnswer {
  line: BatchLine;
  templates?: TemplateSeen[];
}
