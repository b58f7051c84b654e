import type { Bundle } from '../bundle.js';
import type { LogFile } from '../logs/log-file.js';
import { journalLineTime } from '../time/time-point.js';
import type { PendingEntry } from './pending-entry.js';

/** Lines read at the start of a kernel log looking for the boot banner. */
const BANNER_LINES = 400;

/**
 * Node boots, from the kernel's banner (`Linux version …`) in each node's `logs/kernel.log`
 * (the current boot) and `kernel.log.1`, `.2` (the boots before). `journalctl -k` starts each
 * boot with it, so only the first lines are read. Journal lines carry no year: it comes from
 * the bundle's creation time (`inferred: 'year'`), and without that time no boot is dated.
 */
export async function nodeBootEntries(bundle: Bundle, bundleCreatedAt: number | undefined, skipped: { source: string; reason: string }[]): Promise<PendingEntry[]> {
  // The kernel logs are in the node bundles (opened here when the bundle opens them on demand).
  await bundle.openNestedArchives({ nodeBundles: true });
  const logs = bundle.logs({ kind: 'node', file: (file) => /^logs\/kernel\.log(\.\d+)?$/.test(file) });
  if (logs.length === 0) return [];
  if (bundleCreatedAt === undefined) {
    skipped.push({ source: 'nodes/*/logs/kernel.log', reason: 'node boots not dated: journal lines carry no year and the bundle has no creation time' });
    return [];
  }
  const entries: PendingEntry[] = [];
  for (const log of logs) {
    const boot = await bootOf(log, bundleCreatedAt);
    if (boot) entries.push(boot);
  }
  return entries;
}

async function bootOf(log: LogFile, bundleCreatedAt: number): Promise<PendingEntry | undefined> {
  let read = 0;
  for await (const line of log.lines()) {
    read += 1;
    if (read > BANNER_LINES) return undefined;
    const banner = /\bkernel: (Linux version \S+)/.exec(line.raw);
    if (!banner) continue;
    const time = journalLineTime(line.raw, bundleCreatedAt);
    if (!time) return undefined;
    const node = log.node ?? '?';
    const previous = /\.log\.(\d+)$/.exec(log.path)?.[1];
    return {
      entry: {
        time: time.time,
        at: time.at,
        precision: time.precision,
        ...(time.inferred ? { inferred: time.inferred } : {}),
        kind: 'node-boot',
        level: previous ? 'warning' : 'info',
        text: `node ${node} booted (${banner[1]})${previous ? `; a boot before the current one (kernel.log.${previous})` : ''}`,
        source: { path: log.path, line: line.line },
        object: { apiVersion: 'v1', kind: 'Node', name: node },
        related: { node },
      },
      sourceKey: log.path,
    };
  }
  return undefined;
}
