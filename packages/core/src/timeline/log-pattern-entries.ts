import type { ObjectRef } from '../resources/kube-object.js';
import type { LogOccurrence, LogTemplate, PatternReport } from '../patterns/pattern-types.js';
import type { PendingEntry } from './pending-entry.js';
import type { TimelineEntryKind, TimelineLevel, TimelineNeighbours } from './timeline-types.js';

/**
 * Log templates on the timeline: each one's first and last line and the start of each burst,
 * about the pod (or node) whose log holds it. Lines already have their `path:line`.
 */
export function logPatternEntries(report: PatternReport, options: { maxTemplates?: number } = {}): PendingEntry[] {
  const entries: PendingEntry[] = [];
  for (const template of report.templates.slice(0, options.maxTemplates ?? report.templates.length)) {
    const level: TimelineLevel = template.level === 'warning' ? 'warning' : 'error';
    const summary = `${template.template}${template.count > 1 ? ` (×${template.count}${template.loop ? `, loop every ${seconds(template.loop.intervalMs)}` : ''})` : ''}`;
    const add = (kind: TimelineEntryKind, occurrence: LogOccurrence, text: string, extra: { count?: number; until?: string } = {}) => {
      if (!occurrence.time) return;
      const { object, related } = aboutSource(template, occurrence.path);
      entries.push({
        entry: {
          time: occurrence.time.time,
          at: occurrence.time.at,
          precision: occurrence.time.precision,
          ...(occurrence.time.inferred ? { inferred: occurrence.time.inferred } : {}),
          kind,
          level,
          text,
          source: { path: occurrence.path, line: occurrence.line },
          ...(object ? { object } : {}),
          related,
          templateId: template.id,
          ...extra,
        },
        sourceKey: `template:${template.id}`,
      });
    };
    add('log-first', template.first, `first log line: ${summary}`);
    if (template.count > 1) add('log-last', template.last, `last log line: ${summary}`);
    for (const burst of template.bursts) {
      if (burst.start.path === template.first.path && burst.start.line === template.first.line) continue;
      add('log-burst', burst.start, `burst of ${burst.count} log lines: ${template.template}`, { count: burst.count, ...(burst.end.time ? { until: burst.end.time.time } : {}) });
    }
  }
  return entries;
}

function aboutSource(template: LogTemplate, path: string): { object?: ObjectRef; related: TimelineNeighbours } {
  const source = template.sources.find((candidate) => candidate.path === path);
  if (source?.kind === 'pod' && source.pod && source.namespace) {
    return { object: { apiVersion: 'v1', kind: 'Pod', namespace: source.namespace, name: source.pod }, related: { namespace: source.namespace } };
  }
  if (source?.node) return { object: { apiVersion: 'v1', kind: 'Node', name: source.node }, related: { node: source.node } };
  return { related: {} };
}

function seconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}
