import type { Bundle } from '../bundle.js';
import type { PatternReport } from '../patterns/pattern-types.js';
import type { KubeObject, ObjectOrigin } from '../resources/kube-object.js';
import { parseRfc3339, type TimePoint } from '../time/time-point.js';
import { entriesForObject } from './entries-for-object.js';
import { locateEntries } from './locate-entries.js';
import { logPatternEntries } from './log-pattern-entries.js';
import type { PendingEntry } from './pending-entry.js';
import { matchesFilter, type TimelineFilter } from './timeline-filter.js';
import type { Timeline, TimelineEntry } from './timeline-types.js';

export interface TimelineBuilderOptions {
  /** RFC 3339: dates states that have no time of their own (`inferred: 'collected'`). */
  bundleCreatedAt?: string;
  /** Entries kept per source (a resource file, a log template); the latest are kept. Default 500. */
  maxEntriesPerSource?: number;
  /** Only entries that match (applied before the caps, so a window is not crowded out). */
  filter?: TimelineFilter;
  /**
   * Where an object's item is (`bundle.origin`). Given, entries keep that instead of the object,
   * so the objects of a file can be collected once it is read (a timeline holds tens of thousands
   * of entries); their lines are found later from the file's text.
   */
  originOf?: (object: KubeObject) => ObjectOrigin | undefined;
}

interface SourceBucket {
  items: PendingEntry[];
  total: number;
}

const KIND_ORDER: Record<TimelineEntry['kind'], number> = {
  'node-boot': 0,
  created: 1,
  'job-started': 2,
  event: 3,
  condition: 4,
  'log-first': 5,
  'log-burst': 6,
  'container-terminated': 7,
  'job-finished': 8,
  deleting: 9,
  'event-last': 10,
  'log-last': 11,
  'upgrade-state': 12,
};

/**
 * Collects timeline entries from whatever a caller has at hand — decoded objects (with the file
 * they came from), a pattern report, entries made elsewhere — filters them as they come, keeps
 * the latest `maxEntriesPerSource` of each source with a count of the rest, and finally orders
 * them and finds their lines. An analysis can feed it objects it decoded anyway;
 * `buildTimeline` feeds it from the bundle itself.
 */
export class TimelineBuilder {
  readonly #buckets = new Map<string, SourceBucket>();
  readonly #skipped: Timeline['skipped'] = [];
  readonly #filter: TimelineFilter;
  readonly #max: number;
  readonly #createdAt: TimePoint | undefined;
  readonly #createdAtText: string | undefined;
  readonly #seenEvents = new Set<string>();
  readonly #originOf: ((object: KubeObject) => ObjectOrigin | undefined) | undefined;
  #found = 0;
  #sources = 0;

  constructor(options: TimelineBuilderOptions = {}) {
    this.#filter = options.filter ?? {};
    this.#max = options.maxEntriesPerSource ?? 500;
    this.#createdAtText = options.bundleCreatedAt;
    this.#createdAt = options.bundleCreatedAt ? parseRfc3339(options.bundleCreatedAt) : undefined;
    this.#originOf = options.originOf;
  }

  /** The objects of one resource file. Events listed under two groups count once (by uid). */
  addObjects(objects: readonly KubeObject[], path: string): void {
    this.#sources += 1;
    for (const object of objects) {
      if (object.kind === 'Event') {
        const uid = object.metadata?.uid;
        if (typeof uid === 'string' && uid !== '') {
          if (this.#seenEvents.has(uid)) continue;
          this.#seenEvents.add(uid);
        }
      }
      this.addEntries(entriesForObject(object, path, this.#createdAt));
    }
  }

  /** Log templates: first and last lines and bursts. */
  addPatterns(report: PatternReport, options: { maxTemplates?: number } = {}): void {
    this.#sources += report.stats.files;
    this.addEntries(logPatternEntries(report, options));
  }

  addEntries(entries: readonly PendingEntry[]): void {
    for (const given of entries) {
      this.#found += 1;
      if (!matchesFilter(given.entry, this.#filter)) continue;
      const pending = this.#withoutObject(given);
      let bucket = this.#buckets.get(pending.sourceKey);
      if (!bucket) {
        bucket = { items: [], total: 0 };
        this.#buckets.set(pending.sourceKey, bucket);
      }
      bucket.total += 1;
      bucket.items.push(pending);
      // Trim as we go so a huge source never holds more than twice the cap.
      if (bucket.items.length >= this.#max * 2) bucket.items = latest(bucket.items, this.#max);
    }
  }

  #withoutObject(pending: PendingEntry): PendingEntry {
    const locate = pending.locate;
    if (!this.#originOf || !locate || !('object' in locate)) return pending;
    const origin = this.#originOf(locate.object);
    return origin ? { ...pending, locate: { origin, pointer: locate.pointer } } : pending;
  }

  /** A source that could not be used, and why (it shows in the timeline, not only in logs). */
  skip(source: string, reason: string): void {
    this.#skipped.push({ source, reason });
  }

  /**
   * The timeline, oldest first; `limit` keeps the latest N, and `keep` (given them all, in order)
   * chooses which to return. With a bundle, entries from its resource files get their lines (only
   * those returned are located).
   */
  async build(options: { bundle?: Bundle; limit?: number; keep?: (entries: readonly TimelineEntry[]) => ReadonlySet<TimelineEntry> } = {}): Promise<Timeline> {
    const truncated: Timeline['truncated'] = [];
    const kept: PendingEntry[] = [];
    for (const [source, bucket] of this.#buckets) {
      const items = bucket.items.length > this.#max ? latest(bucket.items, this.#max) : bucket.items;
      if (bucket.total > items.length) truncated.push({ source: sourceName(source), kept: items.length, total: bucket.total });
      kept.push(...items);
    }
    kept.sort((a, b) => compareEntries(a.entry, b.entry));
    const latestN = options.limit !== undefined && kept.length > options.limit ? kept.slice(kept.length - options.limit) : kept;
    // A caller that lists a part (a report: the findings' windows and the last hours) picks it
    // before lines are found, so only what it lists is located.
    const chosen = options.keep?.(latestN.map((pending) => pending.entry));
    const returned = chosen ? latestN.filter((pending) => chosen.has(pending.entry)) : latestN;
    const timeline: Timeline = {
      entries: returned.map((pending) => pending.entry),
      truncated: truncated.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
      skipped: [...this.#skipped],
      stats: { sources: this.#sources, found: this.#found, kept: kept.length, entries: returned.length },
    };
    if (this.#createdAtText) timeline.bundleCreatedAt = this.#createdAtText;
    if (options.bundle) {
      const located = await locateEntries(options.bundle, returned);
      timeline.stats.locateMs = located.ms;
      timeline.stats.locatedFast = located.fast;
      timeline.stats.locatedSlow = located.slow;
    }
    return timeline;
  }
}

function latest(items: PendingEntry[], count: number): PendingEntry[] {
  return [...items].sort((a, b) => compareEntries(b.entry, a.entry)).slice(0, count);
}

/** By time, then by what comes first in a story (a boot before what follows it), then by place. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    a.at - b.at ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareText(a.source.path, b.source.path) ||
    (a.source.line ?? 0) - (b.source.line ?? 0) ||
    compareText(a.text, b.text)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sourceName(key: string): string {
  return key.startsWith('template:') ? `log template ${key.slice('template:'.length)}` : key;
}
