import { describe, expect, it } from 'vitest';
import { ExitCode, worseExit } from './exit-codes.js';

describe('worseExit', () => {
  it('ranks a bug over unusable input over findings over success', () => {
    const order = [ExitCode.ok, ExitCode.findings, ExitCode.usage, ExitCode.internal];
    for (const [index, better] of order.entries()) {
      for (const worse of order.slice(index)) {
        expect(worseExit(better, worse)).toBe(worse);
        expect(worseExit(worse, better)).toBe(worse);
      }
    }
  });
});
