import type { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BundleError, BundleFormatError } from '../errors.js';
import { addEntriesBelowRoot, detectBundleRoot, type ListedEntry } from './bundle-root.js';
import { decompressionMeter } from './decompression-meter.js';
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

/** gunzip, bounded (`decompressionMeter`): by the bytes it inflates to (maxTotalBytes) and by their ratio to the compressed bytes read so far. */
function boundedGunzip(context: OpenContext): [Transform, Transform, Transform] {
  const { limits, location } = context;
  const meter = decompressionMeter({
    maxBytes: limits.maxTotalBytes,
    maxRatio: limits.maxCompressionRatio,
    ratioMinBytes: limits.compressionRatioMinBytes,
    onTooMany: (what, inflated, compressed) =>
      what === 'bytes'
        ? limitExceeded(location, 'maxTotalBytes', limits.maxTotalBytes, `gunzips to more than ${limits.maxTotalBytes} bytes (gzip bomb?)`)
        : limitExceeded(location, 'maxCompressionRatio', limits.maxCompressionRatio, `gunzips ${Math.round(inflated / Math.max(compressed, 1))}x (${inflated} bytes from ${compressed}; gzip bomb?)`),
  });
  return [meter.compressed, createGunzip(), meter.decoded];
}
