import { buildTimeline, minePatterns, type Bundle, type DescriptionSection, type DescriptionSectionProvider, type ObjectRef } from '@bundle-triage/core';
import { analyze, type Finding, type Report, type Rule } from '@bundle-triage/rules';

/** Timeline entries shown per object: the latest. */
const TIMELINE_ENTRIES = 20;
const MARKS = { year: '~', collected: '@' } as const;

/**
 * `describe`'s extra sections: the findings about the object (the rules run once for all the
 * objects described; a finding is about the object when its evidence names it, or, for a Node,
 * when it cites that node's files) and the timeline entries about it and what it owns, with the
 * log templates of a Pod's or a Node's own logs.
 */
export function findingsAndTimeline(rules: readonly Rule[]): DescriptionSectionProvider {
  const reports = new WeakMap<Bundle, Promise<Report>>();
  return async ({ bundle, ref }) => {
    let report = reports.get(bundle);
    if (!report) {
      // Findings only: describe shows its own timeline of the object, not the report's.
      report = analyze(bundle, { rules, overview: false, patterns: false, timeline: false, logThread: false });
      reports.set(bundle, report);
    }
    const findings = (await report).findings.filter((finding) => finding.status !== 'pass' && isAbout(finding, ref));
    // A Pod's or a Node's own logs put their warning and error templates on its timeline.
    const logs = ref.kind === 'Pod' && ref.namespace ? { namespace: ref.namespace, pod: ref.name } : ref.kind === 'Node' ? { node: ref.name } : undefined;
    const patterns = logs && bundle.logs(logs).length > 0 ? await minePatterns(bundle, { logs }) : undefined;
    // The lists stay decoded between the objects of one describe.
    const timeline = await buildTimeline(bundle, {
      objects: [{ kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) }],
      release: false,
      ...(patterns ? { patterns } : {}),
    });
    const entries = timeline.entries.slice(-TIMELINE_ENTRIES);
    const sections: DescriptionSection[] = [
      {
        title: 'Findings',
        entries: findings.map((finding) => {
          const evidence = finding.evidence.find((item) => item.object && sameRef(item.object, ref)) ?? finding.evidence[0];
          return { text: `${finding.status.toUpperCase()} ${finding.severity} ${finding.ruleId}: ${finding.message}`, ...(evidence ? { evidence: { path: evidence.path, line: evidence.line } } : {}) };
        }),
      },
      {
        title: entries.length < timeline.entries.length ? `Timeline (the latest ${entries.length} of ${timeline.entries.length})` : 'Timeline',
        entries: entries.map((entry) => ({
          text: `${entry.time}${entry.inferred ? MARKS[entry.inferred] : ''} ${entry.level === 'info' ? 'info' : entry.level === 'warning' ? 'WARN' : 'ERROR'} ${entry.text}`,
          evidence: { path: entry.source.path, ...(entry.source.line === undefined ? {} : { line: entry.source.line }) },
        })),
      },
    ];
    return sections;
  };
}

function isAbout(finding: Finding, ref: ObjectRef): boolean {
  if (finding.evidence.some((item) => item.object && sameRef(item.object, ref))) return true;
  return ref.kind === 'Node' && finding.evidence.some((item) => new RegExp(`^nodes/${escape(ref.name)}(?:\\.zip!)?/`).test(item.path));
}

function sameRef(a: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>, b: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
