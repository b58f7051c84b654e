import { logPrefilter, logsToMine, unminedLogsDiagnostic, PatternMiner, type Bundle, type LogFile, type LogLine, type PatternMinerOptions, type PatternReport } from '@bundle-triage/core';
import type { SafePattern } from '../rule/safe-pattern.js';
import { searchKey, type LogSearch, type LogSearchResult } from './log-search.js';
import { LogSearchBatch } from './log-search-batch.js';
import { deferred, type Deferred } from './deferred.js';
import { abortable, SharedLogScans } from './shared-log-scans.js';

/** What the analysis asks of the logs: the rules' searches, and (with patterns) the templates. */
export interface LogScans {
  search(file: LogFile, search: LogSearch, signal?: AbortSignal): Promise<LogSearchResult>;
}

export interface LogPassOptions {
  /** Every search the declarative rules will make, with its file. */
  planned: readonly { file: LogFile; search: LogSearch }[];
  /** The logs to mine (`logsToMine`), when the caller has chosen them already (listing 200,000 logs takes most of a second). */
  mined?: { logs: LogFile[]; left: number };
  pattern: (source: string) => SafePattern;
  /** The miner's caps and criteria (the bundle's creation time is added here). */
  miner?: Omit<PatternMinerOptions, 'bundleCreatedAt'>;
  bundleCreatedAt?: number;
  signal?: AbortSignal;
  /** Logs read at once while serving the rules (default 2: one inflates while one is scanned). */
  concurrency?: number;
  /** Mined lines held for logs read ahead of their turn, per log and in all (defaults 20,000 and 100,000). */
  heldLines?: { perLog: number; total: number };
  /**
   * Mine the logs for patterns (default true). Without, the pass only serves the rules' searches
   * of the logs they search, each read once (what a thread does for the fastest run).
   */
  mine?: boolean;
  /**
   * Asked before the pass reads a log the rules search: false when another thread has taken it
   * (see LogClaims), and then this pass leaves it (no results for it here).
   */
  claim?: (log: LogFile) => boolean;
  /** Told the results of each log the rules search, as soon as they are known (a thread passes them on). */
  onServed?: (path: string, outcome: { results: Map<string, LogSearchResult> } | { error: unknown }) => void;
  /**
   * While mining: what the other thread found in a log it took (`claim` said false), awaited in
   * the log's turn — its mined lines, and why it could not be read if it failed part way (it has
   * noted the diagnostic), or `read-here` (too many lines to hand over: this pass reads it itself).
   */
  readElsewhere?: (log: LogFile) => Promise<ReadElsewhere>;
}

export type ReadElsewhere = { lines: LogLine[]; error?: string } | 'read-here';

/** Mined lines held for a log read ahead of its turn; past these the log is read again in turn. */
export const HELD_LINES_PER_LOG = 20_000;
export const HELD_LINES = 100_000;

/**
 * One pass over each log serves the rules' searches and the pattern miner together. Every log
 * the miner reads (pod logs, `.log.1`, node logs) is streamed once; the rules' literals and the
 * miner's level expression make one prefilter, so the lines neither wants are never decoded.
 *
 * Two orders meet here. Rules wait for their logs, so the logs they search are read first. The
 * miner's templates depend on the order lines arrive (Drain), and must not depend on which rules
 * ran: it is fed in the bundle's log order (as `minePatterns` reads it), from the lines held for
 * the logs read early (bounded; a log past the bound is read again in its turn) and by reading
 * the others in turn. Searches of logs the miner does not read (the supportconfig's messages.txt,
 * a configs file) are served lazily, as `SharedLogScans` does.
 */
export class LogPass implements LogScans {
  readonly #bundle: Bundle;
  readonly #options: LogPassOptions;
  /** Undefined when the pass does not mine (`mine: false`). */
  readonly #miner: PatternMiner | undefined;
  readonly #lazy: SharedLogScans;
  readonly #mined: LogFile[];
  /** Planned searches of mined logs, by path. */
  readonly #eagerSearches = new Map<string, Map<string, LogSearch>>();
  /** Results of those searches, by path; settled as the pass reads each log. */
  readonly #eagerResults = new Map<string, Promise<Map<string, LogSearchResult>>>();
  /** Mined lines of logs read early, waiting for their turn (undefined: past the bound, read again). */
  readonly #held = new Map<string, LogLine[] | undefined>();
  #heldLines = 0;
  /** How each early log's searches are answered. */
  readonly #pending = new Map<string, Deferred<Map<string, LogSearchResult>>>();
  readonly #unreadable = new Set<string>();
  readonly #finished: Promise<PatternReport | undefined>;
  readonly #started = performance.now();

  constructor(bundle: Bundle, options: LogPassOptions) {
    this.#bundle = bundle;
    this.#options = options;
    const mining = options.mine !== false;
    this.#miner = mining ? new PatternMiner({ ...options.miner, ...(options.bundleCreatedAt === undefined ? {} : { bundleCreatedAt: options.bundleCreatedAt }) }) : undefined;
    const { logs, left } = options.mined ?? (mining ? logsToMine(bundle.logs(), new Set(options.planned.map(({ file }) => file.path))) : searchedLogs(bundle, options.planned));
    this.#mined = logs;
    if (left > 0) bundle.addDiagnostic(unminedLogsDiagnostic(logs.length, left));
    const mined = new Set(this.#mined.map((log) => log.path));
    const lazy: { file: LogFile; search: LogSearch }[] = [];
    for (const { file, search } of options.planned) {
      if (!mined.has(file.path)) {
        lazy.push({ file, search });
        continue;
      }
      let searches = this.#eagerSearches.get(file.path);
      if (!searches) this.#eagerSearches.set(file.path, (searches = new Map()));
      searches.set(searchKey(search), search);
    }
    this.#lazy = new SharedLogScans(lazy, options.pattern, options.signal);
    this.#finished = this.#run();
    // Awaited by `patterns()`; a failure here must not be unhandled when nobody asks.
    this.#finished.catch(() => undefined);
  }

  async search(file: LogFile, search: LogSearch, signal?: AbortSignal): Promise<LogSearchResult> {
    const eager = this.#eagerResults.get(file.path);
    const key = searchKey(search);
    if (eager && this.#eagerSearches.get(file.path)?.has(key)) return (await abortable(eager, signal)).get(key)!;
    return this.#lazy.search(file, search, signal);
  }

  /** The templates of every mined log, ranked (all of them), once the pass is done. */
  async patterns(): Promise<PatternReport> {
    const report = await this.#finished;
    if (!report) throw new Error('this log pass does not mine patterns (mine: false)');
    return report;
  }

  /** Settles when every log of the pass has been read: with the templates when it mines. */
  finished(): Promise<PatternReport | undefined> {
    return this.#finished;
  }

  /** The template a log line belongs to (`text`: the line after its timestamp), once the pass is done. */
  async templateOf(text: string, file: Pick<LogFile, 'timestampStyle'>): Promise<string | undefined> {
    await this.#finished;
    return this.#miner?.templateOf(text, file);
  }

  async #run(): Promise<PatternReport | undefined> {
    const first = this.#mined.filter((log) => this.#eagerSearches.has(log.path));
    for (const log of first) {
      const results = deferred<Map<string, LogSearchResult>>();
      this.#eagerResults.set(log.path, results.promise);
      this.#pending.set(log.path, results);
    }
    await this.#serveRules(first);
    const miner = this.#miner;
    if (!miner) return undefined;
    for (const log of this.#mined) {
      this.#options.signal?.throwIfAborted();
      if (this.#held.has(log.path)) {
        const lines = this.#held.get(log.path);
        this.#held.delete(log.path);
        if (lines) {
          for (const line of lines) miner.add(line, log);
          this.#heldLines -= lines.length;
          miner.addFile(log);
          continue;
        }
      } else if (this.#unreadable.has(log.path)) {
        continue;
      }
      if (this.#options.claim && this.#options.readElsewhere && !this.#options.claim(log)) {
        const found = await abortable(this.#options.readElsewhere(log), this.#options.signal);
        if (found !== 'read-here') {
          // As when this pass reads a log that fails half way: the lines until then count.
          for (const line of found.lines) miner.add(line, log);
          if (found.error !== undefined) miner.addUnreadable(log.path, found.error);
          else miner.addFile(log);
          continue;
        }
      }
      await this.#read(log, undefined);
    }
    const report = miner.result();
    report.stats.elapsedMs = Math.round(performance.now() - this.#started);
    return report;
  }

  /** Reads the logs the rules search, a few at once, holding their mined lines for their turn. */
  async #serveRules(logs: readonly LogFile[]): Promise<void> {
    const queue = [...logs];
    const concurrency = Math.max(1, this.#options.concurrency ?? 2);
    const worker = async () => {
      for (let log = queue.shift(); log; log = queue.shift()) {
        if (this.#options.claim && !this.#options.claim(log)) continue;
        const batch = new LogSearchBatch(this.#eagerSearches.get(log.path)!, this.#options.pattern);
        const results = this.#pending.get(log.path)!;
        try {
          await this.#read(log, batch);
          results.resolve(batch.results());
          this.#options.onServed?.(log.path, { results: batch.results() });
        } catch (error) {
          results.reject(error);
          this.#options.onServed?.(log.path, { error });
          if (this.#options.signal?.aborted) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, logs.length)) }, worker));
  }

  /**
   * One read of a log: the searches (when given) see the lines holding their literals, the miner
   * the lines its level expression matches. With searches the log is read ahead of its turn, so
   * the mined lines are held (bounded); without, they go to the miner at once.
   */
  async #read(log: LogFile, batch: LogSearchBatch | undefined): Promise<void> {
    const signal = this.#options.signal;
    const held: LogLine[] = [];
    let overflowed = false;
    const miner = this.#miner;
    try {
      await readLogForPass(log, batch, miner !== undefined, signal, (line) => {
        if (!batch) miner!.add(line, log);
        else if (!overflowed) {
          held.push(line);
          const bound = this.#options.heldLines ?? { perLog: HELD_LINES_PER_LOG, total: HELD_LINES };
          if (held.length > bound.perLog || this.#heldLines + held.length > bound.total) overflowed = true;
        }
      });
      if (!batch) {
        miner?.addFile(log);
        return;
      }
      if (!miner) return;
      // Past the bound the lines are dropped, and the log is read again in its turn.
      this.#held.set(log.path, overflowed ? undefined : held);
      if (!overflowed) this.#heldLines += held.length;
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      this.#unreadable.add(log.path);
      this.#held.delete(log.path);
      // Without mining, the rule that searched the log reports the failure, as when this thread reads it.
      if (miner) {
        miner.addUnreadable(log.path, reason);
        this.#bundle.addDiagnostic({ path: log.path, level: 'error', message: `log could not be read for patterns: ${reason}` });
      }
      if (batch) throw error;
    }
  }
}

/**
 * One read of a log for a pass: the searches of `batch` see the lines holding their literals, and
 * when `mine`, `onMined` gets the lines the miner wants (its level expression, or every line of a
 * small log), in order, until it returns false.
 */
export async function readLogForPass(log: LogFile, batch: LogSearchBatch | undefined, mine: boolean, signal: AbortSignal | undefined, onMined: (line: LogLine) => boolean | void): Promise<void> {
  const minePattern = mine ? await logPrefilter(log, signal) : undefined;
  const searched = batch ? batch.prefilter() : { literals: [] };
  // A search without literals reads every line; so does a small log the miner reads (no miner prefilter).
  const everyLine = searched === undefined || (mine && minePattern === undefined);
  const mineTest = minePattern && new RegExp(minePattern.source, minePattern.flags.replace(/[gy]/g, ''));
  const options = { ...(everyLine ? {} : { prefilter: searched!.literals, ...scanPattern(minePattern, searched!.pattern) }), ...(signal ? { signal } : {}) };
  for await (const line of log.lines(options)) {
    batch?.test(line);
    if (!mine) continue;
    // Lines that came for a search's literals only are not the miner's.
    if (mineTest && !mineTest.test(line.raw)) continue;
    // `false`: nothing more is wanted from this log.
    if (onMined(line) === false) return;
  }
}

/** Without mining, the logs read are the bundle's logs the rules search, in the bundle's order. */
export function searchedLogs(bundle: Bundle, planned: readonly { file: LogFile }[]): { logs: LogFile[]; left: number } {
  if (planned.length === 0) return { logs: [], left: 0 };
  const searched = new Set(planned.map(({ file }) => file.path));
  return { logs: listedLogs(bundle).filter((log) => searched.has(log.path)), left: 0 };
}

/** The bundle's logs as listed now: node logs once the node bundles are open (the rules that search them open them). */
export function listedLogs(bundle: Bundle): LogFile[] {
  return bundle.index.unopened.nodeBundles ? bundle.logs({ kind: 'pod' }) : bundle.logs();
}

/**
 * The miner's level expression and the searches' any-case literals as the scanner's one pattern
 * (a line either wants is read). The any-case source needs no flag, so it takes the miner's.
 */
function scanPattern(mine: RegExp | undefined, searched: RegExp | undefined): { prefilterPattern?: RegExp } {
  if (!mine && !searched) return {};
  if (!mine || !searched) return { prefilterPattern: (mine ?? searched)! };
  return { prefilterPattern: new RegExp(`${mine.source}|${searched.source}`, mine.flags) };
}
