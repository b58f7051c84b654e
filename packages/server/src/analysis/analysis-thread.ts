// Worker thread of the service: analyses one bundle per message and answers with a
// ThreadMessage. The catalog is loaded once per thread, and the site's rules come with the
// thread's start (validated by the process that started it). A thread that dies (out of memory
// on a hostile bundle) costs only its current bundle: the pool replaces it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rule } from '@bundle-triage/rules';
import { analyseBundleFile, serviceRules } from './analyse-bundle-file.js';
import type { AnalysisTask, AnalysisThreadData, ThreadMessage } from './analysis-task.js';

let rules: Promise<Rule[]> | undefined;

async function run(task: AnalysisTask): Promise<ThreadMessage> {
  let lastSent = 0;
  try {
    rules ??= serviceRules((workerData as AnalysisThreadData | undefined)?.siteRules ?? []);
    const answer = await analyseBundleFile(task, {
      rules: await rules,
      onProgress: (progress) => {
        // A few updates a second are enough for a progress bar.
        const now = Date.now();
        if (now - lastSent < 250 && progress < 1) return;
        lastSent = now;
        parentPort?.postMessage({ type: 'progress', analysisId: task.analysisId, progress } satisfies ThreadMessage);
      },
    });
    return { type: 'answer', analysisId: task.analysisId, answer };
  } catch (error) {
    return { type: 'failed', analysisId: task.analysisId, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (task: AnalysisTask) => {
  void run(task).then((message) => parentPort?.postMessage(message));
});
