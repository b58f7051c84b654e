import { describe, expect, it } from 'vitest';
import { journalLineTime, parseRfc3339, podLineTime, timePointFromMs, yearlessTime } from './time-point.js';

describe('time points', () => {
  it('keeps the fractional digits the source wrote and says how precise it is', () => {
    expect(parseRfc3339('2022-03-06T22:45:28Z')).toEqual({ at: Date.parse('2022-03-06T22:45:28Z'), time: '2022-03-06T22:45:28Z', precision: 's' });
    expect(parseRfc3339('2022-03-22T23:49:14.123518Z')).toMatchObject({ time: '2022-03-22T23:49:14.123518Z', precision: 'us' });
    expect(podLineTime('2022-03-06T22:51:56.804799714Z time="…"')).toMatchObject({ time: '2022-03-06T22:51:56.804799714Z', precision: 'ns', at: Date.parse('2022-03-06T22:51:56.804Z') });
  });

  it('normalises offsets to UTC', () => {
    expect(parseRfc3339('2022-03-06T14:45:28.5-08:00')).toMatchObject({ time: '2022-03-06T22:45:28.5Z', precision: 'ms' });
    expect(parseRfc3339('2022-03-06 23:45:28+0100')?.time).toBe('2022-03-06T22:45:28Z');
    expect(parseRfc3339('not a time')).toBeUndefined();
  });

  it('takes a missing year from the bundle, the year before across New Year, and marks it inferred', () => {
    const created = Date.parse('2025-01-02T10:00:00Z');
    expect(journalLineTime('Jan 02 09:59:59.123456 node1 kernel: x', created)).toMatchObject({ time: '2025-01-02T09:59:59.123456Z', inferred: 'year', precision: 'us' });
    expect(journalLineTime('Dec 31 23:00:00 node1 kernel: x', created)).toMatchObject({ time: '2024-12-31T23:00:00Z', inferred: 'year', precision: 's' });
    expect(yearlessTime(0, 2, 9, 0, 0, '', undefined)).toBeUndefined();
  });

  it('gives computed times no more digits than they have', () => {
    expect(timePointFromMs(Date.parse('2025-03-12T09:14:07.250Z')).time).toBe('2025-03-12T09:14:07.250Z');
    expect(timePointFromMs(Date.parse('2025-03-12T09:14:07.250Z'), 's').time).toBe('2025-03-12T09:14:07Z');
  });
});
