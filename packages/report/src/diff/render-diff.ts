import type { DiffEntry, ReportDiff, StayedEntry } from './compare-reports.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export function renderDiff(diff: ReportDiff, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  const markdown = format === 'markdown';
  const side = (bundle: ReportDiff['old']) =>
    `${markdown ? `\`${bundle.source}\`` : bundle.source} (${[bundle.createdAt, bundle.harvesterVersion && `Harvester ${bundle.harvesterVersion}`].filter(Boolean).join(', ') || 'no date'})`;
  const lines = [markdown ? `# Findings from ${side(diff.old)} to ${side(diff.new)}` : `Findings from ${side(diff.old)} to ${side(diff.new)}`];
  if (diff.sameCluster === false) lines.push('', 'Note: these bundles come from different clusters.');
  const section = (title: string, entries: (DiffEntry | StayedEntry)[]) => {
    lines.push('', markdown ? `## ${title} (${entries.length})` : `${title} (${entries.length})${entries.length > 0 ? ':' : ''}`);
    for (const entry of entries) lines.push(`${markdown ? '-' : '  -'} ${describeEntry(entry, markdown)}`);
  };
  section('Disappeared', diff.disappeared);
  section('Appeared', diff.appeared);
  section('Stayed', diff.stayed);
  return `${lines.join('\n')}\n`;
}

function describeEntry(entry: DiffEntry | StayedEntry, markdown: boolean): string {
  const status = 'previousStatus' in entry && entry.previousStatus !== entry.status ? `${entry.previousStatus} → ${entry.status}` : entry.status;
  const id = `${entry.ruleId}${entry.signature ? ` (${entry.signature})` : ''}`;
  return markdown ? `**${status}** \`${id}\`: ${entry.title}` : `${status.padEnd(5)} ${id}: ${entry.title}`;
}
