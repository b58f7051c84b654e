import type { Bundle, LogQuery } from '../bundle.js';
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
  const logs = bundle.logs(options.logs ?? {}).filter(isTextLog);
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
