import type { Bundle } from '../bundle.js';
import { parsePointer } from '../resources/locate-pointer.js';
import { locateInBlockYaml, TextLines } from './locate-in-block-yaml.js';
import type { PendingEntry } from './pending-entry.js';

export interface LocateStats {
  fast: number;
  slow: number;
  ms: number;
}

/**
 * Gives each entry the line of the field that dates it, for the entries that will be returned
 * only. Per file: its text is read once and each entry found by walking indentation from its
 * item's line (`locateInBlockYaml`); where that declines, the item is re-parsed
 * (`Bundle.locate`). An entry whose field cannot be found keeps its path without a line.
 */
export async function locateEntries(bundle: Bundle, pending: readonly PendingEntry[]): Promise<LocateStats> {
  const started = performance.now();
  const stats: LocateStats = { fast: 0, slow: 0, ms: 0 };
  const byFile = new Map<string, PendingEntry[]>();
  for (const item of pending) {
    if (!item.locate || item.entry.source.line !== undefined) continue;
    const origin = bundle.origin(item.locate.object);
    if (!origin) continue;
    byFile.set(origin.path, [...(byFile.get(origin.path) ?? []), item]);
  }
  for (const [path, items] of byFile) {
    let lines: TextLines | undefined;
    try {
      lines = new TextLines(await bundle.readText(path));
    } catch {
      lines = undefined;
    }
    for (const item of items) {
      const { object, pointer } = item.locate!;
      const origin = bundle.origin(object)!;
      const segments = parsePointer(pointer);
      const found = lines && segments ? locateInBlockYaml(lines, origin.line, segments) : { decline: true as const };
      if ('line' in found) {
        item.entry.source.line = found.line;
        stats.fast += 1;
        continue;
      }
      // Declined, or "absent" for a field the object has: the text is not what the walk expects,
      // so the exact (slow) way decides.
      const line = await bundle.locate(object, pointer);
      stats.slow += 1;
      if (line !== undefined) item.entry.source.line = line;
    }
  }
  stats.ms = Math.round(performance.now() - started);
  return stats;
}
