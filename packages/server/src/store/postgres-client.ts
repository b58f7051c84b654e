import pg from 'pg';
import { StoreError } from '../errors.js';
import type { SqlClient, SqlValue } from './sql-client.js';

/** node-postgres pool behind the SqlClient; a transaction holds one pooled connection. */
export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres';
  readonly #pool: pg.Pool;

  constructor(connectionString: string, options: { maxConnections?: number; onError?: (error: Error) => void } = {}) {
    this.#pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // An idle connection that breaks (server restarted) must not crash the process.
    this.#pool.on('error', (error) => options.onError?.(error));
  }

  async query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.#pool.query(sql, params as SqlValue[])).rows as Row[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.#pool.query(sql, params as SqlValue[])).rowCount ?? 0;
  }

  async transaction<T>(body: (client: SqlClient) => Promise<T>): Promise<T> {
    const connection = await this.#pool.connect();
    const inside: SqlClient = {
      dialect: 'postgres',
      query: async <Row extends object>(sql: string, params: readonly SqlValue[] = []) => (await connection.query(sql, params as SqlValue[])).rows as Row[],
      run: async (sql: string, params: readonly SqlValue[] = []) => (await connection.query(sql, params as SqlValue[])).rowCount ?? 0,
      transaction: (nested) => nested(inside),
      close: async () => {},
    };
    try {
      await connection.query('BEGIN');
      const result = await body(inside);
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  /** Fails with a one-line StoreError when the server cannot be reached (at start-up). */
  async ping(): Promise<void> {
    try {
      await this.#pool.query('SELECT 1');
    } catch (error) {
      throw new StoreError(`cannot reach PostgreSQL: ${(error as Error).message}`, { cause: error });
    }
  }
}
