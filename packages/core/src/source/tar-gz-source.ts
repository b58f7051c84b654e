import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BundleError, BundleFormatError } from '../errors.js';
import { addEntriesBelowRoot, detectBundleRoot, type ListedEntry } from './bundle-root.js';
import { limitExceeded } from './limit-budget.js';
import type { OpenContext } from './open-context.js';
import { listTarMembers, loadTarStream, tarGzAllowance } from './tar-members.js';
import { messageOf } from './zip-archive.js';

/**
 * Lists a tar.gz bundle into the context's table. A tar.gz has no index, so this is one pass
 * over the whole gunzipped stream (see listTarMembers: contents kept in memory or the spill file,
 * links refused). Nothing is written but the spill file.
 */
export async function listTarGzBundle(open: () => Readable, context: OpenContext): Promise<string> {
  const { location, signal } = context;
  const report = (level: 'error' | 'warning', message: string): void =>
    context.diagnostics.add({ path: '', level, message });
  const tar = await loadTarStream();
  const [countCompressed, gunzip, countInflated] = boundedGunzip(context);
  let listed: ListedEntry[];
  try {
    listed = await listTarMembers(tar, [open(), countCompressed, gunzip, countInflated], context, { label: location, report, memory: tarGzAllowance() });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (cause instanceof BundleError) throw cause;
    throw new BundleFormatError(`${location}: not a readable tar.gz (truncated or corrupt): ${messageOf(cause)}`, {
      path: location,
      cause,
    });
  }
  const root = detectBundleRoot(listed, location, 'archive');
  addEntriesBelowRoot(listed, root, context.table, (diagnostic) => context.diagnostics.add(diagnostic));
  return root;
}

/**
 * gunzip, bounded: a gzip bomb is stopped by the bytes it actually inflates to (maxTotalBytes),
 * and early by their ratio to the compressed bytes read so far (maxCompressionRatio).
 */
function boundedGunzip(context: OpenContext): [Transform, Transform, Transform] {
  const { limits, location } = context;
  let compressedBytes = 0;
  let inflatedBytes = 0;
  const countCompressed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      compressedBytes += chunk.length;
      done(null, chunk);
    },
  });
  const countInflated = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflatedBytes += chunk.length;
      const ratio = inflatedBytes / Math.max(compressedBytes, 1);
      if (inflatedBytes > limits.maxTotalBytes) {
        const what = `gunzips to more than ${limits.maxTotalBytes} bytes (gzip bomb?)`;
        done(limitExceeded(location, 'maxTotalBytes', limits.maxTotalBytes, what));
      } else if (inflatedBytes > limits.compressionRatioMinBytes && ratio > limits.maxCompressionRatio) {
        const what = `gunzips ${Math.round(ratio)}x (${inflatedBytes} bytes from ${compressedBytes}; gzip bomb?)`;
        done(limitExceeded(location, 'maxCompressionRatio', limits.maxCompressionRatio, what));
      } else {
        done(null, chunk);
      }
    },
  });
  return [countCompressed, createGunzip(), countInflated];
}
