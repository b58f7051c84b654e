// Worker thread of `bundle-triage batch`: analyses one bundle per task and answers with its
// BatchLine. Every failure becomes an error line, so the batch goes on.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rule } from '@bundle-triage/rules';
import { analyseBundle } from '../analysis/analyse-bundle.js';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { errorLine, reportLine } from './batch-line.js';
import { templatesSeen } from './recurring-templates.js';
import type { BatchAnswer, BatchTask, BatchWorkerSetup } from './worker-task.js';

const setup = workerData as BatchWorkerSetup;
// The main thread already refused broken rules; each worker loads them once for all its bundles.
let rules: Promise<Rule[]> | undefined;

async function analyseTask(task: BatchTask): Promise<BatchAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    rules ??= loadUsableRuleSet(setup.ruleDirectories);
    const report = await analyseBundle(
      { kind: 'path', path: task.path },
      {
        rules: await rules,
        only: setup.only,
        skip: setup.skip,
        // A line needs the findings only; the templates when asked. The batch's threads use the cores already.
        sections: { overview: false, timeline: false, patterns: setup.patterns },
        // Recurring templates may rank low in each bundle: list more of them than a report does.
        unexplainedTemplates: 1_000,
        logThread: false,
      },
    );
    return { line: reportLine(task.path, report, elapsed()), ...(setup.patterns ? { templates: templatesSeen(report) } : {}) };
  } catch (error) {
    return { line: errorLine(task.path, error, elapsed()) };
  }
}

parentPort?.on('message', (task: BatchTask) => {
  void analyseTask(task).then((answer) => parentPort?.postMessage(answer));
});
