import { Worker } from 'node:worker_threads';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { errorLine, type BatchLine } from './batch-line.js';
import type { TemplateSeen } from './recurring-templates.js';
import type { BatchAnswer, BatchTask, BatchWorkerSetup } from './worker-task.js';

export interface WorkerPoolOptions {
  /** Worker threads at most (never more than bundles). */
  jobs: number;
  /** The built worker script (dist/worker.js). */
  workerUrl: URL;
  setup: BatchWorkerSetup;
  /** Called as each bundle finishes, in completion order (with the templates its report lists, when asked for). */
  onLine: (line: BatchLine, templates?: TemplateSeen[]) => void | Promise<void>;
}

/**
 * Analyses bundles in parallel worker threads, one bundle per task. A worker that dies (out of
 * memory on a hostile bundle, a crash) costs only its current bundle, which becomes an error
 * line; a fresh worker takes over the rest of its queue.
 */
export async function analyseInWorkers(paths: readonly string[], options: WorkerPoolOptions): Promise<void> {
  const queue = [...paths];
  const spawn = () => new Worker(options.workerUrl, { workerData: options.setup });
  const lane = async () => {
    let worker = spawn();
    try {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const started = performance.now();
        const answer = await analyseIn(worker, { path }).catch(async (crash: unknown): Promise<BatchAnswer> => {
          await worker.terminate();
          worker = spawn();
          const why = crash instanceof Error ? crash.message : String(crash);
          return { line: errorLine(path, new CliError('worker stopped', path, why, ExitCode.internal), Math.round(performance.now() - started)) };
        });
        await options.onLine(answer.line, answer.templates);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, paths.length)) }, lane));
}

function analyseIn(worker: Worker, task: BatchTask): Promise<BatchAnswer> {
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      finish();
    };
    const onMessage = (answer: BatchAnswer) => settle(() => resolve(answer));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`exit code ${code}`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  });
}
