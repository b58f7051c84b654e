import { describe, expect, it } from 'vitest';
import { BY_MAIN, BY_THREAD, LogClaims, UNCLAIMED } from './log-claims.js';

describe('log claims: the main thread and the log thread never read the same log', () => {
  it('gives each log to whoever takes it first, from the front or the back', () => {
    const main = new LogClaims(5);
    // The thread's view of the same cells, as it gets them through workerData.
    const thread = new LogClaims(5, main.buffer);
    expect(thread.claim(0, BY_THREAD)).toBe(true);
    expect(main.claim(1, BY_MAIN)).toBe(true);
    expect(thread.claim(1, BY_THREAD)).toBe(false);
    expect(main.claim(0, BY_MAIN)).toBe(false);
    // Asking again for one's own log is fine (two rules ask for the same file).
    expect(main.claim(1, BY_MAIN)).toBe(true);
    expect(main.owner(2)).toBe(UNCLAIMED);
  });

  it('takes the last free log from the back, skipping logs the thread took, until none is left', () => {
    const main = new LogClaims(5);
    const thread = new LogClaims(5, main.buffer);
    thread.claim(4, BY_THREAD);
    thread.claim(2, BY_THREAD);
    expect(main.claimLast(BY_MAIN)).toBe(3);
    expect(main.claimLast(BY_MAIN)).toBe(1);
    expect(main.claimLast(BY_MAIN)).toBe(0);
    expect(main.claimLast(BY_MAIN)).toBe(-1);
    expect([0, 1, 2, 3, 4].map((index) => main.owner(index))).toEqual([BY_MAIN, BY_MAIN, BY_THREAD, BY_MAIN, BY_THREAD]);
  });

  it('has nothing to take from an empty list', () => {
    expect(new LogClaims(0).claimLast(BY_MAIN)).toBe(-1);
  });
});
