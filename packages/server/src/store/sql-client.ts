/**
 * The little the metadata store needs from a database: queries with `$1…$n` parameters (both
 * SQLite and PostgreSQL accept that spelling), and transactions. One store class runs on both.
 */
export type SqlValue = string | number | null;

export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of a query (or of a statement with RETURNING). */
  query<Row extends object>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `body` in one transaction: all of it is committed, or none of it. */
  transaction<T>(body: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
