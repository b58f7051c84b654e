import type { FileStore } from '../files/file-store.js';
import type { ServiceLog } from '../service-log.js';
import type { MetadataStore } from '../store/metadata-store.js';

/**
 * Removes the files of bundles received more than `maxAgeDays` ago (and not uploaded again
 * since), once their analysis has finished. Reports and findings are kept: search, history and
 * fingerprints still show them; only re-analysis needs the file. Safe to run from several
 * processes at once: removing a removed file does nothing.
 */
export async function removeOldBundles(store: MetadataStore, files: FileStore, maxAgeDays: number, log: ServiceLog, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - maxAgeDays * 24 * 60 * 60 * 1000).toISOString();
  const expired = await store.bundlesReceivedBefore(before);
  for (const bundle of expired) {
    await files.removeBundle(bundle.storedKey);
    await store.markBundleFileRemoved(bundle.sha256, now.toISOString());
  }
  if (expired.length > 0) {
    log({ level: 'info', event: 'retention.removed', message: `retention: removed ${expired.length} bundle file(s) received before ${before}`, fields: { removed: expired.length } });
  }
  return expired.length;
}
