import { describe, expect, it } from 'vitest';
import { compare, looselyEqual, toNumber } from './compare.js';

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

describe('timestamp ages, counted back from the bundle creation', () => {
  const createdAt = Date.parse('2025-03-06T22:45:28Z');
  const helpers = { pattern: () => { throw new Error('no pattern'); }, resolveNumber: () => undefined, resolveValue: () => undefined, createdAt: () => createdAt };

  it('olderThan holds for a time at least that long before the bundle, not for a later one', () => {
    expect(compare('2025-03-06T22:35:28Z', { olderThan: '10m' }, helpers)).toBe(true);
    expect(compare('2025-03-06T22:35:29Z', { olderThan: '10m' }, helpers)).toBe(false);
  });

  it('within holds for a recent time, including one after the creation (clock skew), not for an old one', () => {
    expect(compare('2025-03-06T22:00:00Z', { within: '1h' }, helpers)).toBe(true);
    expect(compare('2025-03-06T23:00:00Z', { within: '1h' }, helpers)).toBe(true);
    expect(compare('2025-03-05T22:00:00Z', { within: '1h' }, helpers)).toBe(false);
  });

  it('a value that is not a timestamp never satisfies an age check', () => {
    expect(compare(undefined, { olderThan: '1s' }, helpers)).toBe(false);
    expect(compare('null', { within: '1d' }, helpers)).toBe(false);
    expect(compare(12, { within: '1d' }, helpers)).toBe(false);
  });
});

describe('bounds from another field, scaled and shifted', () => {
  const capacity = 196_494_753_792; // 183 GiB
  const helpers = { pattern: () => { throw new Error('no pattern'); }, resolveNumber: () => capacity, resolveValue: () => undefined, createdAt: () => 0 };
  const preCheck = { gt: { path: 'fs/sizeBytes', times: 0.85, plus: -13_958_643_712 } };

  it('compares with value × times + plus: the pre-check\'s (used + 13 GiB) / capacity > 0.85', () => {
    // 0.85 × 183 GiB − 13 GiB = 142.55 GiB
    expect(compare(143 * 1024 ** 3, preCheck, helpers)).toBe(true);
    expect(compare(142 * 1024 ** 3, preCheck, helpers)).toBe(false);
  });

  it('a bound whose field is absent never holds', () => {
    expect(compare(143 * 1024 ** 3, preCheck, { ...helpers, resolveNumber: () => undefined })).toBe(false);
  });
});
