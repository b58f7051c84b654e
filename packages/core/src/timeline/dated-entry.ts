import { objectRef, type KubeObject } from '../resources/kube-object.js';
import { parseRfc3339 } from '../time/time-point.js';
import { neighboursOf } from './object-neighbours.js';
import type { PendingEntry } from './pending-entry.js';
import type { TimelineEntry } from './timeline-types.js';

type EntryFields = Pick<TimelineEntry, 'kind' | 'level' | 'text'> & Partial<Pick<TimelineEntry, 'count' | 'until' | 'object' | 'related'>>;

/**
 * An entry about an object, dated by one of its fields (`pointer`), or undefined when that field
 * holds no time (absent, `"null"`, malformed): an entry is never dated by a guess.
 */
export function objectEntry(object: KubeObject, path: string, pointer: string, time: unknown, fields: EntryFields): PendingEntry | undefined {
  if (typeof time !== 'string') return undefined;
  const point = parseRfc3339(time);
  if (!point) return undefined;
  const entry: TimelineEntry = {
    time: point.time,
    at: point.at,
    precision: point.precision,
    kind: fields.kind,
    level: fields.level,
    text: fields.text,
    source: { path },
    object: fields.object ?? objectRef(object),
    related: fields.related ?? neighboursOf(object),
  };
  if (fields.count !== undefined) entry.count = fields.count;
  if (fields.until !== undefined) entry.until = fields.until;
  return { entry, locate: { object, pointer }, sourceKey: path };
}
