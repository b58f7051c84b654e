// Worker thread of `bundle-triage batch`: analyses one bundle per task and answers with its
// BatchLine. Every failure becomes an error line, so the batch goes on.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rule } from '@bundle-triage/rules';
import { analyseBundle } from '../analysis/analyse-bundle.js';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { errorLine, reportLine, type BatchLine } from './batch-line.js';
import type { BatchTask, BatchWorkerSetup } from './worker-task.js';

const setup = workerData as BatchWorkerSetup;
// The main thread already refused broken rules; each worker loads them once for all its bundles.
let rules: Promise<Rule[]> | undefined;

async function analyseTask(task: BatchTask): Promise<BatchLine> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    rules ??= loadUsableRuleSet(setup.ruleDirectories);
    const report = await analyseBundle({ kind: 'path', path: task.path }, { rules: await rules, only: setup.only, skip: setup.skip });
    return reportLine(task.path, report, elapsed());
  } catch (error) {
    return errorLine(task.path, error, elapsed());
  }
}

parentPort?.on('message', (task: BatchTask) => {
  void analyseTask(task).then((line) => parentPort?.postMessage(line));
});
