import { describe, expect, it } from 'vitest';
import { BY_MAIN, BY_THREAD, LogClaims, UNCLAIMED } from './log-claims.js';

const PATHS = ['a.log', 'b.log', 'c.log', 'd.log', 'e.log'];

describe('log claims: the main thread and the log thread never read the same log', () => {
  it('gives each log to whoever takes it first, from the front or the back', () => {
    const main = new LogClaims(PATHS);
    // The thread's view of the same cells, as it gets them through workerData.
    const thread = new LogClaims(PATHS, main.buffer);
    expect(thread.claim('a.log', BY_THREAD)).toBe(true);
    expect(main.claim('b.log', BY_MAIN)).toBe(true);
    expect(thread.claim('b.log', BY_THREAD)).toBe(false);
    expect(main.claim('a.log', BY_MAIN)).toBe(false);
    // Asking again for one's own log is fine (two rules ask for the same file).
    expect(main.claim('b.log', BY_MAIN)).toBe(true);
    expect(main.owner('c.log')).toBe(UNCLAIMED);
  });

  it('takes the last free log from the back, skipping logs the thread took, until none is left', () => {
    const main = new LogClaims(PATHS);
    const thread = new LogClaims(PATHS, main.buffer);
    thread.claim('e.log', BY_THREAD);
    thread.claim('c.log', BY_THREAD);
    expect(main.claimLast(BY_MAIN)).toBe('d.log');
    expect(main.claimLast(BY_MAIN)).toBe('b.log');
    expect(main.claimLast(BY_MAIN)).toBe('a.log');
    expect(main.claimLast(BY_MAIN)).toBeUndefined();
    expect(PATHS.map((path) => main.owner(path))).toEqual([BY_MAIN, BY_MAIN, BY_THREAD, BY_MAIN, BY_THREAD]);
  });

  it('has nothing to take from an empty list, and lets each side read a log that is not shared', () => {
    expect(new LogClaims([]).claimLast(BY_MAIN)).toBeUndefined();
    expect(new LogClaims(PATHS).claim('other.log', BY_MAIN)).toBe(true);
  });
});
