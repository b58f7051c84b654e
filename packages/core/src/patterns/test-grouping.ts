/**
 * Runs labelled lines (from the testdata log profiles) through a PatternMiner as a bundle scan
 * would feed them, and scores the grouping. Shared by the accuracy test and bench/patterns.
 */
import type { LogLine } from '../logs/log-file.js';
import { splitJournalLine, splitPodLogLine } from '../logs/log-timestamps.js';
import { PatternMiner, type PatternMinerOptions, type PatternSource } from './pattern-miner.js';
import type { PatternReport } from './pattern-types.js';
import { templateId } from './template-id.js';
import type { DrainCluster } from './drain-tree.js';

export interface LabelledInput {
  template: string;
  level: string;
  path: string;
  line: string;
}

export interface MinedLabels {
  /** For each input line: the id of the template it ended in, or undefined (not mined). */
  predicted: (string | undefined)[];
  report: PatternReport;
}

export function mineLabelled(lines: readonly LabelledInput[], bundleCreatedAt: number, options: PatternMinerOptions = {}): MinedLabels {
  const miner = new PatternMiner({ ...options, bundleCreatedAt });
  const numbers = new Map<string, number>();
  const clusters: (DrainCluster | undefined)[] = lines.map((input) => {
    const line = (numbers.get(input.path) ?? 0) + 1;
    numbers.set(input.path, line);
    const source = sourceOf(input.path);
    const split = source.timestampStyle === 'pod' ? splitPodLogLine(input.line) : source.timestampStyle === 'journal' ? splitJournalLine(input.line, bundleCreatedAt) : { text: input.line };
    const logLine: LogLine = { line, raw: input.line, text: split.text, ...(split.time === undefined ? {} : { time: split.time }) };
    return miner.add(logLine, source);
  });
  // Ids from the final templates: a cluster's text settles only once every line is in.
  const ids = new Map<DrainCluster, string>();
  const idOf = (cluster: DrainCluster) => ids.get(cluster) ?? ids.set(cluster, templateId(cluster.tokens.join(' '))).get(cluster)!;
  return { predicted: clusters.map((cluster) => cluster && idOf(cluster)), report: miner.result() };
}

function sourceOf(path: string): PatternSource {
  if (path.startsWith('logs/')) return { path, kind: 'pod', timestampStyle: 'pod' };
  const journal = !path.endsWith('/kubelet.log');
  return { path, kind: 'node', timestampStyle: journal ? 'journal' : 'none' };
}
