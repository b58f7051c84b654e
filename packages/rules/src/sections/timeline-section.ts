import { addBundleEntries, objectRef, TimelineIndex, type Bundle, type BundleFacts, type KubeObject, type ObjectRef, type PatternReport, type TimelineEntry, type WindowEntry } from '@bundle-triage/core';
import type { Finding, FindingTimelineWindow, ReportTimeline, ReportTimelineEntry } from '@bundle-triage/report';
import { nodeOf, nodeOfPath } from '../rule/object-node.js';
import type { TimelineConsumer } from './timeline-consumer.js';

/** A finding with what it is about: its objects, and the log templates it explains. */
export interface FindingSubjects {
  finding: Finding;
  objects: readonly KubeObject[];
  templateIds: ReadonlySet<string>;
}

export interface TimelineSectionOptions {
  /** How far back a finding's window reaches from its last sign (default 2 h). */
  windowMs?: number;
  /** Entries in a window: the finding's own first, then its nodes' and namespaces' (default 50). */
  windowEntries?: number;
  /** The last hours before the bundle was made, listed whatever they are about (default 24 h)… */
  recentMs?: number;
  /** …at most this many of them, the latest (default 200). */
  recentEntries?: number;
}

const OWN_ENTRIES = 30;

/**
 * The report's timeline: what the bundle records, in time order, bounded to what a reader needs
 * — every entry of each finding's window (its objects, what owns them or what they own, their
 * nodes and namespaces, in the hours before its last sign) and the last hours before the bundle
 * was made. Only the entries listed are given their lines. Each finding gets its window as
 * indexes into the listed entries.
 */
export async function timelineSection(
  consumer: TimelineConsumer,
  bundle: Bundle,
  facts: BundleFacts,
  subjects: readonly FindingSubjects[],
  patterns: PatternReport | undefined,
  options: TimelineSectionOptions = {},
): Promise<{ timeline: ReportTimeline; windows: Map<Finding, FindingTimelineWindow> }> {
  const builder = consumer.builder;
  consumer.noteUnreadable();
  await addBundleEntries(builder, bundle, facts, { boots: true });
  if (patterns) builder.addPatterns(patterns);
  else builder.skip('logs', 'log patterns were not mined (--no-patterns): no log entries');

  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  const windows = new Map<Finding, WindowEntry[]>();
  let recentSince: number | undefined;
  let found = 0;
  const built = await builder.build({
    bundle,
    keep: (entries) => {
      found = entries.length;
      const keep = new Set<TimelineEntry>();
      const index = new TimelineIndex(entries);
      for (const subject of subjects) {
        const window = findingWindow(index, subject, createdAt, options);
        windows.set(subject.finding, window);
        for (const item of window) keep.add(item.entry);
      }
      const end = createdAt ?? entries.at(-1)?.at;
      if (end !== undefined) {
        recentSince = end - (options.recentMs ?? 24 * 3600_000);
        const recent = entries.filter((entry) => entry.at >= recentSince!);
        for (const entry of recent.slice(Math.max(0, recent.length - (options.recentEntries ?? 200)))) keep.add(entry);
      }
      return keep;
    },
  });

  const index = new Map(built.entries.map((entry, position) => [entry, position]));
  const timeline: ReportTimeline = {
    entries: built.entries.map(reportEntry),
    ...(recentSince === undefined ? {} : { recentSince: new Date(recentSince).toISOString().replace('.000Z', 'Z') }),
    omitted: found - built.entries.length,
    truncated: built.truncated,
    skipped: built.skipped,
  };
  const reportWindows = new Map<Finding, FindingTimelineWindow>();
  for (const [finding, window] of windows) {
    const first = window[0]?.entry;
    const last = window.at(-1)?.entry;
    reportWindows.set(finding, {
      ...(first ? { from: first.time, until: last!.time } : {}),
      entries: window.flatMap((item) => (index.has(item.entry) ? [{ entry: index.get(item.entry)!, closeness: item.closeness }] : [])),
    });
  }
  return { timeline, windows: reportWindows };
}

/**
 * A finding's window: entries about its objects, what owns them or what they own, the log
 * templates it explains, its nodes and namespaces, in the hours before its last sign (the latest
 * entry about its own objects; the bundle's creation when none). Its own entries come first
 * within the bound, then the rest, so a busy namespace cannot crowd them out.
 */
function findingWindow(index: TimelineIndex, subject: FindingSubjects, createdAt: number | undefined, options: TimelineSectionOptions): WindowEntry[] {
  const refs: ObjectRef[] = subject.objects.map(objectRef);
  for (const item of subject.finding.evidence) if (item.object && !refs.some((ref) => sameRef(ref, item.object!))) refs.push(item.object);
  const owners = subject.objects.flatMap(ownersOf);
  const nodes = [...new Set([...subject.objects.flatMap((object) => nodeOf(object) ?? []), ...subject.finding.evidence.flatMap((item) => nodeOfPath(item.path) ?? [])])];
  const base = { nodes, owners, templateIds: [...subject.templateIds], closeness: 'namespace' as const, beforeMs: options.windowMs ?? 2 * 3600_000, limit: Number.POSITIVE_INFINITY };
  let near = index.window(refs, base);
  if (!near.some((item) => item.closeness === 'object') && createdAt !== undefined) near = index.window(refs, { ...base, until: createdAt });
  const limit = options.windowEntries ?? 50;
  const own = near.filter((item) => item.closeness === 'object' || item.closeness === 'owner');
  const ownKept = own.slice(Math.max(0, own.length - Math.min(OWN_ENTRIES, limit)));
  const rest = near.filter((item) => item.closeness === 'node' || item.closeness === 'namespace');
  const restKept = rest.slice(Math.max(0, rest.length - (limit - ownKept.length)));
  const kept = new Set([...ownKept, ...restKept]);
  return near.filter((item) => kept.has(item));
}

function ownersOf(object: KubeObject): ObjectRef[] {
  const owners = (object.metadata as { ownerReferences?: unknown }).ownerReferences;
  if (!Array.isArray(owners)) return [];
  return owners.flatMap((owner: Record<string, unknown>) =>
    typeof owner?.kind === 'string' && typeof owner.name === 'string'
      ? [{ apiVersion: typeof owner.apiVersion === 'string' ? owner.apiVersion : '', kind: owner.kind, name: owner.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) }]
      : [],
  );
}

function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

function reportEntry(entry: TimelineEntry): ReportTimelineEntry {
  const { at: _at, ...rest } = entry;
  return rest;
}
