import { ServiceConfigError } from '../errors.js';
import { PostgresClient } from './postgres-client.js';
import { SqlMetadataStore } from './sql-metadata-store.js';

/** The distributed store: PostgreSQL through node-postgres; fails in one line when unreachable. */
export async function openPostgresStore(url: string, options: { maxConnections?: number; onError?: (error: Error) => void } = {}): Promise<SqlMetadataStore> {
  const client = new PostgresClient(url, options);
  try {
    await client.ping();
    return await SqlMetadataStore.open(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new ServiceConfigError(`${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
}

/** A connection URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<connection URL>';
  }
}
