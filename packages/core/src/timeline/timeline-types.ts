import type { ObjectRef } from '../resources/kube-object.js';
import type { TimePrecision } from '../time/time-point.js';

export type TimelineEntryKind =
  /** A Kubernetes event, at its first occurrence (`count`, `until` its last). */
  | 'event'
  /** The last occurrence of an event seen more than once. */
  | 'event-last'
  /** A status condition's last transition (or last update, for conditions that keep only that). */
  | 'condition'
  | 'created'
  /** `metadata.deletionTimestamp`: deletion requested, object still there (finalizers). */
  | 'deleting'
  | 'job-started'
  | 'job-finished'
  /** A container that stopped (now, or its previous instance): reason and exit code. */
  | 'container-terminated'
  /** A Harvester upgrade's state, or one node's upgrade state, as recorded when the bundle was made. */
  | 'upgrade-state'
  /** A node booted (the kernel's first line, or a journal boot marker). */
  | 'node-boot'
  /** A log template's first and last line, and the start of each burst. */
  | 'log-first'
  | 'log-last'
  | 'log-burst';

export type TimelineLevel = 'info' | 'warning' | 'error';

/** What an entry is about, and what it is close to: a finding picks its window by these. */
export interface TimelineNeighbours {
  namespace?: string;
  /** The controlling owner (`ownerReferences[controller=true]`, else the first). */
  owner?: ObjectRef;
  node?: string;
}

export interface TimelineEntry {
  /** RFC 3339 in UTC with the fractional digits the source wrote (never more). */
  time: string;
  /** Milliseconds since the epoch, for ordering and windows. */
  at: number;
  precision: TimePrecision;
  /**
   * Set when the time is not wholly the source's: `year` (a journal or klog line without one,
   * taken from the bundle's creation), `collected` (a state with no time of its own, dated when
   * the bundle was made).
   */
  inferred?: 'year' | 'collected';
  kind: TimelineEntryKind;
  level: TimelineLevel;
  /** One line a person reads. */
  text: string;
  /** Where it is written: bundle path and 1-based line (absent only when it could not be found). */
  source: { path: string; line?: number };
  /** The object it is about. */
  object?: ObjectRef;
  related: TimelineNeighbours;
  /** Events: how many times; log bursts: lines in the burst. */
  count?: number;
  /** Events: the last occurrence; bursts: the burst's last line. */
  until?: string;
  /** Log entries: the template's id (see PatternReport). */
  templateId?: string;
}

export interface Timeline {
  /** Oldest first. */
  entries: TimelineEntry[];
  /** Sources that had more entries than `maxEntriesPerSource`: the latest were kept. */
  truncated: { source: string; kept: number; total: number }[];
  /** Parts of the bundle the timeline could not use, and why. */
  skipped: { source: string; reason: string }[];
  /** When the bundle was made (RFC 3339), the reference for relative times. */
  bundleCreatedAt?: string;
  stats: TimelineStats;
}

export interface TimelineStats {
  /** Resource files and logs read. */
  sources: number;
  /** Entries found before filters and caps. */
  found: number;
  /** Entries that passed the filters and caps, before `limit`. */
  kept: number;
  /** Entries returned. */
  entries: number;
  elapsedMs?: number;
  /** Time spent finding the line of each returned entry. */
  locateMs?: number;
  /** Entries located by the fast path, and by re-parsing the item (`Bundle.locate`). */
  locatedFast?: number;
  locatedSlow?: number;
}
