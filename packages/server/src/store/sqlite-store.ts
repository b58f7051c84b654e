import { SqliteClient } from './sqlite-client.js';
import { SqlMetadataStore } from './sql-metadata-store.js';

/** The embedded store: one SQLite file (better-sqlite3), `:memory:` for tests. */
export function openSqliteStore(file: string): Promise<SqlMetadataStore> {
  return SqlMetadataStore.open(new SqliteClient(file));
}
