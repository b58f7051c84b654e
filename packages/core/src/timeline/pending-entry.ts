import type { KubeObject, ObjectOrigin } from '../resources/kube-object.js';
import type { TimelineEntry } from './timeline-types.js';

/**
 * An entry before its line is known: the object (or, once a builder has let the object go, where
 * its item is) and the JSON pointer of the field that dates it (`/status/conditions/2/lastTransitionTime`).
 * Lines are found only for the entries that are returned, after filters and caps, in one pass per file.
 */
export interface PendingEntry {
  entry: TimelineEntry;
  locate?: { object: KubeObject; pointer: string } | { origin: ObjectOrigin; pointer: string };
  /** What the per-source cap counts by (a resource file, a log template). */
  sourceKey: string;
}
