import type {
  AnalysisPage,
  AnalysisQuery,
  AnalysisRecord,
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

/**
 * Everything the service remembers besides files: bundles, analyses and their findings, tokens,
 * webhooks and deliveries. Two implementations — SQLite (embedded) and PostgreSQL (distributed)
 * — pass the same contract tests (`metadata-store.contract.ts`).
 *
 * Each state change says whether it happened, so that a job delivered twice (a worker lost
 * after it finished) changes nothing the second time.
 */
export interface MetadataStore {
  readonly kind: 'sqlite' | 'postgres';

  /** Records an upload; a bundle already known by its SHA-256 keeps its analysis (`duplicate`). */
  recordUpload(upload: NewUpload): Promise<RecordedUpload>;
  getAnalysis(id: string): Promise<AnalysisRecord | undefined>;
  /** The fail/warn/info findings of a finished analysis. */
  analysisFindings(id: string): Promise<FindingRecord[]>;
  /** `queued` (or `running`, when a worker was lost) → `running`, attempts + 1; undefined if it is finished. */
  startAnalysis(id: string, at: string): Promise<StartedAnalysis | undefined>;
  setProgress(id: string, progress: number): Promise<void>;
  /** `running` → `done` with its findings; false when it was not running (finished already). */
  completeAnalysis(id: string, result: CompletedAnalysis): Promise<boolean>;
  /** `queued`/`running` → `error`; false when it was finished already. */
  failAnalysis(id: string, error: { code: string; message: string }, at: string): Promise<boolean>;
  /** A finished analysis → `queued` again (admin retry), when its bundle file is still kept. */
  requeueAnalysis(id: string, at: string): Promise<boolean>;
  /** Analyses that are queued or running: what a restarted service must make sure is queued. */
  unfinishedAnalyses(): Promise<string[]>;

  searchAnalyses(query: AnalysisQuery): Promise<AnalysisPage>;
  clusters(): Promise<ClusterSummary[]>;
  /** Finished analyses of one cluster, oldest bundle first. */
  clusterHistory(clusterId: string): Promise<AnalysisRecord[]>;
  fingerprintSightings(fingerprint: string): Promise<FingerprintSighting[]>;

  createToken(token: { id: string; name: string; role: TokenRole; hash: string; createdAt: string }): Promise<TokenRecord>;
  /** The live (not revoked) token with this hash. */
  findToken(hash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string, at: string): Promise<boolean>;
  /** Records that a token was used (for the token list). */
  touchToken(id: string, at: string): Promise<void>;
  countTokens(): Promise<number>;

  addWebhook(webhook: WebhookRecord): Promise<WebhookRecord>;
  listWebhooks(): Promise<WebhookRecord[]>;
  getWebhook(id: string): Promise<WebhookRecord | undefined>;
  removeWebhook(id: string): Promise<boolean>;
  /** One delivery per (webhook, analysis, event): a second call returns the first. */
  createDelivery(delivery: Omit<DeliveryRecord, 'status' | 'attempts' | 'updatedAt'>): Promise<{ delivery: DeliveryRecord; created: boolean }>;
  getDelivery(id: string): Promise<DeliveryRecord | undefined>;
  recordDeliveryAttempt(attempt: DeliveryAttempt, status: DeliveryStatus): Promise<void>;
  listDeliveries(webhookId: string, limit: number): Promise<(DeliveryRecord & { lastAttempt: DeliveryAttempt | null })[]>;
  deliveryAttempts(deliveryId: string): Promise<DeliveryAttempt[]>;

  /** Bundle files received before `before` whose analysis is finished and file still kept. */
  bundlesReceivedBefore(before: string): Promise<RetainedBundle[]>;
  markBundleFileRemoved(sha256: string, at: string): Promise<void>;

  close(): Promise<void>;
}

export type { WebhookEvent };
