import type { LogTemplate, LogTemplateSource, PatternReport } from '@bundle-triage/core';
import type { TextOrJson } from '../args/text-or-json.js';

export interface PatternsView {
  /** The bundle as the user named it. */
  source: string;
  createdAt?: string;
  report: PatternReport;
  /** Templates found in all (the report may hold only the first of them). */
  total: number;
}

export function renderPatterns(view: PatternsView, format: TextOrJson): string {
  if (format === 'json') {
    return `${JSON.stringify({ bundle: { source: view.source, ...(view.createdAt ? { createdAt: view.createdAt } : {}) }, stats: view.report.stats, templates: view.report.templates, unreadable: view.report.unreadable }, null, 2)}\n`;
  }
  const { stats, templates } = view.report;
  const lines: string[] = [];
  lines.push(
    `${view.source}: ${plural(stats.templates, 'log template')} from ${plural(stats.minedLines, 'warning/error line')} in ${plural(stats.files, 'log')} (${megabytes(stats.bytes)})` +
      (templates.length < view.total ? `; the first ${templates.length} by rank (--all for every one)` : ''),
  );
  if (stats.unclusteredLines > 0) lines.push(`${plural(stats.unclusteredLines, 'line')} fit no template once the template cap was reached; counted, not shown`);
  for (const unreadable of view.report.unreadable) lines.push(`not read: ${unreadable.path}: ${unreadable.reason}`);
  if (templates.length === 0) lines.push('', 'No warning or error lines in the logs.');
  for (const template of templates) lines.push('', ...templateLines(template));
  return `${lines.join('\n')}\n`;
}

function templateLines(template: LogTemplate): string[] {
  const head = [`${String(template.rank).padStart(3)}  ${template.level.toUpperCase().padEnd(7)} ×${template.count}`];
  if (template.loop) head.push(`LOOP every ${duration(template.loop.intervalMs)} (${template.loop.occurrences} lines in ${sourceLabel(template.sources.find((source) => source.path === template.loop!.path)) ?? template.loop.path})`);
  head.push(`id ${template.id}`);
  const lines = [head.join('   '), `     ${template.template}`];
  const first = template.first.time?.time;
  const last = template.last.time?.time;
  if (first) lines.push(`     ${first === last ? first : `${first} … ${last}`}${template.first.time?.inferred === 'year' ? ' (year inferred)' : ''}`);
  const shown = template.sources.slice(0, 3).map((source) => `${sourceLabel(source)}${template.sources.length > 1 ? ` ×${source.count}` : ''}`);
  const more = template.sources.length - shown.length + template.otherSources;
  lines.push(`     in ${shown.join(', ')}${more > 0 ? ` and ${plural(more, 'other log')}` : ''}`);
  if (template.bursts.length > 1) lines.push(`     ${plural(template.bursts.length, 'burst')}, from ${template.bursts.map((burst) => burst.start.time?.time ?? '?').slice(0, 3).join(', ')}${template.bursts.length > 3 ? ', …' : ''}`);
  if (template.mentions.length > 0) lines.push(`     mentions ${template.mentions.slice(0, 5).join(', ')}${template.mentions.length > 5 ? ', …' : ''}`);
  lines.push(`     sample ${template.sample.path}:${template.sample.line}`, `       ${template.sample.text.length > 300 ? `${template.sample.text.slice(0, 300)}…` : template.sample.text}`);
  return lines;
}

function sourceLabel(source: LogTemplateSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.kind === 'pod') return `pod ${source.namespace}/${source.pod} (${source.container}${source.previous ? ', previous' : ''})`;
  return `node ${source.node} ${source.file}`;
}

function duration(ms: number): string {
  if (ms >= 3_600_000 && ms % 60_000 === 0) return `${Math.round((ms / 3_600_000) * 10) / 10} h`;
  if (ms >= 60_000) return `${Math.round((ms / 60_000) * 10) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}
