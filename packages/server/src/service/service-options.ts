import type { RetryPolicy } from '../queue/job-queue.js';
import type { ServiceLog } from '../service-log.js';

/** Embedded mode: one process, everything under one folder (SQLite, files, worker threads). */
export interface EmbeddedBackend {
  kind: 'embedded';
  dataDir: string;
}

/** Distributed mode: PostgreSQL for metadata, BullMQ on Redis for the queue, a shared file store. */
export interface DistributedBackend {
  kind: 'distributed';
  redisUrl: string;
  postgresUrl: string;
  /** A folder every server and worker sees at the same path (NFS, a shared volume). */
  storeDir: string;
  /** Redis key prefix (default `bundle-triage`): services sharing a Redis keep apart. */
  queuePrefix?: string;
}

/** Settings of the analysis threads and retries, shared by `serve` (embedded) and `worker`. */
export interface AnalysisSettings {
  /** Analyses at once (default 2 — this machine has 2 cores). */
  analysisThreads?: number;
  /** Heap limit of one analysis thread, MB (default 1536). */
  analysisMemoryMb?: number;
  /** Longest one analysis may take (default 15 min). */
  analysisTimeoutMs?: number;
  /**
   * Folders of the site's own declarative rules, run beside the built-in catalog, as
   * `bundle-triage analyze --rules` runs them. Loaded and validated at start: a refused rule
   * refuses the start (ServiceConfigError). In distributed mode the workers run the analyses,
   * so each worker takes the folders, not the server.
   */
  ruleDirectories?: readonly string[];
  /** Tries of an analysis whose thread failed (default 3, backoff 5 s doubling). */
  analysisRetry?: RetryPolicy;
  /** Tries of a webhook delivery (default 6, backoff 2 s doubling). */
  deliveryRetry?: RetryPolicy;
  webhookTimeoutMs?: number;
  /** Base of the links in webhook payloads (default: the address the service listens on). */
  publicUrl?: string;
  /** Where the service says what it does (default: nothing is said). */
  log?: ServiceLog;
  /** The built analysis thread script (default: beside the built package). */
  threadUrl?: URL;
  /** Called before each analysis starts its thread (tests hold an analysis here). */
  beforeAnalysis?: (analysisId: string) => Promise<void>;
}

export interface ServiceOptions extends AnalysisSettings {
  backend: EmbeddedBackend | DistributedBackend;
  /** Default 127.0.0.1: reachable from this machine only until you say otherwise. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Read and upload without a token (a laptop). Admin actions still need an admin token. */
  open?: boolean;
  /** Largest upload, bytes (default 4 GiB). */
  maxUploadBytes?: number;
  /** Uploads per minute per token or address (default 60). */
  uploadsPerMinute?: number;
  /** Days bundle files are kept; reports and findings stay. 0 (default) keeps them for ever. */
  retentionDays?: number;
  /** How often retention runs (default hourly). */
  retentionIntervalMs?: number;
  /** Behind a reverse proxy: trust its X-Forwarded-* headers. */
  trustProxy?: boolean;
  /**
   * The object browser's open bundles: at most `maxOpen` at once (default 2), each closed after
   * `idleCloseMs` unused (default 60 s), keeping at most `maxDecodedFiles` decoded resource files
   * between requests (default 32).
   */
  openBundles?: { maxOpen?: number; idleCloseMs?: number; maxDecodedFiles?: number };
}

export interface WorkerOptions extends AnalysisSettings {
  backend: DistributedBackend;
  /** A worker whose job is not renewed for this long is presumed dead (default 30 s). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  maxUploadBytes: 4 * 1024 * 1024 * 1024,
  uploadsPerMinute: 60,
  retentionIntervalMs: 60 * 60 * 1000,
  analysisThreads: 2,
} as const;
