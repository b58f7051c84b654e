import type { Bundle } from '../bundle.js';
import type { BundleFacts } from '../facts/bundle-facts.js';
import type { ResourceFileEntry } from '../index/index-entry.js';
import type { PatternReport } from '../patterns/pattern-types.js';
import type { ResourceQuery } from '../resources/resource-query.js';
import { nodeBootEntries } from './node-boot-entries.js';
import { TimelineBuilder } from './timeline-builder.js';
import type { TimelineFilter } from './timeline-filter.js';
import { TIMELINE_RESOURCES } from './timeline-resources.js';
import type { Timeline, TimelineEntry } from './timeline-types.js';

export interface BuildTimelineOptions extends TimelineFilter {
  /** Which resource lists to read: the incident-relevant default set, every list, or these. */
  resources?: 'default' | 'all' | readonly ResourceQuery[];
  /**
   * Log templates to put on the timeline (from `minePatterns`); without it, no log entries. Several
   * reports (logs mined apart, e.g. one per object described) each give their own templates.
   */
  patterns?: PatternReport | readonly PatternReport[];
  /** Log templates taken from each report of `patterns`, by rank. Default 100. */
  maxTemplates?: number;
  /** Entries kept per source (the latest). Default 500. */
  maxEntriesPerSource?: number;
  /** Keep the latest N entries of the whole timeline. */
  limit?: number;
  /**
   * Given every entry (after `limit`, oldest first), chooses those to return: a caller that shows
   * a part picks it before lines are found, so only what it shows is located.
   */
  keep?: (entries: readonly TimelineEntry[]) => ReadonlySet<TimelineEntry>;
  /** Node boots from the kernel logs. Default true. */
  boots?: boolean;
  /** Find each returned entry's line (default true; false leaves resource entries without one). */
  locate?: boolean;
  /**
   * Let go of each resource file's decoded objects once read (default true): memory stays flat.
   * An analysis that shares the bundle with rules passes false and releases files itself.
   */
  release?: boolean;
  signal?: AbortSignal;
}

/**
 * One time-ordered stream of what the bundle records: events, condition transitions, creations
 * and deletions, Job runs, container terminations, Harvester upgrade states, node boots, and
 * (given a pattern report) log templates. Each entry has its `path:line`, the object it is about
 * and its neighbours. Missing inputs are listed in `skipped`, never passed over in silence.
 */
export async function buildTimeline(bundle: Bundle, options: BuildTimelineOptions = {}): Promise<Timeline> {
  const started = performance.now();
  const facts = await bundle.facts();
  const filter: TimelineFilter = {};
  if (options.since !== undefined) filter.since = options.since;
  if (options.until !== undefined) filter.until = options.until;
  if (options.namespace !== undefined) filter.namespace = options.namespace;
  if (options.objects !== undefined) filter.objects = options.objects;
  const builder = new TimelineBuilder({
    ...(facts.createdAt ? { bundleCreatedAt: facts.createdAt } : {}),
    ...(options.maxEntriesPerSource === undefined ? {} : { maxEntriesPerSource: options.maxEntriesPerSource }),
    filter,
    // Entries remember where their objects are, not the objects: each file can go once read.
    originOf: (object) => bundle.origin(object),
  });

  for (const file of resourceFilesToRead(bundle, options.resources ?? 'default')) {
    options.signal?.throwIfAborted();
    const query: ResourceQuery = { group: file.group, resource: file.resource, version: file.version, namespace: file.namespace ?? null };
    const objects = await bundle.resources(query);
    const problems = await bundle.resourceProblems(query);
    for (const problem of problems) builder.skip(problem.path, `could not be read whole: ${problem.problem}`);
    builder.addObjects(objects, file.path);
    if (options.release !== false) bundle.releaseResourceFile(file.path);
  }
  await addBundleEntries(builder, bundle, facts, { boots: options.boots !== false });
  for (const report of options.patterns === undefined ? [] : [options.patterns].flat()) builder.addPatterns(report, { maxTemplates: options.maxTemplates ?? 100 });

  const timeline = await builder.build({
    ...(options.locate === false ? {} : { bundle }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.keep === undefined ? {} : { keep: options.keep }),
  });
  timeline.stats.elapsedMs = Math.round(performance.now() - started);
  return timeline;
}

/**
 * What every timeline of a bundle adds beside its objects: node boots from the kernel logs, and
 * the notes on what the bundle lacks (no creation time, no events, no node bundles).
 */
export async function addBundleEntries(builder: TimelineBuilder, bundle: Bundle, facts: BundleFacts, options: { boots: boolean }): Promise<void> {
  if (!facts.createdAt) builder.skip('metadata.yaml', 'no bundle creation time: upgrade states are not dated, journal and klog lines have no year');
  if (bundle.index.resourceFiles({ resource: 'events' }).length === 0) builder.skip('events', 'no events in this bundle (none collected, or all expired)');
  if (!options.boots) return;
  const skipped: { source: string; reason: string }[] = [];
  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  builder.addEntries(await nodeBootEntries(bundle, createdAt, skipped));
  for (const skip of skipped) builder.skip(skip.source, skip.reason);
  if (bundle.index.nodes().length === 0) builder.skip('nodes/', 'no node bundles: node boots unknown');
}

function resourceFilesToRead(bundle: Bundle, resources: NonNullable<BuildTimelineOptions['resources']>): ResourceFileEntry[] {
  if (resources === 'all') return bundle.index.resourceFiles();
  const queries = resources === 'default' ? [...TIMELINE_RESOURCES] : resources;
  const files = new Map<string, ResourceFileEntry>();
  for (const query of queries) for (const file of bundle.resourceFiles(query)) files.set(file.path, file);
  return [...files.values()];
}
