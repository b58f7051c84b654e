import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { SqlClient, SqlValue } from './sql-client.js';

/**
 * better-sqlite3 behind the async SqlClient. Calls are synchronous, but a transaction's body
 * awaits between statements, so every call waits its turn: nothing else runs on the connection
 * while a transaction is open.
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite';
  readonly #db: Database.Database;
  #turn: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    try {
      this.#db = new Database(file);
      // WAL: readers do not wait for the writer; NORMAL sync is safe with WAL (a crash loses at
      // most the last transactions, never the file). Waits up to 5 s for a lock held elsewhere.
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma('foreign_keys = ON');
      this.#db.pragma('busy_timeout = 5000');
    } catch (error) {
      throw new StoreError(`${file}: cannot open the SQLite database: ${(error as Error).message}`, { cause: error });
    }
  }

  query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.#inTurn(() => this.#all<Row>(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#inTurn(() => this.#run(sql, params));
  }

  transaction<T>(body: (client: SqlClient) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      const inside: SqlClient = {
        dialect: 'sqlite',
        query: async <Row extends object>(sql: string, params: readonly SqlValue[] = []) => this.#all<Row>(sql, params),
        run: async (sql: string, params: readonly SqlValue[] = []) => this.#run(sql, params),
        transaction: (nested) => nested(inside),
        close: async () => {},
      };
      try {
        const result = await body(inside);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#inTurn(async () => this.#db.close());
  }

  #all<Row>(sql: string, params: readonly SqlValue[]): Row[] {
    return this.#db.prepare(sql).all(named(params)) as Row[];
  }

  #run(sql: string, params: readonly SqlValue[]): number {
    return this.#db.prepare(sql).run(named(params)).changes;
  }

  #inTurn<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.#turn.then(work);
    this.#turn = result.catch(() => undefined);
    return result;
  }
}

/** `$1…$n` are named parameters to SQLite: { 1: …, 2: … }. */
function named(params: readonly SqlValue[]): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = {};
  params.forEach((value, index) => {
    values[String(index + 1)] = value;
  });
  return values;
}
