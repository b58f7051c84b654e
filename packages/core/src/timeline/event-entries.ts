import type { KubeObject, ObjectRef } from '../resources/kube-object.js';
import { parseRfc3339 } from '../time/time-point.js';
import { objectEntry } from './dated-entry.js';
import { field, text } from '../resources/object-fields.js';
import { neighboursOf } from './object-neighbours.js';
import type { PendingEntry } from './pending-entry.js';

/**
 * A Kubernetes event (core/v1 or events.k8s.io/v1) at its first occurrence, with its count and
 * last occurrence; a second entry at the last occurrence when it happened more than once. The
 * entry is about the involved object, not the Event.
 */
export function eventEntries(event: KubeObject, path: string): PendingEntry[] {
  // core/v1 writes firstTimestamp/lastTimestamp/count; events.k8s.io writes eventTime and series
  // (and the deprecated* copies). Seconds in the first, microseconds in eventTime.
  const firstPointer = text(event.firstTimestamp) ? '/firstTimestamp' : text(event.deprecatedFirstTimestamp) ? '/deprecatedFirstTimestamp' : text(event.eventTime) ? '/eventTime' : '/metadata/creationTimestamp';
  const first = field(event, ...pointerPath(firstPointer));
  const lastPointer = text(event.lastTimestamp) ? '/lastTimestamp' : text(event.deprecatedLastTimestamp) ? '/deprecatedLastTimestamp' : text(field(event, 'series', 'lastObservedTime')) ? '/series/lastObservedTime' : undefined;
  const last = lastPointer ? field(event, ...pointerPath(lastPointer)) : undefined;
  const count = numberOf(event.count) ?? numberOf(event.deprecatedCount) ?? numberOf(field(event, 'series', 'count')) ?? 1;
  const involved = involvedObject(event);
  const type = text(event.type) ?? 'Normal';
  const reason = text(event.reason) ?? '';
  const message = (text(event.message) ?? text(event.note) ?? '').replace(/\s+/g, ' ').trim();
  const about = involved ? `${involved.kind} ${involved.namespace ? `${involved.namespace}/` : ''}${involved.name}` : 'event';
  const level = type === 'Warning' ? 'warning' : 'info';
  const related = { ...neighboursOf(event), ...(involved?.namespace ? { namespace: involved.namespace } : {}) };
  const lastText = typeof last === 'string' && last !== first ? parseRfc3339(last)?.time : undefined;
  const base = { level, related, ...(involved ? { object: involved } : {}) } as const;
  const entries: PendingEntry[] = [];
  const firstEntry = objectEntry(event, path, firstPointer, first, {
    ...base,
    kind: 'event',
    text: `${type} ${reason} ${about}: ${message}${count > 1 ? ` (×${count}${lastText ? `, last ${lastText}` : ''})` : ''}`,
    count,
    ...(lastText ? { until: lastText } : {}),
  });
  if (firstEntry) entries.push(firstEntry);
  if (count > 1 && lastText && lastPointer) {
    const lastEntry = objectEntry(event, path, lastPointer, last, { ...base, kind: 'event-last', text: `${type} ${reason} ${about}: last of ${count}: ${message}`, count });
    if (lastEntry) entries.push(lastEntry);
  }
  return entries;
}

function involvedObject(event: KubeObject): ObjectRef | undefined {
  const involved = (event.involvedObject ?? event.regarding) as Record<string, unknown> | undefined;
  const kind = text(involved?.kind);
  const name = text(involved?.name);
  if (!kind || !name) return undefined;
  const ref: ObjectRef = { apiVersion: text(involved?.apiVersion) ?? '', kind, name };
  const namespace = text(involved?.namespace);
  if (namespace) ref.namespace = namespace;
  return ref;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function pointerPath(pointer: string): string[] {
  return pointer.slice(1).split('/');
}
