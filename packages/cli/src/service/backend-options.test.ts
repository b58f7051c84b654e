import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendFrom, parseSize, tokenStoreFrom } from './backend-options.js';

describe('the service backend options', () => {
  it('is embedded under ./triage-data by default, or under --data', () => {
    expect(backendFrom({}, {}, 'serve')).toEqual({ kind: 'embedded', dataDir: resolve('triage-data') });
    expect(backendFrom({ data: '/srv/triage' }, { BUNDLE_TRIAGE_REDIS_URL: 'redis://r:6379' }, 'serve')).toEqual({ kind: 'embedded', dataDir: '/srv/triage' });
  });

  it('is distributed when --redis, --postgres or --store is given, with URLs from the flags or the environment', () => {
    expect(backendFrom({ store: '/shared' }, { BUNDLE_TRIAGE_REDIS_URL: 'redis://r:6379', BUNDLE_TRIAGE_POSTGRES_URL: 'postgres://u:p@db/t' }, 'serve')).toEqual({
      kind: 'distributed',
      redisUrl: 'redis://r:6379',
      postgresUrl: 'postgres://u:p@db/t',
      storeDir: '/shared',
    });
  });

  it('names what distributed mode is missing, refuses --data with it, and refuses URLs of the wrong kind', () => {
    expect(() => backendFrom({ redis: 'redis://r' }, {}, 'serve')).toThrow(/--postgres: distributed mode needs --postgres, --store/);
    expect(() => backendFrom({ data: 'd', store: 's' }, {}, 'serve')).toThrow(/--data: embedded mode \(--data\) and distributed mode .* exclude each other/);
    expect(() => backendFrom({ redis: 'http://r', postgres: 'postgres://db', store: 's' }, {}, 'serve')).toThrow(/--redis: needs a redis:\/\/ URL/);
    expect(() => backendFrom({}, {}, 'worker', false)).toThrow(/distributed mode needs --redis, --postgres, --store/);
  });

  it("chooses serve token's store by serve's rule: the flags choose the mode, the environment only fills in the URL", () => {
    const env = { BUNDLE_TRIAGE_POSTGRES_URL: 'postgres://u:p@db/t' };
    expect(tokenStoreFrom({}, env, 'serve')).toEqual(backendFrom({}, env, 'serve'));
    expect(tokenStoreFrom({ data: '/srv/triage' }, env, 'serve')).toEqual({ kind: 'embedded', dataDir: '/srv/triage' });
    expect(tokenStoreFrom({ postgres: 'postgres://other/db' }, env, 'serve')).toEqual({ kind: 'distributed', postgresUrl: 'postgres://other/db' });
    // Tokens need only PostgreSQL: --store alone chooses distributed mode without asking for Redis.
    expect(tokenStoreFrom({ store: '/shared' }, env, 'serve')).toEqual({ kind: 'distributed', postgresUrl: 'postgres://u:p@db/t' });
    expect(() => tokenStoreFrom({ redis: 'redis://r' }, {}, 'serve')).toThrow(/--postgres: distributed mode keeps its tokens in PostgreSQL/);
    expect(() => tokenStoreFrom({ data: 'd', postgres: 'postgres://db' }, {}, 'serve')).toThrow(/--data: embedded mode \(--data\) and distributed mode .* exclude each other/);
    expect(() => tokenStoreFrom({ postgres: 'mysql://db' }, {}, 'serve')).toThrow(/--postgres: needs a postgres:\/\/ URL/);
  });

  it('reads sizes with units', () => {
    expect(parseSize('500MB', '--max-upload', 'serve')).toBe(500_000_000);
    expect(parseSize('2GiB', '--max-upload', 'serve')).toBe(2 * 1024 ** 3);
    expect(parseSize('1048576', '--max-upload', 'serve')).toBe(1048576);
    expect(() => parseSize('lots', '--max-upload', 'serve')).toThrow(/is not a size/);
  });
});
