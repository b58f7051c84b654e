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
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A Redis key prefix of its own for one test (queues of parallel tests never meet). */
export function freshQueuePrefix(): string {
  return `bt-test-${randomBytes(6).toString('hex')}`;
}
