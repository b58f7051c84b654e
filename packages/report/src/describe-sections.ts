import type { Finding, Report, ReportLogTemplate, ReportOverview, ReportTimelineEntry } from './report-types.js';
import { plural } from './plural.js';

/**
 * The sentences the overview, the log patterns and the timeline share across text, Markdown,
 * HTML and JUnit, written once (as describe-report.ts does for the rest).
 */

const COMPONENT_LABEL: Record<string, string> = { harvester: 'Harvester', kubernetes: 'Kubernetes', rancher: 'Rancher', longhorn: 'Longhorn', kubevirt: 'KubeVirt' };

/** `Harvester`, `Rancher`… for a component of the overview's versions. */
export function componentLabel(component: string): string {
  return COMPONENT_LABEL[component] ?? component;
}

export interface NodeRow {
  name: string;
  roles: string;
  /** `Ready`, `NotReady (KubeletNotReady since …)`, `Unknown`, or `not recorded`. */
  ready: string;
  /** The node is not Ready (or records no Ready condition). */
  problem: boolean;
  cordoned: boolean;
  kernel: string;
  os: string;
  /** `path:line` of the node in nodes.yaml, or a note that the node has only its node bundle. */
  where: string;
}

/** One row per node of the overview. */
export function nodeRows(overview: ReportOverview): NodeRow[] {
  return overview.nodes.map((node) => ({
    name: node.name,
    roles: node.roles.length > 0 ? node.roles.join(', ') : 'worker',
    ready: readyText(node),
    problem: node.ready !== 'True',
    cordoned: node.cordoned,
    kernel: node.kernel?.value ?? '—',
    os: node.os?.value ?? '—',
    where: node.source ? (node.source.line ? `${node.source.path}:${node.source.line}` : node.source.path) : node.nodeBundle ? 'node bundle only (not in nodes.yaml)' : 'not in nodes.yaml',
  }));
}

function readyText(node: ReportOverview['nodes'][number]): string {
  if (node.ready === undefined) return 'not recorded';
  if (node.ready === 'True') return 'Ready';
  const word = node.ready === 'False' ? 'NotReady' : node.ready;
  const details = [node.readyReason, node.readySince && `since ${node.readySince}`].filter(Boolean).join(' ');
  return details ? `${word} (${details})` : word;
}

/**
 * The overview as label/value facts (nodes are a table of their own): versions, then the
 * counts and states, then the health findings. A list the bundle does not hold says so.
 */
export function overviewFacts(report: Report): { label: string; value: string }[] {
  const overview = report.overview;
  if (!overview) return [];
  const facts: { label: string; value: string }[] = [];
  facts.push({ label: 'Versions', value: overview.versions.length > 0 ? overview.versions.map((version) => `${componentLabel(version.component)} ${version.version}`).join(' · ') : 'none recorded in this bundle' });
  const notReady = overview.nodes.filter((node) => node.ready !== 'True').length;
  const cordoned = overview.nodes.filter((node) => node.cordoned).length;
  facts.push({ label: 'Nodes', value: `${overview.nodes.length}${notReady > 0 ? `, ${notReady} not Ready` : ', all Ready'}${cordoned > 0 ? `, ${cordoned} cordoned` : ''}` });
  facts.push({ label: 'VMs', value: stateCounts(overview.virtualMachines, 'no VirtualMachine list in this bundle') });
  facts.push({ label: 'Volumes', value: stateCounts(overview.volumes, 'no Longhorn volume list in this bundle') });
  const { pods } = overview;
  facts.push({
    label: 'Pods',
    value:
      pods.sources.length === 0
        ? 'no pod list in this bundle'
        : pods.notReady === 0
          ? `${pods.total}, all ready or completed`
          : `${pods.total}, ${pods.notReady} not ready: ${pods.namespaces.map((namespace) => `${namespace.namespace} ${namespace.notReady} (${namespace.pods.map((pod) => `${pod.name} ${pod.reason}`).join(', ')}${namespace.notReady > namespace.pods.length ? ', …' : ''})`).join('; ')}`,
  });
  const { fleetBundles } = overview;
  facts.push({
    label: 'Fleet bundles',
    value:
      fleetBundles.sources.length === 0
        ? 'no Fleet bundle list in this bundle'
        : fleetBundles.notReady.length === 0
          ? `${fleetBundles.total}, all ready`
          : `${fleetBundles.total}, ${fleetBundles.notReady.length} not ready: ${fleetBundles.notReady.map((bundle) => `${bundle.namespace}/${bundle.name}${bundle.state ? ` ${bundle.state}` : ''}${bundle.readyClusters ? ` ${bundle.readyClusters}` : ''}`).join(', ')}`,
  });
  const { health } = overview;
  facts.push({
    label: 'Health',
    value:
      health.findings.length === 0
        ? 'no fail or warn finding'
        : `${health.fail} fail, ${health.warn} warn: ${healthEntries(health.findings).join(', ')}${health.more > 0 ? `, and ${health.more} more` : ''}`,
  });
  return facts;
}

/**
 * The listed findings by rule, in their order: four stuck deletions read "object-deletion-stuck ×4",
 * not the id four times (each is still its own entry in the JSON overview).
 */
function healthEntries(findings: ReportOverview['health']['findings']): string[] {
  const entries = new Map<string, { ruleId: string; count: number; causes: string }>();
  for (const finding of findings) {
    const causes = [...new Set((finding.causedBy ?? []).map((link) => link.ruleId))].join(', ');
    const key = `${finding.ruleId}\u0000${causes}`;
    const entry = entries.get(key);
    if (entry) entry.count += 1;
    else entries.set(key, { ruleId: finding.ruleId, count: 1, causes });
  }
  return [...entries.values()].map(({ ruleId, count, causes }) => `${ruleId}${count > 1 ? ` ×${count}` : ''}${causes ? ` (caused by ${causes})` : ''}`);
}

function stateCounts(counts: ReportOverview['volumes'], absent: string): string {
  if (counts.sources.length === 0) return absent;
  if (counts.total === 0) return '0';
  return `${counts.total}: ${counts.states.map((state) => `${state.state} ${state.count}`).join(', ')}`;
}

export interface WindowItem {
  entry: ReportTimelineEntry;
  index: number;
  closeness: 'object' | 'owner' | 'node' | 'namespace';
}

/** A finding's window, resolved to the report's timeline entries. */
export function windowOf(report: Report, finding: Finding): WindowItem[] {
  const entries = report.timeline?.entries ?? [];
  return (finding.timelineWindow?.entries ?? []).flatMap((item) => {
    const entry = entries[item.entry];
    return entry ? [{ entry, index: item.entry, closeness: item.closeness }] : [];
  });
}

/** The finding's own entries (about its objects, what owns them or what they own). */
export function isOwn(item: Pick<WindowItem, 'closeness'>): boolean {
  return item.closeness === 'object' || item.closeness === 'owner';
}

const MARKS = { year: '~', collected: '@' } as const;

/** The time as written, with `~` when the year was taken from the bundle and `@` when dated at collection. */
export function entryTime(entry: Pick<ReportTimelineEntry, 'time' | 'inferred'>): string {
  return `${entry.time}${entry.inferred ? MARKS[entry.inferred] : ''}`;
}

/** What the marks of entry times mean, for the ones used. */
export function timeMarkNotes(entries: readonly Pick<ReportTimelineEntry, 'inferred'>[]): string[] {
  const used = new Set(entries.map((entry) => entry.inferred));
  return [
    ...(used.has('year') ? [`${MARKS.year} year not in the log line: taken from the bundle's creation time`] : []),
    ...(used.has('collected') ? [`${MARKS.collected} a state with no time of its own: dated when the bundle was made`] : []),
  ];
}

/** `path:line` of an entry, or the path alone when its line could not be found. */
export function entrySource(entry: Pick<ReportTimelineEntry, 'source'>): string {
  return entry.source.line === undefined ? entry.source.path : `${entry.source.path}:${entry.source.line}`;
}

export function levelWord(level: ReportTimelineEntry['level'] | ReportLogTemplate['level']): string {
  return level === 'fatal' ? 'FATAL' : level === 'error' ? 'ERROR' : level === 'warning' ? 'WARN' : 'info';
}

/** The templates no finding explains, best ranked first. */
export function unexplainedTemplates(report: Report): ReportLogTemplate[] {
  return (report.patterns?.templates ?? []).filter((template) => template.explainedBy.length === 0);
}

/** The templates a finding explains, best ranked first. */
export function templatesOf(report: Report, finding: Finding): ReportLogTemplate[] {
  return (report.patterns?.templates ?? []).filter((template) => template.explainedBy.some((link) => link.ruleId === finding.ruleId && link.fingerprint === finding.fingerprint));
}

/** `×1,234`, and `loop every 30 s` for a loop. */
export function templateCounts(template: ReportLogTemplate): string {
  return `×${template.count.toLocaleString('en-US')}${template.loop ? ` · loop every ${durationText(template.loop.intervalMs)}` : ''}`;
}

/** `first … last` of a template (`~` where the year was inferred), or `` when its lines carry no time. */
export function templateSpan(template: ReportLogTemplate): string {
  if (!template.first.time) return '';
  const first = entryTime({ time: template.first.time, ...(template.first.inferred ? { inferred: template.first.inferred } : {}) });
  const last = template.last.time && template.last.time !== template.first.time ? entryTime({ time: template.last.time, ...(template.last.inferred ? { inferred: template.last.inferred } : {}) }) : undefined;
  return last ? `${first} … ${last}` : first;
}

/** `30 s`, `5 min`, `1.5 h`. */
export function durationText(ms: number): string {
  if (ms >= 3_600_000 && ms % 60_000 === 0) return `${Math.round((ms / 3_600_000) * 10) / 10} h`;
  if (ms >= 60_000) return `${Math.round((ms / 60_000) * 10) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** "Log patterns not explained by any rule: 10 of 47 (2 explained by findings; 568 warning/error lines in 46 logs)" */
export function patternsHeading(report: Report, shown: number): string {
  const patterns = report.patterns!;
  const unexplained = patterns.stats.templates - patterns.stats.explained;
  const count = unexplained === 0 ? 'none' : shown < unexplained ? `the first ${shown} of ${unexplained}` : `${unexplained}`;
  const explained = patterns.stats.explained > 0 ? `${plural(patterns.stats.explained, 'template')} explained by findings; ` : '';
  return `Log patterns not explained by any rule: ${count} (${explained}${plural(patterns.stats.minedLines, 'warning/error line')} in ${plural(patterns.stats.files, 'log')})`;
}
