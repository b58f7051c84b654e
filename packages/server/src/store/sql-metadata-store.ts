import { randomUUID } from 'node:crypto';
import type { MetadataStore } from './metadata-store.js';
import type {
  AnalysisPage,
  AnalysisQuery,
  AnalysisRecord,
  AnalysisStatus,
  ArchiveFormat,
  ClusterIdSource,
  ClusterSummary,
  CompletedAnalysis,
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryStatus,
  FindingRecord,
  FingerprintSighting,
  NewUpload,
  RecordedUpload,
  RetainedBundle,
  StartedAnalysis,
  TokenRecord,
  TokenRole,
  WebhookEvent,
  WebhookRecord,
} from './records.js';
import type { SqlClient, SqlValue } from './sql-client.js';
import { migrate } from './sql-schema.js';

/**
 * The metadata store in SQL that SQLite and PostgreSQL both run (see sql-schema.ts). The two
 * differ only in their SqlClient; races between processes are settled by the database (unique
 * keys, `ON CONFLICT`, conditional updates), never by locks of ours.
 */
export class SqlMetadataStore implements MetadataStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly #sql: SqlClient;

  private constructor(sql: SqlClient) {
    this.#sql = sql;
    this.kind = sql.dialect;
  }

  /** Opens the store on a client and brings its schema up to date. */
  static async open(sql: SqlClient): Promise<SqlMetadataStore> {
    await migrate(sql);
    return new SqlMetadataStore(sql);
  }

  async recordUpload(upload: NewUpload): Promise<RecordedUpload> {
    const receivedAt = isoTime(upload.receivedAt);
    return this.#sql.transaction(async (tx) => {
      // The first upload of this content names its analysis; a concurrent second one waits
      // for it (unique sha256) and then finds it.
      const inserted = await tx.query<{ analysis_id: string }>(
        `INSERT INTO bundles (sha256, size, format, stored_key, file_name, received_at, analysis_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING RETURNING analysis_id`,
        [upload.sha256, upload.size, upload.format, upload.storedKey, upload.fileName, receivedAt, upload.newAnalysisId],
      );
      const duplicate = inserted.length === 0;
      let analysisId = upload.newAnalysisId;
      if (duplicate) {
        const [bundle] = await tx.query<{ analysis_id: string }>('SELECT analysis_id FROM bundles WHERE sha256 = $1', [upload.sha256]);
        analysisId = bundle!.analysis_id;
        // The file is in place again (retention may have removed the earlier copy).
        await tx.run('UPDATE bundles SET file_removed_at = NULL WHERE sha256 = $1', [upload.sha256]);
      } else {
        await tx.run(`INSERT INTO analyses (id, bundle_sha256, status, queued_at, sort_time) VALUES ($1, $2, 'queued', $3, $3)`, [analysisId, upload.sha256, receivedAt]);
      }
      await tx.run('INSERT INTO uploads (id, analysis_id, file_name, token_id, received_at) VALUES ($1, $2, $3, $4, $5)', [
        randomUUID(),
        analysisId,
        upload.fileName,
        upload.tokenId,
        receivedAt,
      ]);
      if (upload.ticket) await tx.run('INSERT INTO analysis_tickets (analysis_id, ticket) VALUES ($1, $2) ON CONFLICT DO NOTHING', [analysisId, upload.ticket]);
      for (const label of new Set(upload.labels)) {
        await tx.run('INSERT INTO analysis_labels (analysis_id, label) VALUES ($1, $2) ON CONFLICT DO NOTHING', [analysisId, label]);
      }
      return { analysisId, duplicate };
    });
  }

  async getAnalysis(id: string): Promise<AnalysisRecord | undefined> {
    const rows = await this.#sql.query<AnalysisRow>(`${SELECT_ANALYSIS} WHERE a.id = $1`, [id]);
    return (await this.#withTicketsAndLabels(rows))[0];
  }

  async analysisFindings(id: string): Promise<FindingRecord[]> {
    const rows = await this.#sql.query<{ rule_id: string; status: FindingRecord['status']; severity: string; title: string; fingerprint: string }>(
      `SELECT rule_id, status, severity, title, fingerprint FROM findings WHERE analysis_id = $1
       ORDER BY CASE status WHEN 'fail' THEN 0 WHEN 'warn' THEN 1 ELSE 2 END, rule_id, fingerprint`,
      [id],
    );
    return rows.map((row) => ({ ruleId: row.rule_id, status: row.status, severity: row.severity, title: row.title, fingerprint: row.fingerprint }));
  }

  async startAnalysis(id: string, at: string): Promise<StartedAnalysis | undefined> {
    return this.#sql.transaction(async (tx) => {
      const [row] = await tx.query<{ attempts: number; bundle_sha256: string }>(
        `UPDATE analyses SET status = 'running', attempts = attempts + 1, started_at = $2, progress = 0
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING attempts, bundle_sha256`,
        [id, isoTime(at)],
      );
      if (!row) return undefined;
      const [bundle] = await tx.query<{ stored_key: string; format: ArchiveFormat }>('SELECT stored_key, format FROM bundles WHERE sha256 = $1', [row.bundle_sha256]);
      return { analysisId: id, storedKey: bundle!.stored_key, format: bundle!.format, attempts: Number(row.attempts) };
    });
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.#sql.run(`UPDATE analyses SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, Math.max(0, Math.min(1, progress))]);
  }

  async completeAnalysis(id: string, result: CompletedAnalysis): Promise<boolean> {
    return this.#sql.transaction(async (tx) => {
      const bundleCreatedAt = result.bundleCreatedAt ? isoTime(result.bundleCreatedAt) : null;
      const changed = await tx.run(
        `UPDATE analyses SET status = 'done', progress = 1, finished_at = $2, error_code = NULL, error_message = NULL,
           cluster_id = $3, cluster_source = $4, cluster_evidence = $5, harvester_version = $6, kubernetes_version = $7,
           bundle_created_at = $8, bundle_root = $9, fail_count = $10, warn_count = $11, info_count = $12, pass_count = $13,
           skipped_count = $14, error_count = $15, headline = $16, headline_message = $17, masked_secrets = $18,
           sort_time = COALESCE($8, queued_at)
         WHERE id = $1 AND status = 'running'`,
        [
          id,
          isoTime(result.finishedAt),
          result.cluster.id,
          result.cluster.source,
          result.cluster.evidence,
          result.harvesterVersion,
          result.kubernetesVersion,
          bundleCreatedAt,
          result.bundleRoot,
          result.summary.fail,
          result.summary.warn,
          result.summary.info,
          result.summary.pass,
          result.summary.skipped,
          result.summary.errors,
          result.summary.headline,
          result.summary.headlineMessage,
          result.maskedSecrets,
        ],
      );
      if (changed === 0) return false;
      await tx.run('DELETE FROM findings WHERE analysis_id = $1', [id]);
      for (const finding of result.findings) {
        await tx.run('INSERT INTO findings (analysis_id, rule_id, status, severity, title, fingerprint) VALUES ($1, $2, $3, $4, $5, $6)', [
          id,
          finding.ruleId,
          finding.status,
          finding.severity,
          finding.title,
          finding.fingerprint,
        ]);
      }
      return true;
    });
  }

  async failAnalysis(id: string, error: { code: string; message: string }, at: string): Promise<boolean> {
    const changed = await this.#sql.run(
      `UPDATE analyses SET status = 'error', finished_at = $2, error_code = $3, error_message = $4 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, isoTime(at), error.code, error.message],
    );
    return changed > 0;
  }

  async requeueAnalysis(id: string, at: string): Promise<boolean> {
    const changed = await this.#sql.run(
      `UPDATE analyses SET status = 'queued', progress = 0, queued_at = $2, started_at = NULL, finished_at = NULL, error_code = NULL, error_message = NULL
       WHERE id = $1 AND status IN ('done', 'error')
         AND EXISTS (SELECT 1 FROM bundles b WHERE b.sha256 = analyses.bundle_sha256 AND b.file_removed_at IS NULL)`,
      [id, isoTime(at)],
    );
    return changed > 0;
  }

  async unfinishedAnalyses(): Promise<string[]> {
    const rows = await this.#sql.query<{ id: string }>(`SELECT id FROM analyses WHERE status IN ('queued', 'running') ORDER BY queued_at`);
    return rows.map((row) => row.id);
  }

  async searchAnalyses(query: AnalysisQuery): Promise<AnalysisPage> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    const param = (value: SqlValue) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.cluster) where.push(`a.cluster_id = ${param(query.cluster)}`);
    if (query.harvesterVersion) where.push(`a.harvester_version = ${param(query.harvesterVersion)}`);
    if (query.status) where.push(`a.status = ${param(query.status)}`);
    if (query.outcome === 'fail') where.push(`a.status = 'done' AND a.fail_count > 0`);
    if (query.outcome === 'warn') where.push(`a.status = 'done' AND a.fail_count = 0 AND a.warn_count > 0`);
    if (query.outcome === 'clean') where.push(`a.status = 'done' AND a.fail_count = 0 AND a.warn_count = 0`);
    if (query.ruleId) where.push(`EXISTS (SELECT 1 FROM findings f WHERE f.analysis_id = a.id AND f.rule_id = ${param(query.ruleId)})`);
    if (query.ticket) where.push(`EXISTS (SELECT 1 FROM analysis_tickets t WHERE t.analysis_id = a.id AND t.ticket = ${param(query.ticket)})`);
    if (query.label) where.push(`EXISTS (SELECT 1 FROM analysis_labels l WHERE l.analysis_id = a.id AND l.label = ${param(query.label)})`);
    if (query.from) where.push(`a.sort_time >= ${param(isoTime(query.from))}`);
    if (query.to) where.push(`a.sort_time <= ${param(isoTime(query.to))}`);
    if (query.text) {
      const pattern = `%${query.text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      where.push(`lower(COALESCE(a.headline, '') || ' ' || COALESCE(a.headline_message, '')) LIKE ${param(pattern)} ESCAPE '\\'`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.#sql.query<{ total: number | string }>(`SELECT count(*) AS total FROM analyses a ${filter}`, params);
    const rows = await this.#sql.query<AnalysisRow>(
      `${SELECT_ANALYSIS} ${filter} ORDER BY a.queued_at DESC, a.id LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
      params,
    );
    return { total: Number(count?.total ?? 0), items: await this.#withTicketsAndLabels(rows) };
  }

  async clusters(): Promise<ClusterSummary[]> {
    const rows = await this.#sql.query<{ cluster_id: string; cluster_source: ClusterIdSource | null; analyses: number | string; last_bundle_at: string | null; harvester_version: string | null }>(
      `SELECT a.cluster_id, max(a.cluster_source) AS cluster_source, count(*) AS analyses, max(a.sort_time) AS last_bundle_at,
         (SELECT b.harvester_version FROM analyses b WHERE b.cluster_id = a.cluster_id AND b.status = 'done' ORDER BY b.sort_time DESC LIMIT 1) AS harvester_version
       FROM analyses a WHERE a.status = 'done' AND a.cluster_id IS NOT NULL
       GROUP BY a.cluster_id ORDER BY last_bundle_at DESC`,
    );
    return rows.map((row) => ({
      clusterId: row.cluster_id,
      source: row.cluster_source,
      analyses: Number(row.analyses),
      lastBundleAt: row.last_bundle_at,
      harvesterVersion: row.harvester_version,
    }));
  }

  async clusterHistory(clusterId: string): Promise<AnalysisRecord[]> {
    const rows = await this.#sql.query<AnalysisRow>(`${SELECT_ANALYSIS} WHERE a.cluster_id = $1 AND a.status = 'done' ORDER BY a.sort_time, a.queued_at, a.id`, [clusterId]);
    return this.#withTicketsAndLabels(rows);
  }

  async fingerprintSightings(fingerprint: string): Promise<FingerprintSighting[]> {
    const rows = await this.#sql.query<{ analysis_id: string; cluster_id: string | null; status: FingerprintSighting['status']; rule_id: string; title: string; bundle_created_at: string | null; queued_at: string }>(
      `SELECT a.id AS analysis_id, a.cluster_id, f.status, f.rule_id, f.title, a.bundle_created_at, a.queued_at
       FROM findings f JOIN analyses a ON a.id = f.analysis_id
       WHERE f.fingerprint = $1 AND a.status = 'done' ORDER BY a.sort_time, a.queued_at, a.id`,
      [fingerprint],
    );
    const tickets = await this.#many('analysis_tickets', 'ticket', rows.map((row) => row.analysis_id));
    return rows.map((row) => ({
      analysisId: row.analysis_id,
      clusterId: row.cluster_id,
      status: row.status,
      ruleId: row.rule_id,
      title: row.title,
      bundleCreatedAt: row.bundle_created_at,
      queuedAt: row.queued_at,
      tickets: tickets.get(row.analysis_id) ?? [],
    }));
  }

  async createToken(token: { id: string; name: string; role: TokenRole; hash: string; createdAt: string }): Promise<TokenRecord> {
    await this.#sql.run('INSERT INTO tokens (id, name, role, hash, created_at) VALUES ($1, $2, $3, $4, $5)', [token.id, token.name, token.role, token.hash, isoTime(token.createdAt)]);
    return { id: token.id, name: token.name, role: token.role, createdAt: isoTime(token.createdAt), lastUsedAt: null, revokedAt: null };
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const [row] = await this.#sql.query<TokenRow>('SELECT * FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hash]);
    return row ? tokenRecord(row) : undefined;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.#sql.query<TokenRow>('SELECT * FROM tokens ORDER BY created_at, id')).map(tokenRecord);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return (await this.#sql.run('UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, isoTime(at)])) > 0;
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.#sql.run('UPDATE tokens SET last_used_at = $2 WHERE id = $1', [id, isoTime(at)]);
  }

  async countTokens(): Promise<number> {
    const [row] = await this.#sql.query<{ n: number | string }>('SELECT count(*) AS n FROM tokens WHERE revoked_at IS NULL');
    return Number(row?.n ?? 0);
  }

  async addWebhook(webhook: WebhookRecord): Promise<WebhookRecord> {
    await this.#sql.run('INSERT INTO webhooks (id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5)', [
      webhook.id,
      webhook.url,
      webhook.secret,
      JSON.stringify(webhook.events),
      isoTime(webhook.createdAt),
    ]);
    return { ...webhook, createdAt: isoTime(webhook.createdAt) };
  }

  async listWebhooks(): Promise<WebhookRecord[]> {
    return (await this.#sql.query<WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id')).map(webhookRecord);
  }

  async getWebhook(id: string): Promise<WebhookRecord | undefined> {
    const [row] = await this.#sql.query<WebhookRow>('SELECT * FROM webhooks WHERE id = $1', [id]);
    return row ? webhookRecord(row) : undefined;
  }

  async removeWebhook(id: string): Promise<boolean> {
    return (await this.#sql.run('DELETE FROM webhooks WHERE id = $1', [id])) > 0;
  }

  async createDelivery(delivery: Omit<DeliveryRecord, 'status' | 'attempts' | 'updatedAt'>): Promise<{ delivery: DeliveryRecord; created: boolean }> {
    const createdAt = isoTime(delivery.createdAt);
    const created = await this.#sql.run(
      `INSERT INTO webhook_deliveries (id, webhook_id, analysis_id, event, payload, status, attempts, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6) ON CONFLICT (id) DO NOTHING`,
      [delivery.id, delivery.webhookId, delivery.analysisId, delivery.event, delivery.payload, createdAt],
    );
    return { delivery: (await this.getDelivery(delivery.id))!, created: created > 0 };
  }

  async getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    const [row] = await this.#sql.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
    return row ? deliveryRecord(row) : undefined;
  }

  async recordDeliveryAttempt(attempt: DeliveryAttempt, status: DeliveryStatus): Promise<void> {
    await this.#sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        [attempt.deliveryId, attempt.attempt, isoTime(attempt.at), attempt.statusCode, attempt.error, Math.round(attempt.durationMs)],
      );
      await tx.run(
        `UPDATE webhook_deliveries SET status = $2, attempts = (SELECT count(*) FROM webhook_attempts WHERE delivery_id = $1), updated_at = $3
         WHERE id = $1 AND status <> 'delivered'`,
        [attempt.deliveryId, status, isoTime(attempt.at)],
      );
    });
  }

  async listDeliveries(webhookId: string, limit: number): Promise<(DeliveryRecord & { lastAttempt: DeliveryAttempt | null })[]> {
    const rows = await this.#sql.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id LIMIT $2', [webhookId, limit]);
    return Promise.all(
      rows.map(async (row) => {
        const attempts = await this.deliveryAttempts(row.id);
        return { ...deliveryRecord(row), lastAttempt: attempts.at(-1) ?? null };
      }),
    );
  }

  async deliveryAttempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    const rows = await this.#sql.query<{ delivery_id: string; attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number }>(
      'SELECT * FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt',
      [deliveryId],
    );
    return rows.map((row) => ({
      deliveryId: row.delivery_id,
      attempt: Number(row.attempt),
      at: row.at,
      statusCode: row.status_code === null ? null : Number(row.status_code),
      error: row.error,
      durationMs: Number(row.duration_ms),
    }));
  }

  async bundlesReceivedBefore(before: string): Promise<RetainedBundle[]> {
    const rows = await this.#sql.query<{ sha256: string; stored_key: string }>(
      `SELECT b.sha256, b.stored_key FROM bundles b JOIN analyses a ON a.id = b.analysis_id
       WHERE b.file_removed_at IS NULL AND b.received_at < $1 AND a.status IN ('done', 'error')
         AND NOT EXISTS (SELECT 1 FROM uploads u WHERE u.analysis_id = a.id AND u.received_at >= $1)
       ORDER BY b.received_at`,
      [isoTime(before)],
    );
    return rows.map((row) => ({ sha256: row.sha256, storedKey: row.stored_key }));
  }

  async markBundleFileRemoved(sha256: string, at: string): Promise<void> {
    await this.#sql.run('UPDATE bundles SET file_removed_at = $2 WHERE sha256 = $1 AND file_removed_at IS NULL', [sha256, isoTime(at)]);
  }

  async close(): Promise<void> {
    await this.#sql.close();
  }

  async #withTicketsAndLabels(rows: AnalysisRow[]): Promise<AnalysisRecord[]> {
    const ids = rows.map((row) => row.id);
    const [tickets, labels] = await Promise.all([this.#many('analysis_tickets', 'ticket', ids), this.#many('analysis_labels', 'label', ids)]);
    return rows.map((row) => analysisRecord(row, tickets.get(row.id) ?? [], labels.get(row.id) ?? []));
  }

  /** Values of a per-analysis list table for many analyses at once. */
  async #many(table: 'analysis_tickets' | 'analysis_labels', column: 'ticket' | 'label', ids: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    const placeholders = unique.map((_, index) => `$${index + 1}`).join(', ');
    const rows = await this.#sql.query<{ analysis_id: string; value: string }>(
      `SELECT analysis_id, ${column} AS value FROM ${table} WHERE analysis_id IN (${placeholders}) ORDER BY ${column}`,
      unique,
    );
    for (const row of rows) found.set(row.analysis_id, [...(found.get(row.analysis_id) ?? []), row.value]);
    return found;
  }
}

const SELECT_ANALYSIS = `SELECT a.*, b.file_name, b.size, b.format, b.file_removed_at FROM analyses a JOIN bundles b ON b.sha256 = a.bundle_sha256`;

interface AnalysisRow {
  id: string;
  bundle_sha256: string;
  status: AnalysisStatus;
  attempts: number;
  progress: number;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  error_code: string | null;
  error_message: string | null;
  cluster_id: string | null;
  cluster_source: ClusterIdSource | null;
  cluster_evidence: string | null;
  harvester_version: string | null;
  kubernetes_version: string | null;
  bundle_created_at: string | null;
  bundle_root: string | null;
  fail_count: number | null;
  warn_count: number | null;
  info_count: number | null;
  pass_count: number | null;
  skipped_count: number | null;
  error_count: number | null;
  headline: string | null;
  headline_message: string | null;
  masked_secrets: number | null;
  file_name: string;
  size: number | string;
  format: ArchiveFormat;
  file_removed_at: string | null;
}

function analysisRecord(row: AnalysisRow, tickets: string[], labels: string[]): AnalysisRecord {
  const finished = row.status === 'done';
  return {
    id: row.id,
    bundleSha256: row.bundle_sha256,
    status: row.status,
    attempts: Number(row.attempts),
    progress: Number(row.progress),
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    fileName: row.file_name,
    size: Number(row.size),
    format: row.format,
    bundleFileRemoved: row.file_removed_at !== null,
    error: row.error_code !== null ? { code: row.error_code, message: row.error_message ?? '' } : null,
    cluster: finished ? { id: row.cluster_id, source: row.cluster_source, evidence: row.cluster_evidence ?? '' } : null,
    harvesterVersion: row.harvester_version,
    kubernetesVersion: row.kubernetes_version,
    bundleCreatedAt: row.bundle_created_at,
    bundleRoot: row.bundle_root,
    summary: finished
      ? {
          fail: Number(row.fail_count ?? 0),
          warn: Number(row.warn_count ?? 0),
          info: Number(row.info_count ?? 0),
          pass: Number(row.pass_count ?? 0),
          skipped: Number(row.skipped_count ?? 0),
          errors: Number(row.error_count ?? 0),
          headline: row.headline,
          headlineMessage: row.headline_message,
        }
      : null,
    maskedSecrets: row.masked_secrets === null ? null : Number(row.masked_secrets),
    tickets,
    labels,
  };
}

interface TokenRow {
  id: string;
  name: string;
  role: TokenRole;
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

function tokenRecord(row: TokenRow): TokenRecord {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  events: string;
  created_at: string;
}

function webhookRecord(row: WebhookRow): WebhookRecord {
  return { id: row.id, url: row.url, secret: row.secret, events: JSON.parse(row.events) as WebhookEvent[], createdAt: row.created_at };
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  analysis_id: string;
  event: WebhookEvent;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  created_at: string;
  updated_at: string;
}

function deliveryRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    analysisId: row.analysis_id,
    event: row.event,
    payload: row.payload,
    status: row.status,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One spelling for every stored time (`2025-03-12T09:14:07.000Z`), so that they sort as text. */
export function isoTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${String(value)}`);
  return date.toISOString();
}
