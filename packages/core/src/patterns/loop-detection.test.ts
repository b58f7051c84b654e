import { describe, expect, it } from 'vitest';
import { IntervalHistogram } from './interval-histogram.js';
import { detectLoop } from './loop-detection.js';

function histogram(intervals: number[]): IntervalHistogram {
  const result = new IntervalHistogram();
  for (const interval of intervals) result.add(interval);
  return result;
}

describe('detectLoop', () => {
  it('flags the same template every 30 s over ten minutes, with its interval', () => {
    const loop = detectLoop(histogram(Array.from({ length: 20 }, (_, index) => 30_000 + (index % 3) * 400)));
    expect(loop).toBeDefined();
    expect(loop!.occurrences).toBe(21);
    expect(loop!.intervalMs).toBeGreaterThan(29_000);
    expect(loop!.intervalMs).toBeLessThan(31_000);
  });

  it('flags a requeue whose backoff grew to a steady cap after a few fast retries', () => {
    const backoff = [5, 10, 20, 40, 80, 160, 320, 640, 1280, ...Array.from({ length: 30 }, () => 300_000)];
    expect(detectLoop(histogram(backoff))?.intervalMs).toBeCloseTo(300_000, -3);
  });

  it('does not flag a burst (many lines within a second), lines at random, or a loop shorter than two minutes', () => {
    expect(detectLoop(histogram(Array.from({ length: 100 }, () => 10)))).toBeUndefined();
    expect(detectLoop(histogram([1_000, 90_000, 4_000, 600_000, 20_000, 7_000, 300, 45_000]))).toBeUndefined();
    expect(detectLoop(histogram([10_000, 10_000, 10_000, 10_000, 10_000]))).toBeUndefined();
  });
});
