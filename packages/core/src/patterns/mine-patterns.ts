import type { Bundle, LogQuery } from '../bundle.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LogFile } from '../logs/log-file.js';
import { logPrefilter } from './log-prefilter.js';
import { PatternMiner, type PatternMinerOptions } from './pattern-miner.js';
import type { PatternReport } from './pattern-types.js';

export interface MinePatternsOptions extends Omit<PatternMinerOptions, 'bundleCreatedAt'> {
  /** Which logs (default: every pod log, `.log.1` and node log). */
  logs?: LogQuery;
  /** Keep the first N templates of the ranking (all by default). */
  limit?: number;
  /** `false` decodes every line instead of only those that may be warnings or errors (slower; for checks). */
  prefilter?: boolean;
  signal?: AbortSignal;
  /** Called after each log. */
  onProgress?: (event: { path: string; filesDone: number; files: number }) => void;
}

/**
 * Reads every log of the bundle once, streamed, and groups its warning and error lines into
 * ranked templates (`PatternReport`). A log that cannot be read is listed in `unreadable` (and
 * as a bundle diagnostic); the others are still mined.
 */
export async function minePatterns(bundle: Bundle, options: MinePatternsOptions = {}): Promise<PatternReport> {
  const started = performance.now();
  const facts = await bundle.facts();
  // Node logs are in the node bundles (opened here when the bundle opens them on demand).
  const file = options.logs?.file;
  if (options.logs?.kind !== 'pod') await bundle.openNestedArchives({ nodeBundles: true, supportconfig: typeof file === 'string' && file.startsWith('supportconfig/') });
  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  const miner = new PatternMiner({ ...options, ...(createdAt === undefined || Number.isNaN(createdAt) ? {} : { bundleCreatedAt: createdAt }) });
  const { logs, left } = logsToMine(bundle.logs(options.logs ?? {}));
  if (left > 0) bundle.addDiagnostic(unminedLogsDiagnostic(logs.length, left));
  let done = 0;
  for (const log of logs) {
    options.signal?.throwIfAborted();
    try {
      const pattern = options.prefilter === false ? undefined : await logPrefilter(log, options.signal);
      for await (const line of log.lines({ ...(pattern ? { prefilterPattern: pattern } : {}), ...(options.signal ? { signal: options.signal } : {}) })) {
        miner.add(line, log);
      }
      miner.addFile(log);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      miner.addUnreadable(log.path, reason);
      bundle.addDiagnostic({ path: log.path, level: 'error', message: `log could not be read for patterns: ${reason}` });
    }
    done += 1;
    options.onProgress?.({ path: log.path, filesDone: done, files: logs.length });
  }
  const report = miner.result(options.limit === undefined ? {} : { limit: options.limit });
  report.stats.elapsedMs = Math.round(performance.now() - started);
  return report;
}

/**
 * Logs with lines to mine: pod logs, and node files named `*.log` or `*.log.N` other than the
 * `ctr images ls` table (old kits also put the supportconfig tarball under `logs/`).
 */
export function isTextLog(log: LogFile): boolean {
  if (log.kind === 'pod') return true;
  const name = (log.file ?? log.path).split('/').pop() ?? '';
  return /\.log(\.\d+)?$/.test(name) && name !== 'containerd-images.log';
}

/**
 * Text logs the miner reads at the most. Each log costs a stream and a little state whatever its
 * size, so a bundle of many tiny logs (the hostile corpus holds 200,000) would otherwise take
 * minutes and gigabytes. The L bench bundle (3,000 pods, 20 nodes) holds about 1,500; past the
 * bound the logs the rules search come first.
 */
export const MAX_MINED_LOGS = 5_000;

/**
 * The text logs to mine, in the bundle's order: all of them, or past `max` the ones `first`
 * names (the logs the rules search) and then the others in order. `left` counts those not mined.
 */
export function logsToMine(logs: readonly LogFile[], first: ReadonlySet<string> = new Set(), max = MAX_MINED_LOGS): { logs: LogFile[]; left: number } {
  const text = logs.filter(isTextLog);
  if (text.length <= max) return { logs: text, left: 0 };
  const chosen = new Set<LogFile>(text.filter((log) => first.has(log.path)).slice(0, max));
  for (const log of text) {
    if (chosen.size >= max) break;
    chosen.add(log);
  }
  return { logs: text.filter((log) => chosen.has(log)), left: text.length - chosen.size };
}

/** What a report says when some logs were not mined. */
export function unminedLogsDiagnostic(mined: number, left: number): Diagnostic {
  return { path: 'logs', level: 'warning', message: `log patterns: ${mined.toLocaleString('en-US')} logs mined, ${left.toLocaleString('en-US')} more not read for patterns (at most ${MAX_MINED_LOGS.toLocaleString('en-US')}); the rules still read the logs they search` };
}
