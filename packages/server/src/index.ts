// The public API of @bundle-triage/server. Everything not exported here is internal.
export { startService, type RunningService } from './service/start-service.js';
export { startWorker, type RunningWorker } from './service/start-worker.js';
export type { AnalysisSettings, DistributedBackend, EmbeddedBackend, ServiceOptions, WorkerOptions } from './service/service-options.js';
export type { RetryPolicy } from './queue/job-queue.js';
export type { OpenBundles, OpenBundlesOptions } from './browse/open-bundles.js';
export { issueToken, hashToken, type Permission } from './auth/api-tokens.js';
export { openSqliteStore } from './store/sqlite-store.js';
export { openPostgresStore } from './store/postgres-store.js';
export type { MetadataStore } from './store/metadata-store.js';
export type * from './store/records.js';
export { signPayload, verifySignature, SIGNATURE_HEADER } from './webhooks/sign-payload.js';
export type { WebhookPayload } from './webhooks/webhook-payload.js';
export type { ServiceLog, ServiceLogEntry, ServiceLogLevel } from './service-log.js';
export {
  AnalysisThreadError,
  BadParameterError,
  BundleRemovedError,
  BundleUnreadableError,
  DataFolderInUseError,
  NotFoundError,
  NotReadyError,
  ServerError,
  ServiceConfigError,
  StoreError,
  UploadRefusedError,
  type ServerErrorCode,
  type UploadRefusal,
} from './errors.js';
export { SERVER_VERSION } from './version.js';
