import type { Timeline, TimelineEntry } from '@bundle-triage/core';
import { DEFAULT_WIDTH, wrapText } from '@bundle-triage/report';
import type { TextOrJson } from '../args/text-or-json.js';

export interface TimelineView {
  source: string;
  createdAt?: string;
  timeline: Timeline;
  /** The filters as given, for the reader (JSON: as they were applied, in UTC). */
  filter: { since?: string; until?: string; namespace?: string; objects?: string[] };
  /** Entries in the window before --limit. */
  inWindow: number;
}

const MARKS = { year: '~', collected: '@' } as const;

/**
 * The timeline as JSON, or as text: one line per entry (never wrapped: a record to grep, its
 * `[path:line]` whole), the prose around them — heading, filters, legend, notes — wrapped to
 * `width` as the text report wraps its prose (the terminal's width; 100 columns otherwise).
 */
export function renderTimeline(view: TimelineView, format: TextOrJson, width = DEFAULT_WIDTH): string {
  const { timeline } = view;
  if (format === 'json') {
    return `${JSON.stringify({ bundle: { source: view.source, ...(view.createdAt ? { createdAt: view.createdAt } : {}) }, filter: view.filter, stats: timeline.stats, entries: timeline.entries, truncated: timeline.truncated, skipped: timeline.skipped }, null, 2)}\n`;
  }
  const lines: string[] = [];
  const { entries } = timeline;
  const span = entries.length > 0 ? ` from ${entries[0]!.time} to ${entries[entries.length - 1]!.time}` : '';
  const shown = entries.length < view.inWindow ? `the latest ${entries.length} of ${view.inWindow} entries (--limit)` : `${entries.length} entries`;
  // Prose: continuation lines indented under the words after the mark or the label.
  const prose = (text: string) => wrapText(text, width, '  ').map((line, index) => (index === 0 ? line.slice(2) : line));
  lines.push(...prose(`${view.source}: ${shown}${span}${view.createdAt ? `; bundle made ${view.createdAt}` : ''}; times in UTC`));
  const filters = [view.filter.since && `since ${view.filter.since}`, view.filter.until && `until ${view.filter.until}`, view.filter.namespace && `namespace ${view.filter.namespace}`, view.filter.objects?.length && `about ${view.filter.objects.join(', ')}`].filter(Boolean);
  if (filters.length > 0) lines.push(...prose(`only ${filters.join(', ')}`));
  if (entries.length === 0) lines.push('', 'No entries.');
  else lines.push('');
  const timeWidth = Math.max(0, ...entries.map((entry) => entry.time.length));
  for (const entry of entries) lines.push(entryLine(entry, timeWidth));
  const marks = new Set(entries.map((entry) => entry.inferred).filter((inferred): inferred is 'year' | 'collected' => inferred !== undefined));
  if (marks.size > 0 || timeline.truncated.length > 0 || timeline.skipped.length > 0) lines.push('');
  if (marks.has('year')) lines.push(...prose(`${MARKS.year} year not in the log line: taken from the bundle's creation time`));
  if (marks.has('collected')) lines.push(...prose(`${MARKS.collected} a state with no time of its own: as recorded when the bundle was made`));
  for (const item of timeline.truncated) lines.push(...prose(`capped: ${item.source}: the latest ${item.kept} of ${item.total} entries kept`));
  for (const item of timeline.skipped) lines.push(...prose(`not used: ${item.source}: ${item.reason}`));
  return `${lines.join('\n')}\n`;
}

function entryLine(entry: TimelineEntry, width: number): string {
  const mark = entry.inferred ? MARKS[entry.inferred] : ' ';
  const level = entry.level === 'error' ? 'ERROR' : entry.level === 'warning' ? 'WARN ' : 'info ';
  const where = entry.source.line === undefined ? entry.source.path : `${entry.source.path}:${entry.source.line}`;
  return `${entry.time.padEnd(width)}${mark} ${level} ${entry.text}  [${where}]`;
}
