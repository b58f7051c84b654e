import { splitLogLine, type Bundle, type LogFile, type LogOccurrence, type LogTemplate, type PatternReport, type TimestampStyle } from '@bundle-triage/core';
import type { Evidence, Finding, FindingLink, ReportLogOccurrence, ReportLogTemplate, ReportPatterns } from '@bundle-triage/report';
import { isClipped } from '../rule/evidence-excerpt.js';
import type { FindingSubjects } from './timeline-section.js';
import { aboutObjects } from './template-claims.js';

export interface PatternSectionOptions {
  /** Templates listed per finding, best ranked first (default 20). */
  perFinding?: number;
  /** Templates no rule explains, listed best ranked first (default 100). */
  unexplained?: number;
}

/** A finding with its objects; its templates are what this section finds. */
export type FindingWithObjects = Omit<FindingSubjects, 'templateIds'>;

const SOURCES = 5;
const MENTIONS = 8;

/**
 * Which log templates each finding explains — those its evidence lines belong to, and those
 * about its objects (`aboutObjects`) — and the report's `patterns`: the explained templates
 * (capped per finding) and the best-ranked ones no rule explains, in rank order.
 */
export async function patternSection(
  mined: PatternReport,
  findings: readonly FindingWithObjects[],
  templateOf: (text: string, file: { timestampStyle: TimestampStyle }) => Promise<string | undefined>,
  bundle: Bundle,
  bundleCreatedAt: number | undefined,
  options: PatternSectionOptions = {},
): Promise<{ patterns: ReportPatterns; listed: LogTemplate[]; claims: Map<Finding, Set<string>> }> {
  const claims = new Map<Finding, Set<string>>();
  const explainedBy = new Map<string, FindingLink[]>();
  for (const { finding, objects } of findings) {
    if (finding.status === 'pass') continue;
    const claimed = new Set<string>();
    for (const item of finding.evidence) {
      const log = bundle.log(item.path);
      if (!log) continue;
      const id = await templateOf(splitLogLine(await citedLine(log, item), log.timestampStyle, bundleCreatedAt).text, log);
      if (id) claimed.add(id);
    }
    const isAbout = aboutObjects(objects);
    for (const template of mined.templates) if (isAbout(template)) claimed.add(template.id);
    claims.set(finding, claimed);
    for (const id of claimed) explainedBy.set(id, [...(explainedBy.get(id) ?? []), { ruleId: finding.ruleId, fingerprint: finding.fingerprint }]);
  }

  const listedIds = new Set<string>();
  const perFinding = options.perFinding ?? 20;
  for (const claimed of claims.values()) {
    mined.templates.filter((template) => claimed.has(template.id)).slice(0, perFinding).forEach((template) => listedIds.add(template.id));
  }
  const unexplained = mined.templates.filter((template) => !explainedBy.has(template.id));
  for (const template of unexplained.slice(0, options.unexplained ?? 100)) listedIds.add(template.id);
  const listed = mined.templates.filter((template) => listedIds.has(template.id));

  return {
    patterns: {
      templates: listed.map((template) => reportTemplate(template, explainedBy.get(template.id) ?? [])),
      stats: {
        files: mined.stats.files,
        bytes: mined.stats.bytes,
        minedLines: mined.stats.minedLines,
        unclusteredLines: mined.stats.unclusteredLines,
        templates: mined.templates.length,
        explained: mined.templates.length - unexplained.length,
        listed: listed.length,
      },
      unreadable: mined.unreadable.map((item) => ({ ...item })),
    },
    listed,
    claims,
  };
}

/**
 * The cited log line whole: an excerpt longer than the report keeps is cut (`…`), and a template
 * matched on the cut line would not be the line's. Read again from the log, streamed, only the
 * lines holding the excerpt's start decoded; the excerpt when the line cannot be read again.
 */
async function citedLine(log: LogFile, item: Evidence): Promise<string> {
  if (!isClipped(item.excerpt)) return item.excerpt;
  const start = literalStart(item.excerpt.slice(0, -1));
  try {
    for await (const line of log.lines(start ? { prefilter: [start] } : {})) {
      if (line.line === item.line) return line.raw;
      if (line.line > item.line) break;
    }
  } catch {
    // Unreadable now: the cut line is what there is.
  }
  return item.excerpt;
}

/**
 * Up to 64 characters of the excerpt's start that are the line's own bytes: not past a U+FFFD
 * (it stands for bytes that were not UTF-8) nor ending in half a surrogate pair.
 */
function literalStart(excerpt: string): string {
  let start = excerpt.slice(0, 64);
  const replaced = start.indexOf('\uFFFD');
  if (replaced >= 0) start = start.slice(0, replaced);
  const last = start.charCodeAt(start.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? start.slice(0, -1) : start;
}

function reportTemplate(template: LogTemplate, explainedBy: readonly FindingLink[]): ReportLogTemplate {
  const sources = template.sources.slice(0, SOURCES).map((source) => ({
    path: source.path,
    count: source.count,
    ...(source.namespace === undefined ? {} : { namespace: source.namespace }),
    ...(source.pod === undefined ? {} : { pod: source.pod }),
    ...(source.container === undefined ? {} : { container: source.container }),
    ...(source.node === undefined ? {} : { node: source.node }),
  }));
  const loop = template.loop;
  return {
    id: template.id,
    template: template.template,
    level: template.level,
    count: template.count,
    rank: template.rank,
    first: occurrence(template.first),
    last: occurrence(template.last),
    sample: { ...template.sample },
    ...(loop
      ? { loop: { intervalMs: loop.intervalMs, occurrences: loop.occurrences, path: loop.path, ...(loop.from ? { from: loop.from.time } : {}), ...(loop.to ? { to: loop.to.time } : {}) } }
      : {}),
    bursts: template.bursts.length,
    sources,
    otherSources: template.otherSources + Math.max(0, template.sources.length - SOURCES),
    mentions: template.mentions.slice(0, MENTIONS),
    explainedBy: [...explainedBy].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)),
  };
}

function occurrence(occurrence: LogOccurrence): ReportLogOccurrence {
  const time = occurrence.time;
  return { path: occurrence.path, line: occurrence.line, ...(time ? { time: time.time, ...(time.inferred ? { inferred: time.inferred } : {}) } : {}) };
}
