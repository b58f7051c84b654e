import { describe, expect, it } from 'vitest';
import { SafePattern, UnsafePatternError } from './safe-pattern.js';

describe('SafePattern', () => {
  it('refuses lookaround when it is made', () => {
    expect(() => new SafePattern('a(?=b)')).toThrow(UnsafePatternError);
  });

  it('compiledOnUse matches as the compiled pattern does, with named groups', () => {
    const eager = new SafePattern('volume (?P<name>pvc-[0-9a-f]+) is (?i)FAULTED');
    const lazy = SafePattern.compiledOnUse(eager.source);
    for (const text of ['volume pvc-1a2b is faulted', 'volume pvc-1a2b is healthy', '']) {
      expect(lazy.test(text)).toBe(eager.test(text));
      expect(lazy.exec(text)?.groups).toEqual(eager.exec(text)?.groups);
    }
  });

  it('compiledOnUse refuses a pattern RE2 cannot run when it is first used, not when it is made', () => {
    const pattern = SafePattern.compiledOnUse('(a)\\1');
    expect(pattern.source).toBe('(a)\\1');
    expect(() => pattern.test('aa')).toThrow(UnsafePatternError);
  });
});
