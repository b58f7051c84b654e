import type { IntervalHistogram } from './interval-histogram.js';

/**
 * A loop is a template that one process writes at a steady interval over minutes: the
 * signature of a controller that requeues the same failing object, a probe that keeps failing,
 * a job that retries forever. Bursts (many lines in the same second) and lines spread at random
 * are not loops.
 */
export interface LoopCriteria {
  /** Least number of steady gaps (one fewer than the occurrences). */
  minSteadyIntervals: number;
  /** Least share of all gaps that are steady. */
  minSteadyShare: number;
  /** Shortest interval that counts as a loop rather than a burst. */
  minIntervalMs: number;
  /** Least time the steady gaps add up to. */
  minSpanMs: number;
}

export const DEFAULT_LOOP_CRITERIA: LoopCriteria = {
  minSteadyIntervals: 4,
  minSteadyShare: 0.6,
  minIntervalMs: 1_000,
  minSpanMs: 2 * 60_000,
};

export interface DetectedLoop {
  /** Mean of the steady gaps. */
  intervalMs: number;
  /** Occurrences at that interval (steady gaps + 1). */
  occurrences: number;
  /** Share of all gaps that are steady, 0–1. */
  steadyShare: number;
}

export function detectLoop(intervals: IntervalHistogram, criteria: LoopCriteria = DEFAULT_LOOP_CRITERIA): DetectedLoop | undefined {
  const steady = intervals.dominant();
  if (!steady || intervals.total === 0) return undefined;
  const share = steady.count / intervals.total;
  if (steady.count < criteria.minSteadyIntervals) return undefined;
  if (share < criteria.minSteadyShare) return undefined;
  if (steady.meanMs < criteria.minIntervalMs) return undefined;
  if (steady.count * steady.meanMs < criteria.minSpanMs) return undefined;
  return { intervalMs: steady.meanMs, occurrences: steady.count + 1, steadyShare: share };
}
