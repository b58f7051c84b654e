import { describe, expect, it } from 'vitest';
import { groupingAccuracy, labelledLogs } from '../../../../testdata/generator/log-profiles/index.js';
import { mineLabelled } from './test-grouping.js';

const CREATED_AT = '2025-03-12T09:14:07Z';

describe('grouping accuracy on the labelled log profiles (loghub metric)', () => {
  const lines = labelledLogs({ seed: 20251126, linesPerTemplate: 40, createdAt: CREATED_AT });
  const { predicted } = mineLabelled(lines, Date.parse(CREATED_AT));
  const mined = lines.map((line, index) => ({ line, predicted: predicted[index] })).filter(({ line }) => line.level !== 'info');

  it('groups the warning and error lines of every profile with an accuracy of at least 0.9', () => {
    const score = groupingAccuracy(
      mined.map(({ line }) => line.template),
      mined.map(({ predicted }) => predicted),
    );
    console.info(`grouping accuracy ${score.accuracy.toFixed(3)} on ${score.lines} lines; misgrouped: ${JSON.stringify(score.misgrouped)}`);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('mines no routine (info) line and every warning, error and fatal line', () => {
    const routine = lines.map((line, index) => ({ line, predicted: predicted[index] })).filter(({ line }) => line.level === 'info');
    expect(routine.filter(({ predicted }) => predicted !== undefined).map(({ line }) => line.template)).toEqual([]);
    expect(mined.filter(({ predicted }) => predicted === undefined).map(({ line }) => line.template)).toEqual([]);
  });
});

describe('groupingAccuracy', () => {
  it('counts a line right only when its group holds exactly its template\'s lines', () => {
    expect(groupingAccuracy(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y']).accuracy).toBe(1);
    // b is split: its two lines are wrong; a is exact.
    expect(groupingAccuracy(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'z']).accuracy).toBe(0.5);
    // a and b merged: nothing is right.
    expect(groupingAccuracy(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x']).accuracy).toBe(0);
    expect(groupingAccuracy(['a'], [undefined]).accuracy).toBe(0);
  });
});
