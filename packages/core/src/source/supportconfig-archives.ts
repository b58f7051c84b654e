import { BundleError, BundleLimitError } from '../errors.js';
import { openEntryStream } from './content-reader.js';
import { limitExceeded } from './limit-budget.js';
import { chooseNodeBundles, parseNodePath, parseSupportconfigPath } from './node-layout.js';
import type { OpenContext } from './open-context.js';
import { listTarMembers, loadTarStream } from './tar-members.js';
import { decodeXz, loadXzDecoder } from './xz-stream.js';
import { messageOf } from './zip-archive.js';

/**
 * Opens the supportconfig archive (`scc_supportconfig_*.txz`, an xz-compressed tar) of each node
 * bundle that is read, and lists its members as `<archive path>!/<member>`: depth 2, below the
 * node zip. Bounded like every archive: the decoded bytes by maxTotalBytes and
 * maxCompressionRatio as they are produced, each member by maxEntryBytes, members by maxEntries,
 * names checked, links refused. An archive that cannot be read is a diagnostic and stays a plain
 * file (an unpacked copy beside it is then read instead); limits and aborts still stop the open.
 */
export async function openSupportconfigArchives(context: OpenContext): Promise<void> {
  if (context.limits.maxNestingDepth < 2) return;
  const entries = context.table.list();
  const wanted = new Set<string>();
  for (const choice of chooseNodeBundles(entries)) {
    // Before any archive is opened none counts as readable, so an unpacked copy may be chosen over
    // it: the archive is still the one to try (the index then prefers it once it opened).
    const scc = choice.supportconfig;
    if (scc?.packaging === 'txz') wanted.add(scc.path);
    else if (scc?.copy !== undefined) wanted.add(scc.copy);
  }
  // A recent supportconfig is 1–3 MB of text: all of it stays in memory, up to 32 MiB across nodes
  // (old full runs can be far larger; the rest goes to the spill file).
  const memory = { memberBytes: 4 * 1024 * 1024, leftBytes: 32 * 1024 * 1024 };
  if (wanted.size === 0) return;
  const [xz, tar] = await Promise.all([loadXzDecoder(), loadTarStream()]);
  for (const path of [...wanted].sort()) {
    context.signal?.throwIfAborted();
    const entry = context.table.get(path);
    const file = parseNodePath(path)?.file;
    if (entry === undefined || entry.kind !== 'file' || file === undefined || parseSupportconfigPath(file)?.kind !== 'archive') continue;
    const { limits } = context;
    const problems: { level: 'error' | 'warning'; message: string }[] = [];
    try {
      const decoded = decodeXz(xz, await openEntryStream(entry, context.location), {
        maxBytes: limits.maxTotalBytes,
        maxRatio: limits.maxCompressionRatio,
        ratioMinBytes: limits.compressionRatioMinBytes,
        onTooMany: (what, decodedBytes, compressedBytes) =>
          what === 'bytes'
            ? limitExceeded(context.location, 'maxTotalBytes', limits.maxTotalBytes, `"${path}" decodes to more than ${limits.maxTotalBytes} bytes (xz bomb?)`, path)
            : limitExceeded(
                context.location,
                'maxCompressionRatio',
                limits.maxCompressionRatio,
                `"${path}" decodes ${Math.round(decodedBytes / Math.max(compressedBytes, 1))}x (${decodedBytes} bytes from ${compressedBytes}; xz bomb?)`,
                path,
              ),
      });
      const members = await listTarMembers(tar, [decoded], context, {
        label: path,
        report: (level, message) => problems.push({ level, message }),
        memory,
      });
      context.table.markArchive(path);
      for (const member of members) if (member.path !== '') context.table.add(`${path}!/`, member.path, member);
      for (const { level, message } of problems) context.diagnostics.add({ path, level, message });
    } catch (error) {
      if (context.signal?.aborted) throw context.signal.reason;
      if (error instanceof BundleLimitError) throw error;
      const message = error instanceof BundleError ? error.message : messageOf(error);
      context.diagnostics.add({ path, level: 'error', message: `cannot open supportconfig archive: ${message}` });
    }
  }
}
