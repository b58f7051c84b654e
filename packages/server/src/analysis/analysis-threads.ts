import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedDeclarativeRule } from '@bundle-triage/rules';
import { AnalysisThreadError } from '../errors.js';
import type { AnalysisAnswer, AnalysisTask, AnalysisThreadData, ThreadMessage } from './analysis-task.js';

export interface AnalysisThreadsOptions {
  /** Analyses at once, one thread each (default 2). */
  threads?: number;
  /** The built thread script (default: analysis-thread.js beside this module in dist/). */
  threadUrl?: URL;
  /** Heap limit of a thread: a hostile bundle that needs more stops its thread, not the process. */
  maxMemoryMb?: number;
  /** Longest one analysis may take before its thread is stopped (default 15 min). */
  timeoutMs?: number;
  /** The site's declarative rules (validated already), run beside the built-in catalog. */
  siteRules?: readonly LoadedDeclarativeRule[];
}

interface Pending {
  task: AnalysisTask;
  onProgress: (progress: number) => void;
  resolve: (answer: AnalysisAnswer) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads that analyse bundles. A thread that crashes, runs out of memory
 * or runs past its time is terminated and replaced; its analysis rejects with an
 * AnalysisThreadError (the caller's queue decides whether to try again).
 */
export class AnalysisThreads {
  readonly size: number;
  readonly #threadUrl: URL;
  readonly #maxMemoryMb: number;
  readonly #timeoutMs: number;
  readonly #threadData: AnalysisThreadData;
  readonly #idle: Worker[] = [];
  readonly #waiting: Pending[] = [];
  readonly #all = new Set<Worker>();
  #running = 0;
  #closed = false;

  constructor(options: AnalysisThreadsOptions = {}) {
    this.size = Math.max(1, options.threads ?? 2);
    this.#threadUrl = options.threadUrl ?? defaultThreadUrl();
    this.#maxMemoryMb = options.maxMemoryMb ?? 1536;
    this.#timeoutMs = options.timeoutMs ?? 15 * 60 * 1000;
    this.#threadData = { siteRules: [...(options.siteRules ?? [])] };
  }

  /** Analyses one bundle in a thread (waiting for a free one). */
  run(task: AnalysisTask, onProgress: (progress: number) => void = () => {}): Promise<AnalysisAnswer> {
    if (this.#closed) return Promise.reject(new AnalysisThreadError('the analysis threads are closed'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ task, onProgress, resolve, reject });
      this.#dispatch();
    });
  }

  /** Analyses running now. */
  get busy(): number {
    return this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#waiting.splice(0)) pending.reject(new AnalysisThreadError('the analysis threads were closed'));
    await Promise.all([...this.#all].map((worker) => worker.terminate()));
    this.#all.clear();
    this.#idle.length = 0;
  }

  #dispatch(): void {
    while (this.#waiting.length > 0 && this.#running < this.size && !this.#closed) {
      const pending = this.#waiting.shift()!;
      let worker: Worker;
      try {
        worker = this.#idle.pop() ?? this.#spawn();
      } catch (error) {
        pending.reject(error as Error);
        continue;
      }
      this.#running += 1;
      this.#runOn(worker, pending);
    }
  }

  #spawn(): Worker {
    if (!existsSync(fileURLToPath(this.#threadUrl))) {
      throw new AnalysisThreadError(`${fileURLToPath(this.#threadUrl)} is missing: build @bundle-triage/server first`);
    }
    const worker = new Worker(this.#threadUrl, { resourceLimits: { maxOldGenerationSizeMb: this.#maxMemoryMb }, workerData: this.#threadData });
    this.#all.add(worker);
    return worker;
  }

  #runOn(worker: Worker, pending: Pending): void {
    const { task } = pending;
    let settled = false;
    const finish = (reuse: boolean, settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      this.#running -= 1;
      if (reuse && !this.#closed) this.#idle.push(worker);
      else {
        this.#all.delete(worker);
        void worker.terminate();
      }
      settle();
      this.#dispatch();
    };
    const onMessage = (message: ThreadMessage) => {
      if (message.analysisId !== task.analysisId) return;
      if (message.type === 'progress') pending.onProgress(message.progress);
      else if (message.type === 'answer') finish(true, () => pending.resolve(message.answer));
      else finish(true, () => pending.reject(new AnalysisThreadError(`the analysis failed: ${message.message}`)));
    };
    const onError = (error: Error) => {
      const why = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it ran out of memory (limit ${this.#maxMemoryMb} MB)` : error.message;
      finish(false, () => pending.reject(new AnalysisThreadError(`the analysis thread stopped: ${why}`, { cause: error })));
    };
    const onExit = (code: number) => finish(false, () => pending.reject(new AnalysisThreadError(`the analysis thread exited with code ${code}`)));
    const timer = setTimeout(() => finish(false, () => pending.reject(new AnalysisThreadError(`the analysis took longer than ${Math.round(this.#timeoutMs / 1000)} s and was stopped`))), this.#timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  }
}

/**
 * dist/analysis-thread.js beside the built module. Run from the TypeScript sources (the tests),
 * this module is src/analysis/analysis-threads.ts and the built thread is used.
 */
function defaultThreadUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/analysis-thread.js', here) : new URL('./analysis-thread.js', here);
}
