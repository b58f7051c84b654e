import { describe, expect, it } from 'vitest';
import { ageAt, humanDuration } from './human-duration.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [-2 * second, '<invalid>'],
    [-1 * second, '0s'],
    [0, '0s'],
    [119 * second, '119s'],
    [2 * minute, '2m'],
    [3 * minute + 7 * second, '3m7s'],
    [9 * minute + 59 * second, '9m59s'],
    [10 * minute + 30 * second, '10m'],
    [179 * minute, '179m'],
    [3 * hour, '3h'],
    [7 * hour + 59 * minute, '7h59m'],
    [8 * hour + 30 * minute, '8h'],
    [47 * hour, '47h'],
    [2 * day, '2d'],
    [7 * day + 23 * hour, '7d23h'],
    [8 * day + 5 * hour, '8d'],
    [729 * day, '729d'],
    [2 * 365 * day + 10 * day, '2y10d'],
    [9 * 365 * day, '9y'],
  ])('prints %d ms as %s, as apimachinery does', (milliseconds, expected) => {
    expect(humanDuration(milliseconds)).toBe(expected);
  });

  it('measures an age from the bundle creation time, never from the clock', () => {
    const created = Date.parse('2022-03-22T23:49:32Z');
    expect(ageAt('2022-03-06T22:45:28Z', created)).toBe('16d');
    expect(ageAt('2022-03-22T23:49:00Z', created)).toBe('32s');
  });

  it('says <unknown> when the timestamp or the bundle creation time is missing', () => {
    expect(ageAt(undefined, Date.now())).toBe('<unknown>');
    expect(ageAt('not a time', Date.now())).toBe('<unknown>');
    expect(ageAt('2022-03-06T22:45:28Z', undefined)).toBe('<unknown>');
  });
});
