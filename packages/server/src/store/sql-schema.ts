import type { SqlClient } from './sql-client.js';

/**
 * The tables, in SQL that SQLite and PostgreSQL both accept (SQLite reads BIGINT and DOUBLE
 * PRECISION by affinity). Times are ISO-8601 UTC text: they sort as strings. A migration is
 * never edited once released; a change is a new entry.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE bundles (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    format TEXT NOT NULL,
    stored_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    received_at TEXT NOT NULL,
    file_removed_at TEXT,
    analysis_id TEXT NOT NULL UNIQUE
  );
  CREATE TABLE analyses (
    id TEXT PRIMARY KEY,
    bundle_sha256 TEXT NOT NULL REFERENCES bundles (sha256),
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    progress DOUBLE PRECISION NOT NULL DEFAULT 0,
    queued_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    error_code TEXT,
    error_message TEXT,
    cluster_id TEXT,
    cluster_source TEXT,
    cluster_evidence TEXT,
    harvester_version TEXT,
    kubernetes_version TEXT,
    bundle_created_at TEXT,
    bundle_root TEXT,
    fail_count INTEGER,
    warn_count INTEGER,
    info_count INTEGER,
    pass_count INTEGER,
    skipped_count INTEGER,
    error_count INTEGER,
    headline TEXT,
    headline_message TEXT,
    masked_secrets INTEGER,
    -- The bundle's creation time when it says, else when it was received: dates in search and
    -- the order of a cluster's history.
    sort_time TEXT NOT NULL
  );
  CREATE INDEX analyses_cluster ON analyses (cluster_id, sort_time);
  CREATE INDEX analyses_status ON analyses (status);
  CREATE INDEX analyses_queued ON analyses (queued_at);
  CREATE TABLE findings (
    analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    title TEXT NOT NULL,
    fingerprint TEXT NOT NULL
  );
  CREATE INDEX findings_analysis ON findings (analysis_id);
  CREATE INDEX findings_fingerprint ON findings (fingerprint);
  CREATE INDEX findings_rule ON findings (rule_id);
  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    analysis_id TEXT NOT NULL REFERENCES analyses (id),
    file_name TEXT NOT NULL,
    token_id TEXT,
    received_at TEXT NOT NULL
  );
  CREATE INDEX uploads_analysis ON uploads (analysis_id);
  CREATE TABLE analysis_tickets (
    analysis_id TEXT NOT NULL REFERENCES analyses (id),
    ticket TEXT NOT NULL,
    PRIMARY KEY (analysis_id, ticket)
  );
  CREATE INDEX analysis_tickets_ticket ON analysis_tickets (ticket);
  CREATE TABLE analysis_labels (
    analysis_id TEXT NOT NULL REFERENCES analyses (id),
    label TEXT NOT NULL,
    PRIMARY KEY (analysis_id, label)
  );
  CREATE INDEX analysis_labels_label ON analysis_labels (label);
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL,
    analysis_id TEXT NOT NULL,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
  CREATE TABLE webhook_attempts (
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
    attempt INTEGER NOT NULL,
    at TEXT NOT NULL,
    status_code INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
  );
  `,
];

/**
 * Brings the schema up to date. On PostgreSQL, a server and its workers may start together:
 * a transaction-scoped advisory lock lets one of them migrate while the others wait.
 */
export async function migrate(client: SqlClient): Promise<void> {
  await client.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7215963001)');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const current = Number(row?.version ?? 0);
    for (let version = current + 1; version <= MIGRATIONS.length; version += 1) {
      for (const statement of statements(MIGRATIONS[version - 1]!)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
    }
  });
}

function statements(script: string): string[] {
  return script
    .split(';')
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
