/**
 * PostgreSQL and Redis for the tests, from BUNDLE_TRIAGE_TEST_POSTGRES_URL and
 * BUNDLE_TRIAGE_TEST_REDIS_URL (`eval "$(bash scripts/test-services.sh start)"` sets both; .ci/run
 * does). Outside CI a test that needs an absent one is skipped and says so; under CI=true it
 * fails: CI must never pass by skipping them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type BackingService = 'postgres' | 'redis';

const VARIABLES: Record<BackingService, string> = { postgres: 'BUNDLE_TRIAGE_TEST_POSTGRES_URL', redis: 'BUNDLE_TRIAGE_TEST_REDIS_URL' };

/** The URL of a backing service, or undefined (after saying why) when the tests must skip. */
export function backingService(service: BackingService): string | undefined {
  const variable = VARIABLES[service];
  const url = process.env[variable];
  if (url) return url;
  const how = 'start it with: eval "$(bash scripts/test-services.sh start)"';
  if (process.env.CI) throw new Error(`${variable} is not set: CI must run the ${service} tests (.ci/run starts the services); ${how}`);
  console.warn(`skipping the ${service} tests: ${variable} is not set (${how})`);
  return undefined;
}

/** A database of its own for one test file (parallel files never share tables); dropped by `drop`. */
export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await dropDatabase(client, name);
      } finally {
        await client.end();
      }
    },
  };
}

/** SQLSTATEs of a drop that may succeed a moment later: a session it may not end (42501; an
 * autovacuum worker, when the role lacks pg_signal_backend) or one still closing (55006). */
const DROP_RETRIED = new Set(['42501', '55006']);
/** How long a drop is tried again: a 55006 alone comes after PostgreSQL's own 5 s wait. */
const DROP_RETRY_MS = 10_000;

/**
 * Drops a test database, waiting out sessions that FORCE may not end: an autovacuum worker on the
 * database belongs to no role, and PostgreSQL 15 refuses to end it for a role that is not a member
 * of pg_signal_backend (scripts/test-services.sh grants it; a server given by URL may not). The
 * worker finishes in moments; the drop is tried again until DROP_RETRY_MS have passed.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + DROP_RETRY_MS;
  for (;;) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (Date.now() >= deadline || !code || !DROP_RETRIED.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A Redis key prefix of its own for one test (queues of parallel tests never meet). */
export function freshQueuePrefix(): string {
  return `bt-test-${randomBytes(6).toString('hex')}`;
}
