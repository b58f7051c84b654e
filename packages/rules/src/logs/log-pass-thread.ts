import { logsToMine, type Bundle, type LogFile, type PatternReport, type TimestampStyle } from '@bundle-triage/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogPassAnswer, LogPassRequest, LogPassThreadSetup } from './log-pass-protocol.js';
import { LogPass, type LogPassOptions, type LogScans } from './log-pass.js';
import { searchKey, type LogSearch, type LogSearchResult } from './log-search.js';
import { deferred, type Deferred } from './deferred.js';
import { abortable, SharedLogScans } from './shared-log-scans.js';

/** The log pass as the analysis uses it, in a thread of its own or not. */
export interface LogPassRunner extends LogScans {
  patterns(): Promise<PatternReport>;
  templateOf(text: string, file: { timestampStyle: TimestampStyle }): Promise<string | undefined>;
  /** Ends the thread (when there is one); the runner answers nothing after. */
  close(): Promise<void>;
}

export interface StartLogPassOptions extends LogPassOptions {
  /**
   * Read the logs in a thread of its own: `auto` (the default) when the bundle is a zip or a
   * folder opened by path whose logs are large enough to be worth a thread, and the built
   * thread script is there; `true` whenever it can; `false` never.
   */
  thread?: boolean | 'auto';
}

const THREAD_YOUNG_GENERATION_MB = 8;

/** Logs smaller than this in all are read on the main thread: a thread costs more to start. */
const THREAD_MIN_LOG_BYTES = 64 * 1024 ** 2;

/** Starts the log pass, in a thread when that helps (see `thread`), else on this thread. */
export function startLogPass(bundle: Bundle, options: StartLogPassOptions): LogPassRunner {
  const script = threadScript();
  // Chosen once here; the thread's pass chooses the same from the same bundle and searches.
  const chosen = logsToMine(bundle.logs(), new Set(options.planned.map(({ file }) => file.path)));
  const mined = chosen.logs;
  const bytes = mined.reduce((sum, log) => sum + log.size, 0);
  const can = options.thread !== false && script !== undefined && bundle.location !== '<buffer>' && (bundle.format === 'zip' || bundle.format === 'directory');
  if (can && (options.thread === true || bytes >= THREAD_MIN_LOG_BYTES)) return new LogPassThread(bundle, options, script, mined);
  return inThread(new LogPass(bundle, { ...options, mined: chosen }));
}

function inThread(pass: LogPass): LogPassRunner {
  return {
    search: (file, search, signal) => pass.search(file, search, signal),
    patterns: () => pass.patterns(),
    templateOf: (text, file) => pass.templateOf(text, file),
    close: async () => undefined,
  };
}

/**
 * The main thread's side of a log pass run in a worker thread: searches of the logs the miner
 * reads are answered from the thread (as it reads them, the rules' logs first), the others
 * (non-log node files) lazily here. Diagnostics the thread found while reading are added to
 * this bundle's. If the thread cannot open the bundle, the pass runs here instead.
 */
class LogPassThread implements LogPassRunner {
  readonly #bundle: Bundle;
  readonly #options: StartLogPassOptions;
  readonly #worker: Worker;
  readonly #lazy: SharedLogScans;
  readonly #eager = new Map<string, { keys: Set<string>; results: Deferred<Map<string, LogSearchResult>> }>();
  readonly #patterns = deferred<PatternReport>();
  readonly #templates = new Map<number, (id: string | undefined) => void>();
  #nextTemplate = 0;
  /** The pass run here when the thread could not open the bundle. */
  #fallback: LogPass | undefined;
  #exited: Promise<void>;

  constructor(bundle: Bundle, options: StartLogPassOptions, script: URL, mined: readonly LogFile[]) {
    this.#bundle = bundle;
    this.#options = options;
    const minedPaths = new Set(mined.map((log) => log.path));
    const lazy: { file: LogFile; search: LogSearch }[] = [];
    const planned: { path: string; search: LogSearch }[] = [];
    for (const { file, search } of options.planned) {
      if (!minedPaths.has(file.path)) {
        lazy.push({ file, search });
        continue;
      }
      planned.push({ path: file.path, search });
      let eager = this.#eager.get(file.path);
      if (!eager) this.#eager.set(file.path, (eager = { keys: new Set(), results: deferred() }));
      eager.keys.add(searchKey(search));
    }
    this.#lazy = new SharedLogScans(lazy, options.pattern, options.signal);
    const setup: LogPassThreadSetup = {
      location: bundle.location,
      limits: bundle.limits,
      planned,
      ...(options.bundleCreatedAt === undefined ? {} : { bundleCreatedAt: options.bundleCreatedAt }),
      ...(options.miner ? { miner: options.miner } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    };
    // What the thread allocates is almost all short-lived (each chunk read as text for the
    // prefilter): a small young generation keeps its memory down (≈ 45 MB less peak RSS on L).
    this.#worker = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB } });
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.on('message', (answer: LogPassAnswer) => this.#answer(answer));
    this.#worker.on('error', (error) => this.#fail(`the log pass thread stopped: ${error.message}`));
    this.#worker.on('exit', (code) => this.#fail(`the log pass thread exited (code ${code})`));
    options.signal?.addEventListener('abort', () => this.#post({ type: 'abort' }), { once: true });
  }

  async search(file: LogFile, search: LogSearch, signal?: AbortSignal): Promise<LogSearchResult> {
    const eager = this.#eager.get(file.path);
    const key = searchKey(search);
    if (eager?.keys.has(key)) return (await abortable(eager.results.promise, signal)).get(key)!;
    return this.#lazy.search(file, search, signal);
  }

  patterns(): Promise<PatternReport> {
    return this.#patterns.promise;
  }

  async templateOf(text: string, file: { timestampStyle: TimestampStyle }): Promise<string | undefined> {
    await this.#patterns.promise;
    if (this.#fallback) return this.#fallback.templateOf(text, file);
    const id = this.#nextTemplate++;
    return new Promise((resolve) => {
      this.#templates.set(id, resolve);
      this.#post({ type: 'templateOf', id, text, style: file.timestampStyle });
    });
  }

  async close(): Promise<void> {
    this.#post({ type: 'close' });
    // A thread that does not end by itself soon is ended.
    const timer = setTimeout(() => void this.#worker.terminate(), 5_000);
    await this.#exited;
    clearTimeout(timer);
  }

  #answer(answer: LogPassAnswer): void {
    switch (answer.type) {
      case 'served': {
        const eager = this.#eager.get(answer.path);
        if (answer.results) eager?.results.resolve(new Map(answer.results));
        else eager?.results.reject(new Error(answer.error ?? 'the log could not be read'));
        return;
      }
      case 'patterns':
        for (const diagnostic of answer.diagnostics) this.#bundle.addDiagnostic(diagnostic);
        this.#patterns.resolve(answer.report);
        return;
      case 'template':
        this.#templates.get(answer.id)?.(answer.templateId);
        this.#templates.delete(answer.id);
        return;
      case 'failed':
        if (!answer.opened && !this.#options.signal?.aborted) this.#runHere();
        else this.#fail(answer.error);
    }
  }

  /** The thread could not open the bundle (it moved, a limit): the same pass, on this thread. */
  #runHere(): void {
    const pass = new LogPass(this.#bundle, this.#options);
    this.#fallback = pass;
    for (const [path, eager] of this.#eager) {
      const file = this.#bundle.log(path);
      if (!file) continue;
      const results = new Map<string, LogSearchResult>();
      const searches = this.#options.planned.filter((item) => item.file.path === path);
      Promise.all(searches.map(async ({ search }) => results.set(searchKey(search), await pass.search(file, search)))).then(
        () => eager.results.resolve(results),
        (error: unknown) => eager.results.reject(error),
      );
    }
    pass.patterns().then(
      (report) => this.#patterns.resolve(report),
      (error: unknown) => this.#patterns.reject(error),
    );
  }

  #fail(reason: string): void {
    if (this.#fallback) return;
    const error = new Error(reason);
    for (const eager of this.#eager.values()) eager.results.reject(error);
    this.#patterns.reject(error);
    for (const resolve of this.#templates.values()) resolve(undefined);
    this.#templates.clear();
  }

  #post(request: LogPassRequest): void {
    try {
      this.#worker.postMessage(request);
    } catch {
      // The thread has ended: nothing to tell it.
    }
  }
}

/**
 * dist/log-pass-worker.js beside the built module; from the TypeScript sources (tests, the
 * bench through tsx) the built one is used. Undefined when it is not there (not built).
 */
function threadScript(): URL | undefined {
  const here = import.meta.url;
  const script = here.endsWith('.ts') ? new URL('../../dist/log-pass-worker.js', here) : new URL('./log-pass-worker.js', here);
  return existsSync(fileURLToPath(script)) ? script : undefined;
}
