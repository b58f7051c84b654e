import type { Bundle } from '../bundle.js';
import { FieldLocator } from '../resources/field-locator.js';
import type { PendingEntry } from './pending-entry.js';

export interface LocateStats {
  fast: number;
  slow: number;
  ms: number;
}

/**
 * Gives each entry the line of the field that dates it, for the entries that will be returned
 * only (`FieldLocator`: each file's text read once, each field found by indentation, re-parsed
 * only where that declines). An entry whose field cannot be found keeps its path without a line.
 */
export async function locateEntries(bundle: Bundle, pending: readonly PendingEntry[]): Promise<LocateStats> {
  const started = performance.now();
  const locator = new FieldLocator(bundle);
  // File by file, so each text is read once and can go before the next.
  const byFile = new Map<string, PendingEntry[]>();
  for (const item of pending) {
    if (!item.locate || item.entry.source.line !== undefined) continue;
    const path = 'origin' in item.locate ? item.locate.origin.path : bundle.origin(item.locate.object)?.path;
    if (path === undefined) continue;
    byFile.set(path, [...(byFile.get(path) ?? []), item]);
  }
  for (const [path, items] of byFile) {
    for (const item of items) {
      const locate = item.locate!;
      const line = 'origin' in locate ? await locator.lineAt(locate.origin, locate.pointer) : await locator.line(locate.object, locate.pointer);
      if (line !== undefined) item.entry.source.line = line;
    }
    locator.forget(path);
  }
  return { fast: locator.fast, slow: locator.slow, ms: Math.round(performance.now() - started) };
}
