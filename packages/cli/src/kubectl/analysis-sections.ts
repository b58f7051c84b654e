import {
  buildTimeline,
  matchesFilter,
  minePatterns,
  type Bundle,
  type DescribedSubject,
  type DescriptionSection,
  type DescriptionSectionProvider,
  type ObjectRef,
  type ObjectSelector,
  type PatternReport,
  type TimelineEntry,
} from '@bundle-triage/core';
import { analyze, type Finding, type Report, type Rule } from '@bundle-triage/rules';

/** Timeline entries shown per object: the latest. */
const TIMELINE_ENTRIES = 20;
const MARKS = { year: '~', collected: '@' } as const;

/** The timeline of the objects of one describe: each object's latest entries, and how many it has. */
type ObjectTimelines = (ref: ObjectRef) => { entries: TimelineEntry[]; total: number };

/**
 * `describe`'s extra sections: the findings about the object (the rules run once for all the
 * objects described; a finding is about the object when its evidence names it, or, for a Node,
 * when it cites that node's files) and the timeline entries about it and what it owns, with the
 * log templates of a Pod's or a Node's own logs (one timeline for all the objects described).
 */
export function findingsAndTimeline(rules: readonly Rule[]): DescriptionSectionProvider {
  const reports = new WeakMap<Bundle, Promise<Report>>();
  // kubectlDescribe passes the same `described` array for each object of one describe.
  const timelines = new WeakMap<readonly DescribedSubject[], Promise<ObjectTimelines>>();
  return async ({ bundle, ref }, described) => {
    let report = reports.get(bundle);
    if (!report) {
      // Findings only: describe shows its own timeline of the object, not the report's.
      report = analyze(bundle, { rules, overview: false, patterns: false, timeline: false, logThread: false });
      reports.set(bundle, report);
    }
    const findings = (await report).findings.filter((finding) => finding.status !== 'pass' && isAbout(finding, ref));
    let pending = timelines.get(described);
    if (!pending) {
      pending = objectTimelines(bundle, described.map((subject) => subject.ref));
      timelines.set(described, pending);
    }
    const { entries, total } = (await pending)(ref);
    const sections: DescriptionSection[] = [
      {
        title: 'Findings',
        entries: findings.map((finding) => {
          const evidence = finding.evidence.find((item) => item.object && sameRef(item.object, ref)) ?? finding.evidence[0];
          return { text: `${finding.status.toUpperCase()} ${finding.severity} ${finding.ruleId}: ${finding.message}`, ...(evidence ? { evidence: { path: evidence.path, line: evidence.line } } : {}) };
        }),
      },
      {
        title: entries.length < total ? `Timeline (the latest ${entries.length} of ${total})` : 'Timeline',
        entries: entries.map((entry) => ({
          text: `${entry.time}${entry.inferred ? MARKS[entry.inferred] : ''} ${entry.level === 'info' ? 'info' : entry.level === 'warning' ? 'WARN' : 'ERROR'} ${entry.text}`,
          evidence: { path: entry.source.path, ...(entry.source.line === undefined ? {} : { line: entry.source.line }) },
        })),
      },
    ];
    return sections;
  };
}

/**
 * One timeline for every object described (the lists are read once, not once per object), then
 * cut per object: the entries about it and what it owns, its latest TIMELINE_ENTRIES located.
 */
async function objectTimelines(bundle: Bundle, refs: readonly ObjectRef[]): Promise<ObjectTimelines> {
  const selectors = refs.map(selectorOf);
  const about = (entries: readonly TimelineEntry[], selector: ObjectSelector) => entries.filter((entry) => matchesFilter(entry, { objects: [selector] }));
  // A Pod's or a Node's own logs put their warning and error templates on its timeline, mined
  // apart so that each object's templates are ranked among its own.
  const patterns: PatternReport[] = [];
  for (const ref of refs) {
    const logs = ref.kind === 'Pod' && ref.namespace ? { namespace: ref.namespace, pod: ref.name } : ref.kind === 'Node' ? { node: ref.name } : undefined;
    if (!logs) continue;
    if (ref.kind === 'Node') await bundle.openNestedArchives({ nodeBundles: true });
    if (bundle.logs(logs).length > 0) patterns.push(await minePatterns(bundle, { logs }));
  }
  const totals = new Map<string, number>();
  const timeline = await buildTimeline(bundle, {
    objects: selectors,
    // The lists stay decoded for the describe's own reads; the findings' analysis shares them.
    release: false,
    patterns,
    // Boots are entries about Nodes: their kernel logs (in the node bundles) are read for a Node only.
    boots: refs.some((ref) => ref.kind === 'Node'),
    // The entries are already only those about the objects described: no cap of a source (an
    // events list) shared between them may crowd one object's entries out.
    maxEntriesPerSource: Number.POSITIVE_INFINITY,
    // Only what is shown is located: each object's latest entries.
    keep: (entries) => {
      const shown = new Set<TimelineEntry>();
      for (const selector of selectors) {
        const own = about(entries, selector);
        totals.set(keyOf(selector), own.length);
        for (const entry of own.slice(-TIMELINE_ENTRIES)) shown.add(entry);
      }
      return shown;
    },
  });
  return (ref) => {
    const selector = selectorOf(ref);
    return { entries: about(timeline.entries, selector).slice(-TIMELINE_ENTRIES), total: totals.get(keyOf(selector)) ?? 0 };
  };
}

function selectorOf(ref: ObjectRef): ObjectSelector {
  return { kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) };
}

function keyOf(selector: ObjectSelector): string {
  return `${selector.kind}/${selector.namespace ?? ''}/${selector.name}`;
}

function isAbout(finding: Finding, ref: ObjectRef): boolean {
  if (finding.evidence.some((item) => item.object && sameRef(item.object, ref))) return true;
  return ref.kind === 'Node' && finding.evidence.some((item) => item.path.startsWith(`nodes/${ref.name}/`) || item.path.startsWith(`nodes/${ref.name}.zip!/`));
}

function sameRef(a: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>, b: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
