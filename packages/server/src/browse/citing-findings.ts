import { apiGroupOf, type DescribedSubject, type DescriptionSection, type DescriptionSectionProvider } from '@bundle-triage/core';
import type { Evidence, Finding, Report } from '@bundle-triage/report';

/** A finding of the report that cites an object, with the evidence that does. */
export interface CitingFinding {
  finding: Finding;
  evidence: Evidence[];
}

/**
 * The findings of an analysis (fail, warn, info) whose evidence cites an object: evidence that
 * names it (`evidence.object`: kind, group, namespace, name), or that points into its list item
 * (same file, a line from the item's first line up to the next item's). Read from the stored
 * report, so they are what the report page shows.
 */
export async function findingsCiting(report: Report, subject: DescribedSubject): Promise<CitingFinding[]> {
  const { object, origin } = subject;
  const group = apiGroupOf(object.apiVersion);
  const namespace = object.metadata.namespace ?? '';
  const itemEnd = origin ? await nextItemLine(subject) : undefined;
  const cites = (evidence: Evidence): boolean => {
    if (evidence.object) {
      const ref = evidence.object;
      return ref.kind === object.kind && ref.name === object.metadata.name && (ref.namespace ?? '') === namespace && apiGroupOf(ref.apiVersion) === group;
    }
    return origin !== undefined && evidence.path === origin.path && evidence.line >= origin.line && (itemEnd === undefined || evidence.line < itemEnd);
  };
  return report.findings.flatMap((finding) => {
    if (finding.status === 'pass') return [];
    const evidence = finding.evidence.filter(cites);
    return evidence.length > 0 ? [{ finding, evidence }] : [];
  });
}

/** The first line of the list item after this object's in its file (undefined: it is the last). */
async function nextItemLine({ bundle, origin }: DescribedSubject): Promise<number | undefined> {
  const entry = origin ? bundle.entry(origin.path) : undefined;
  if (!origin || entry?.type !== 'resource') return undefined;
  const neighbours = await bundle.resources({ group: entry.group, resource: entry.resource, ...(entry.namespace === undefined ? {} : { namespace: entry.namespace }) });
  let next: number | undefined;
  for (const neighbour of neighbours) {
    const place = bundle.origin(neighbour);
    if (place?.path === origin.path && place.line > origin.line && (next === undefined || place.line < next)) next = place.line;
  }
  return next;
}

/**
 * The "Findings" section of a description (core's `extraSections` seam): one entry per citing
 * finding, with the first evidence line that cites the object. `cited` is told which finding
 * each entry stands for, so a page can link it to the report.
 */
export function findingsSection(report: Report, cited: Map<object, Finding>): DescriptionSectionProvider {
  return async (subject): Promise<DescriptionSection[]> => {
    const entries = (await findingsCiting(report, subject)).map(({ finding, evidence }) => {
      const first = evidence[0]!;
      const entry = { text: `${finding.status.toUpperCase()} ${finding.severity}: ${finding.title} (${finding.ruleId})`, evidence: { path: first.path, line: first.line } };
      cited.set(entry, finding);
      return entry;
    });
    return [{ title: 'Findings', entries }];
  };
}
