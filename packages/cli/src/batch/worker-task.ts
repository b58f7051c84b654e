/** What the batch command sends a worker thread: once at start (workerData), then one task per bundle. */
export interface BatchWorkerSetup {
  ruleDirectories: string[];
  only: string[];
  skip: string[];
}

export interface BatchTask {
  path: string;
}
