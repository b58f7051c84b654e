import { isBundleError, type Bundle } from '@bundle-triage/core';
import { BundleRemovedError, BundleUnreadableError, NotFoundError, NotReadyError } from '../errors.js';
import type { FileStore } from '../files/file-store.js';
import type { MetadataStore } from '../store/metadata-store.js';
import type { AnalysisRecord } from '../store/records.js';
import type { OpenBundles } from './open-bundles.js';

export interface BrowseContext {
  store: MetadataStore;
  files: FileStore;
  bundles: OpenBundles;
}

/**
 * Runs `read` with the bundle of a finished analysis, opened read-only from the store (or taken
 * from the open-bundle cache). What cannot be browsed says why: an analysis still queued or
 * running, or that ended in an error (409); a bundle file removed by retention (410, the report
 * is still there); a bundle or entry that cannot be read (422, named as uploaded, never by the
 * stored path).
 */
export async function withAnalysisBundle<T>(context: BrowseContext, analysisId: string, read: (bundle: Bundle, analysis: AnalysisRecord) => Promise<T>): Promise<T> {
  const analysis = await context.store.getAnalysis(analysisId);
  if (!analysis) throw new NotFoundError('analysis', analysisId);
  if (analysis.status === 'queued' || analysis.status === 'running') throw new NotReadyError(`analysis ${analysis.id} is ${analysis.status}: its objects can be browsed once it is done`);
  if (analysis.status === 'error') throw new NotReadyError(`analysis ${analysis.id} ended in an error, so its bundle has no objects to show: ${analysis.error?.message ?? 'unknown error'}`);
  if (analysis.bundleFileRemoved) {
    context.bundles.discard(analysis.bundleSha256);
    throw new BundleRemovedError(analysis.id);
  }
  const path = context.files.path(context.files.bundleKey(analysis.bundleSha256, analysis.format));
  try {
    return await context.bundles.use(analysis.bundleSha256, path, (bundle) => read(bundle, analysis));
  } catch (error) {
    if (!isBundleError(error)) throw error;
    if (error.code === 'BUNDLE_NOT_FOUND') {
      // Removed by another process's retention, not yet recorded here.
      context.bundles.discard(analysis.bundleSha256);
      throw new BundleRemovedError(analysis.id, 'its bundle file is no longer in the store');
    }
    throw new BundleUnreadableError(error.message.split(path).join(analysis.fileName), { cause: error });
  }
}
