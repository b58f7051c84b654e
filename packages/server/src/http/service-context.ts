import type { OpenBundles } from '../browse/open-bundles.js';
import type { AnalysisEvents } from '../events/analysis-events.js';
import type { FileStore } from '../files/file-store.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { ServiceLog } from '../service-log.js';
import type { MetadataStore } from '../store/metadata-store.js';

/** The settings the HTTP layer needs. */
export interface HttpSettings {
  /** No token needed to read and upload (a laptop); admin actions still need an admin token. */
  open: boolean;
  /** Largest upload accepted, bytes. */
  maxUploadBytes: number;
  /** Uploads per minute per token (or per address in open mode). */
  uploadsPerMinute: number;
  /** Days bundle files are kept (reports stay); 0 keeps them for ever. */
  retentionDays: number;
  /** Honour X-Forwarded-* (behind a reverse proxy). */
  trustProxy: boolean;
}

/** What the routes work with: the same in both modes. */
export interface ServiceContext {
  mode: 'embedded' | 'distributed';
  store: MetadataStore;
  files: FileStore;
  /** The bundles the object browser has open (a small cache, closed when idle). */
  bundles: OpenBundles;
  queue: JobQueue;
  events: AnalysisEvents;
  log: ServiceLog;
  settings: HttpSettings;
}
