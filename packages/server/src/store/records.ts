/**
 * What the service keeps about bundles, analyses, tokens and webhooks: the rows both metadata
 * stores (SQLite, PostgreSQL) read and write. Times are ISO-8601 UTC strings.
 */

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'error';
export const ANALYSIS_STATUSES: readonly AnalysisStatus[] = ['queued', 'running', 'done', 'error'];

/** How an analysis ended for the cluster: something failed, only warnings, or nothing to fix. */
export type AnalysisOutcome = 'fail' | 'warn' | 'clean';

export type ArchiveFormat = 'zip' | 'tar.gz';

export type TokenRole = 'reader' | 'uploader' | 'admin';
export const TOKEN_ROLES: readonly TokenRole[] = ['reader', 'uploader', 'admin'];

/** Where a cluster's identity was read, best first. */
export type ClusterIdSource = 'harvester-system-namespace' | 'kube-system-namespace';

export interface ClusterIdentity {
  /** A namespace UID that names the cluster, or null when the bundle records none. */
  id: string | null;
  source: ClusterIdSource | null;
  /** Where it was read (`yamls/cluster/v1/namespaces.yaml:263`), or why there is none. */
  evidence: string;
}

/**
 * The report's summary as the store keeps it (one column each). Written out rather than taken from
 * the report's types: the stored columns change only with a migration, whatever the report gains.
 */
export interface AnalysisSummary {
  fail: number;
  warn: number;
  info: number;
  pass: number;
  skipped: number;
  errors: number;
  headline: string | null;
  headlineMessage: string | null;
}

export interface AnalysisRecord {
  id: string;
  bundleSha256: string;
  status: AnalysisStatus;
  /** Times an analysis started (1 unless a worker was lost or a thread crashed). */
  attempts: number;
  /** 0…1 while running; 1 when done. */
  progress: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The name the bundle was first uploaded under (display only; never a path). */
  fileName: string;
  size: number;
  format: ArchiveFormat;
  /** The bundle file was removed by retention (the report and findings stay). */
  bundleFileRemoved: boolean;
  /** Why the analysis ended in `error`. */
  error: { code: string; message: string } | null;
  cluster: ClusterIdentity | null;
  harvesterVersion: string | null;
  kubernetesVersion: string | null;
  bundleCreatedAt: string | null;
  bundleRoot: string | null;
  summary: AnalysisSummary | null;
  /** Secrets masked in the stored report. */
  maskedSecrets: number | null;
  /** Ticket ids and labels of every upload of this bundle. */
  tickets: string[];
  labels: string[];
}

/** One fail/warn/info finding of an analysis, as indexed for search and fingerprints. */
export interface FindingRecord {
  ruleId: string;
  status: 'fail' | 'warn' | 'info';
  severity: string;
  title: string;
  fingerprint: string;
}

export interface NewUpload {
  sha256: string;
  size: number;
  format: ArchiveFormat;
  /** Where the file is kept, relative to the file store's root. */
  storedKey: string;
  fileName: string;
  ticket: string | null;
  labels: string[];
  tokenId: string | null;
  receivedAt: string;
  /** The id to give the analysis if this bundle is new. */
  newAnalysisId: string;
}

export interface RecordedUpload {
  analysisId: string;
  /** The same content was uploaded before: no new analysis. */
  duplicate: boolean;
}

export interface StartedAnalysis {
  analysisId: string;
  storedKey: string;
  format: ArchiveFormat;
  attempts: number;
}

export interface CompletedAnalysis {
  finishedAt: string;
  summary: AnalysisSummary;
  cluster: ClusterIdentity;
  harvesterVersion: string | null;
  kubernetesVersion: string | null;
  bundleCreatedAt: string | null;
  bundleRoot: string;
  maskedSecrets: number;
  findings: FindingRecord[];
}

export interface AnalysisQuery {
  cluster?: string;
  harvesterVersion?: string;
  ruleId?: string;
  status?: AnalysisStatus;
  outcome?: AnalysisOutcome;
  ticket?: string;
  label?: string;
  /** Bundles created (or, when the bundle does not say, received) at or after this time. */
  from?: string;
  to?: string;
  /** Words in the headline rule id or message (case-insensitive). */
  text?: string;
  limit: number;
  offset: number;
}

export interface AnalysisPage {
  total: number;
  items: AnalysisRecord[];
}

export interface ClusterSummary {
  clusterId: string;
  source: ClusterIdSource | null;
  analyses: number;
  lastBundleAt: string | null;
  harvesterVersion: string | null;
}

export interface FingerprintSighting {
  analysisId: string;
  clusterId: string | null;
  status: FindingRecord['status'];
  ruleId: string;
  title: string;
  bundleCreatedAt: string | null;
  queuedAt: string;
  tickets: string[];
}

export interface TokenRecord {
  id: string;
  name: string;
  role: TokenRole;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type WebhookEvent = 'analysis.done' | 'analysis.error';
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['analysis.done', 'analysis.error'];

export interface WebhookRecord {
  id: string;
  url: string;
  /** The HMAC key; never sent back by the API. */
  secret: string;
  events: WebhookEvent[];
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  analysisId: string;
  event: WebhookEvent;
  /** The exact bytes sent (the same on every attempt, so the signature is too). */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryAttempt {
  deliveryId: string;
  attempt: number;
  at: string;
  /** The receiver's HTTP status, or null when there was no answer. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface RetainedBundle {
  sha256: string;
  storedKey: string;
}
