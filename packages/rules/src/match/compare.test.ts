import { describe, expect, it } from 'vitest';
import { looselyEqual, toNumber } from './compare.js';

describe('toNumber', () => {
  it('reads Kubernetes quantities with case-sensitive suffixes', () => {
    expect(toNumber('500m')).toBe(0.5);
    expect(toNumber('2M')).toBe(2e6);
    expect(toNumber('10Gi')).toBe(10 * 2 ** 30);
    expect(toNumber('2Ei')).toBe(2 * 2 ** 60);
    expect(toNumber('85%')).toBe(85);
    expect(toNumber('2e+09')).toBe(2e9);
    expect(toNumber(42)).toBe(42);
  });

  it('gives undefined for what is not a quantity, so comparisons on it do not hold', () => {
    expect(toNumber('10 apples')).toBeUndefined();
    expect(toNumber('mi')).toBeUndefined();
    expect(toNumber(null)).toBeUndefined();
  });
});

describe('looselyEqual', () => {
  it('forgives scalar types the way YAML and the kit blur them', () => {
    expect(looselyEqual('True', true)).toBe(true);
    expect(looselyEqual('1', 1)).toBe(true);
    expect(looselyEqual({ a: [1] }, { a: ['1'] })).toBe(true);
    expect(looselyEqual('1/1', '0/1')).toBe(false);
  });
});
