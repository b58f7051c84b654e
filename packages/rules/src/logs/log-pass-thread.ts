import { logsToMine, type Bundle, type LogFile, type LogLine, type PatternReport, type TimestampStyle } from '@bundle-triage/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogPassAnswer, LogPassRequest, LogPassThreadSetup } from './log-pass-protocol.js';
import { HELD_LINES, HELD_LINES_PER_LOG, LogPass, readLogForPass, searchedLogs, type LogPassOptions, type LogScans } from './log-pass.js';
import { LogSearchBatch } from './log-search-batch.js';
import { searchKey, type LogSearch, type LogSearchResult } from './log-search.js';
import { deferred, type Deferred } from './deferred.js';
import { BY_MAIN, BY_THREAD, LogClaims } from './log-claims.js';
import { abortable, SharedLogScans } from './shared-log-scans.js';

/** The log pass as the analysis uses it, in a thread of its own or not. */
export interface LogPassRunner extends LogScans {
  /** The templates; rejects when the pass does not mine (`mine: false`). */
  patterns(): Promise<PatternReport>;
  /**
   * Settles once every log the pass reads has been read and what reading found (lines cut, bytes
   * not UTF-8) is in the bundle's diagnostics; rejects when the pass failed.
   */
  finished(): Promise<void>;
  templateOf(text: string, file: { timestampStyle: TimestampStyle }): Promise<string | undefined>;
  /** Whether the logs are read ahead on another thread (rules searching them are best run last). */
  readonly readsAhead: boolean;
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

/**
 * Starts the log pass, in a thread when that helps (see `thread`), else on this thread. Without
 * mining (`mine: false`) a thread reads every log the rules search, eagerly, on the other core;
 * on this thread each is read only when a rule asks (`SharedLogScans`).
 */
export function startLogPass(bundle: Bundle, options: StartLogPassOptions): LogPassRunner {
  const script = threadScript();
  const mining = options.mine !== false;
  // Chosen once here; the thread's pass chooses the same from the same bundle and searches.
  const chosen = mining ? logsToMine(bundle.logs(), new Set(options.planned.map(({ file }) => file.path))) : searchedLogs(bundle, options.planned);
  const read = chosen.logs;
  const bytes = read.reduce((sum, log) => sum + log.size, 0);
  const can = options.thread !== false && script !== undefined && bundle.location !== '<buffer>' && (bundle.format === 'zip' || bundle.format === 'directory');
  if (can && (options.thread === true || bytes >= THREAD_MIN_LOG_BYTES)) return new LogPassThread(bundle, options, script, read);
  if (!mining) return onDemand(new SharedLogScans(options.planned, options.pattern, options.signal));
  return inThread(new LogPass(bundle, { ...options, mined: chosen }));
}

function inThread(pass: LogPass): LogPassRunner {
  return {
    search: (file, search, signal) => pass.search(file, search, signal),
    patterns: () => pass.patterns(),
    finished: async () => {
      await pass.finished();
    },
    templateOf: (text, file) => pass.templateOf(text, file),
    readsAhead: false,
    close: async () => undefined,
  };
}

/** The rules' searches alone, each log read when a rule first asks: nothing to wait for at the end. */
function onDemand(scans: SharedLogScans): LogPassRunner {
  return {
    search: (file, search, signal) => scans.search(file, search, signal),
    patterns: () => Promise.reject(new Error('this log pass does not mine patterns (mine: false)')),
    finished: async () => undefined,
    templateOf: async () => undefined,
    readsAhead: false,
    close: async () => undefined,
  };
}

/**
 * The main thread's side of a log pass run in a worker thread: searches of the logs the miner
 * reads are answered from the thread (as it reads them, the rules' logs first), the others
 * (non-log node files) lazily here. Diagnostics the thread found while reading are added to
 * this bundle's. If the thread cannot open the bundle, the pass runs here instead.
 *
 * Without mining, the two threads share the rules' logs (LogClaims): the thread reads from the
 * front; a rule asking for a log nobody has taken reads it here, and while a rule waits on the
 * thread this thread reads logs from the back, so neither core idles while logs are left.
 *
 * With mining, they share every mined log the same way: while this thread waits on the pass (a
 * rule's log, or the templates), it reads logs from the back and sends their mined lines over;
 * the miner takes them in the log's turn, so the templates are those of one pass in the bundle's
 * order. The rules' searches of such a log are answered here.
 */
class LogPassThread implements LogPassRunner {
  readonly readsAhead = true;
  readonly #bundle: Bundle;
  readonly #options: StartLogPassOptions;
  readonly #worker: Worker;
  readonly #lazy: SharedLogScans;
  readonly #eager = new Map<string, { searches: Map<string, LogSearch>; results: Deferred<Map<string, LogSearchResult>> }>();
  /** Who reads each shared log (in the thread's order): without mining those of `#eager`, with mining every mined log. */
  readonly #claims: LogClaims;
  readonly #sharing: boolean;
  /** Searches waiting on the thread; while there are some, this thread reads logs from the back. */
  #waiting = 0;
  #stealing = false;
  /**
   * Mined lines sent to the thread that its miner has not taken yet (it says so per log): past
   * HELD_LINES this thread stops helping until it has, so the lines held for it stay bounded.
   */
  #linesSent = 0;
  /** This thread waits on the whole pass (the templates, or the end): it helps until no log is left. */
  #awaitingPass = false;
  /** Stops a read this thread is helping with when the pass ends (closed, or the thread failed). */
  readonly #helpStop = new AbortController();
  readonly #finished = deferred<PatternReport | undefined>();
  readonly #templates = new Map<number, (id: string | undefined) => void>();
  #nextTemplate = 0;
  /** The pass run here when the thread could not open the bundle. */
  #fallback: LogPass | undefined;
  #exited: Promise<void>;

  /** `read`: the logs the thread reads (mines, or without mining shares with this thread), in its order. */
  constructor(bundle: Bundle, options: StartLogPassOptions, script: URL, read: readonly LogFile[]) {
    this.#bundle = bundle;
    this.#options = options;
    const readPaths = new Set(read.map((log) => log.path));
    const sharing = options.mine === false;
    this.#sharing = sharing;
    const lazy: { file: LogFile; search: LogSearch }[] = [];
    const planned: { path: string; search: LogSearch }[] = [];
    for (const { file, search } of options.planned) {
      // Shared logs may be read here too (a rule asks first, or this thread helps from the back).
      if (!readPaths.has(file.path) || sharing) lazy.push({ file, search });
      if (!readPaths.has(file.path)) continue;
      planned.push({ path: file.path, search });
      let eager = this.#eager.get(file.path);
      if (!eager) this.#eager.set(file.path, (eager = { searches: new Map(), results: deferred() }));
      eager.searches.set(searchKey(search), search);
    }
    this.#lazy = new SharedLogScans(lazy, options.pattern, options.signal);
    this.#claims = new LogClaims((sharing ? read.filter((log) => this.#eager.has(log.path)) : read).map((log) => log.path));
    const setup: LogPassThreadSetup = {
      location: bundle.location,
      limits: bundle.limits,
      // The logs are the node bundles' `logs/` (a supportconfig's files are not logs): its archives are not opened there.
      nested: { nodeBundles: !bundle.index.unopened.nodeBundles, supportconfig: false },
      planned,
      ...(options.bundleCreatedAt === undefined ? {} : { bundleCreatedAt: options.bundleCreatedAt }),
      ...(options.miner ? { miner: options.miner } : {}),
      ...(options.mine === false ? { mine: false } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      claims: { buffer: this.#claims.buffer, paths: [...this.#claims.paths] },
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
    if (!eager?.searches.has(key)) return this.#lazy.search(file, search, signal);
    if (this.#sharing && this.#claims.claim(file.path, BY_MAIN)) return this.#lazy.search(file, search, signal);
    this.#waiting += 1;
    void (this.#sharing ? this.#helpFromTheBack() : this.#helpMining());
    try {
      return (await abortable(eager.results.promise, signal)).get(key)!;
    } finally {
      this.#waiting -= 1;
    }
  }

  /** While rules wait on the thread, reads the last logs nobody has taken, one at a time. */
  async #helpFromTheBack(): Promise<void> {
    if (this.#stealing) return;
    this.#stealing = true;
    try {
      while (this.#waiting > 0 && !this.#options.signal?.aborted) {
        const path = this.#claims.claimLast(BY_MAIN);
        if (path === undefined) return;
        const log = this.#bundle.log(path)!;
        // One search starts the log's single scan for all of its planned searches; a failure
        // reaches the rule that asks for the log.
        const [first] = this.#eager.get(log.path)!.searches.values();
        await this.#lazy.search(log, first!).catch(() => undefined);
      }
    } finally {
      this.#stealing = false;
    }
  }

  /**
   * While this thread waits on the pass, reads mined logs from the back, one at a time, and sends
   * their mined lines to the thread (and answers their searches here).
   */
  async #helpMining(): Promise<void> {
    if (this.#sharing || this.#stealing) return;
    this.#stealing = true;
    try {
      while ((this.#waiting > 0 || this.#awaitingPass) && !this.#helpStop.signal.aborted && !this.#fallback && !this.#options.signal?.aborted && this.#linesSent < HELD_LINES) {
        const path = this.#claims.claimLast(BY_MAIN);
        if (path === undefined) return;
        await this.#mineHere(path);
      }
    } finally {
      this.#stealing = false;
    }
  }

  /** Reads a mined log the thread left to this one: its lines go to the thread, its searches' results to the rules. */
  async #mineHere(path: string): Promise<void> {
    const eager = this.#eager.get(path);
    const lines: LogLine[] = [];
    let overflowed = false;
    // Whatever happens, the thread hears about the log: it waits for it in the log's turn.
    let answer: LogPassRequest = { type: 'mined', path };
    try {
      const log = this.#bundle.log(path);
      if (!log) return;
      const batch = eager ? new LogSearchBatch(eager.searches, this.#options.pattern) : undefined;
      const signal = this.#options.signal ? AbortSignal.any([this.#options.signal, this.#helpStop.signal]) : this.#helpStop.signal;
      try {
        await readLogForPass(log, batch, true, signal, (line) => {
          if (overflowed) return !batch;
          lines.push(line);
          if (lines.length <= HELD_LINES_PER_LOG) return true;
          // Too many to hand over: the thread reads the log in its turn, as it would its own (this
          // read goes on only for the rules' searches).
          overflowed = true;
          lines.length = 0;
          return !!batch;
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        eager?.results.reject(error);
        // Past the bound the thread reads it and meets the failure itself; before, the lines read
        // until it failed count, as when the thread reads a log that fails half way.
        if (!overflowed && !signal.aborted) {
          this.#bundle.addDiagnostic({ path, level: 'error', message: `log could not be read for patterns: ${reason}` });
          this.#linesSent += lines.length;
          answer = { type: 'mined', path, lines, error: reason };
        }
        return;
      }
      if (batch) eager?.results.resolve(batch.results());
      if (!overflowed) {
        this.#linesSent += lines.length;
        answer = { type: 'mined', path, lines };
      }
    } catch (error) {
      eager?.results.reject(error);
    } finally {
      this.#post(answer);
    }
  }

  async patterns(): Promise<PatternReport> {
    this.#awaitingPass = true;
    void this.#helpMining();
    const report = await this.#finished.promise;
    if (!report) throw new Error('this log pass does not mine patterns (mine: false)');
    return report;
  }

  async finished(): Promise<void> {
    this.#awaitingPass = true;
    void this.#helpMining();
    await this.#finished.promise;
  }

  async templateOf(text: string, file: { timestampStyle: TimestampStyle }): Promise<string | undefined> {
    this.#awaitingPass = true;
    void this.#helpMining();
    const report = await this.#finished.promise;
    if (this.#fallback) return this.#fallback.templateOf(text, file);
    if (!report) return undefined;
    const id = this.#nextTemplate++;
    return new Promise((resolve) => {
      this.#templates.set(id, resolve);
      this.#post({ type: 'templateOf', id, text, style: file.timestampStyle });
    });
  }

  async close(): Promise<void> {
    this.#helpStop.abort();
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
        this.#finished.resolve(answer.report);
        return;
      case 'taken':
        this.#linesSent -= answer.lines;
        void this.#helpMining();
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
    const claims = this.#claims;
    // Mining here reads every log itself (this thread's help stops; a log it was reading is read twice).
    const pass = new LogPass(this.#bundle, { ...this.#options, ...(this.#sharing ? { claim: (log: LogFile) => claims.claim(log.path, BY_THREAD) } : {}) });
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
    pass.finished().then(
      (report) => this.#finished.resolve(report),
      (error: unknown) => this.#finished.reject(error),
    );
  }

  #fail(reason: string): void {
    this.#helpStop.abort();
    if (this.#fallback) return;
    const error = new Error(reason);
    for (const eager of this.#eager.values()) eager.results.reject(error);
    this.#finished.reject(error);
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
