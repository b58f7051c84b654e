import { resolve } from 'node:path';
import type { DistributedBackend, EmbeddedBackend } from '@bundle-triage/server';
import { UsageError } from '../errors/cli-error.js';

/** The options that say where the service keeps things, shared by serve and worker. */
export const BACKEND_OPTIONS = {
  data: { type: 'string' },
  redis: { type: 'string' },
  postgres: { type: 'string' },
  store: { type: 'string' },
  'queue-prefix': { type: 'string' },
} as const;

export interface BackendValues {
  data?: string | undefined;
  redis?: string | undefined;
  postgres?: string | undefined;
  store?: string | undefined;
  'queue-prefix'?: string | undefined;
}

/**
 * `--data DIR` (embedded, the default `./triage-data`), or all of `--redis URL --postgres URL
 * --store DIR` (distributed). The URLs may come from BUNDLE_TRIAGE_REDIS_URL and
 * BUNDLE_TRIAGE_POSTGRES_URL instead, so that passwords stay out of the process list.
 */
export function backendFrom(values: BackendValues, env: Readonly<Record<string, string | undefined>>, command: string, allowEmbedded = true): EmbeddedBackend | DistributedBackend {
  if (modeFrom(values, command, allowEmbedded) === 'embedded') return embeddedBackend(values);
  const redisUrl = values.redis ?? env.BUNDLE_TRIAGE_REDIS_URL;
  const postgresUrl = values.postgres ?? env.BUNDLE_TRIAGE_POSTGRES_URL;
  const missing = [
    ['--redis', redisUrl],
    ['--postgres', postgresUrl],
    ['--store', values.store],
  ].flatMap(([name, value]) => (value ? [] : [name!]));
  if (missing.length > 0) throw new UsageError(missing[0], `distributed mode needs ${missing.join(', ')} (Redis, PostgreSQL and a folder every process shares)`, command);
  checkUrl(redisUrl!, ['redis:', 'rediss:'], '--redis', command);
  checkUrl(postgresUrl!, ['postgres:', 'postgresql:'], '--postgres', command);
  return { kind: 'distributed', redisUrl: redisUrl!, postgresUrl: postgresUrl!, storeDir: resolve(values.store!), ...(values['queue-prefix'] ? { queuePrefix: values['queue-prefix'] } : {}) };
}

/** Where `serve token` finds the tokens: the embedded data folder, or distributed mode's PostgreSQL. */
export type TokenStoreLocation = EmbeddedBackend | { kind: 'distributed'; postgresUrl: string };

/**
 * The token store of the service the same flags start: `serve token …` takes serve's backend
 * options with serve's meaning, so a token is written where that serve reads it. Distributed mode
 * needs only the PostgreSQL URL here (tokens live there); --redis and --store still choose it.
 */
export function tokenStoreFrom(values: BackendValues, env: Readonly<Record<string, string | undefined>>, command: string): TokenStoreLocation {
  if (modeFrom(values, command, true) === 'embedded') return embeddedBackend(values);
  const postgresUrl = values.postgres ?? env.BUNDLE_TRIAGE_POSTGRES_URL;
  if (!postgresUrl) throw new UsageError('--postgres', 'distributed mode keeps its tokens in PostgreSQL: give --postgres URL (or set BUNDLE_TRIAGE_POSTGRES_URL)', command);
  checkUrl(postgresUrl, ['postgres:', 'postgresql:'], '--postgres', command);
  return { kind: 'distributed', postgresUrl };
}

/**
 * The flags choose the mode; the environment only fills in URLs the flags left out (a host with
 * BUNDLE_TRIAGE_POSTGRES_URL set for its workers still runs an embedded serve without flags).
 */
function modeFrom(values: BackendValues, command: string, allowEmbedded: boolean): 'embedded' | 'distributed' {
  const distributed = [values.redis, values.postgres, values.store].some((value) => value !== undefined);
  if (!distributed && allowEmbedded) return 'embedded';
  if (values.data !== undefined) throw new UsageError('--data', 'embedded mode (--data) and distributed mode (--redis, --postgres, --store) exclude each other', command);
  return 'distributed';
}

function embeddedBackend(values: BackendValues): EmbeddedBackend {
  return { kind: 'embedded', dataDir: resolve(values.data ?? 'triage-data') };
}

function checkUrl(url: string, protocols: string[], option: string, command: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new UsageError(option, 'not a URL', command);
  }
  if (!protocols.includes(protocol)) throw new UsageError(option, `needs a ${protocols[0]}// URL`, command);
}

/** `500MB`, `2GiB`, `1048576` → bytes. */
export function parseSize(value: string, option: string, command: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i.exec(value.trim());
  if (!match) throw new UsageError(option, `"${value}" is not a size (e.g. 500MB, 2GiB)`, command);
  const units: Record<string, number> = { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };
  const bytes = Math.floor(Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]!);
  if (bytes < 1) throw new UsageError(option, 'must be at least 1 byte', command);
  return bytes;
}
