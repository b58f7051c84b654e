/**
 * Warning events grouped by (reason, involved object), as a support engineer reads them in
 * `kubectl describe`: how many, first and last time, the latest message. Both event lists the kit
 * writes are read — `v1/events.yaml` and `events.k8s.io/v1/events.yaml` hold the same events (one
 * store, two APIs), so an event of both is counted once, by uid — and each group keeps its latest
 * event as the bundle holds it, so evidence cites the event's own line.
 */
import { apiGroupOf, toCoreEvent, type KubeObject } from '@bundle-triage/core';
import { fieldOf, isRecord, textOf } from '../rule/object-fields.js';

/** The object a group of events is about (involvedObject / regarding). */
export interface InvolvedObject {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface WarningEventGroup {
  reason: string;
  type: string;
  involved: InvolvedObject;
  /** Occurrences summed over the group's events (an event's count, or its series count). */
  count: number;
  /** Earliest and latest occurrence (RFC 3339 as recorded), undefined when no event of the group has one. */
  firstTimestamp?: string;
  lastTimestamp?: string;
  /** The latest event as the bundle holds it (core/v1 or events.k8s.io/v1): what evidence cites. */
  latest: KubeObject;
  /** The latest event's message and reporting component. */
  message: string;
  source?: string;
  /** Every event of the group, as the bundle holds them. */
  events: KubeObject[];
}

/** Groups the Warning events of both lists, newest group first (ties: reason, then object). */
export function warningEventGroups(coreEvents: readonly KubeObject[], newEvents: readonly KubeObject[] = []): WarningEventGroup[] {
  const seen = new Set<string>();
  const events: { stored: KubeObject; event: KubeObject }[] = [];
  for (const stored of coreEvents) {
    if (typeof stored.metadata.uid === 'string') seen.add(stored.metadata.uid);
    events.push({ stored, event: stored });
  }
  for (const stored of newEvents) {
    if (typeof stored.metadata.uid === 'string' && seen.has(stored.metadata.uid)) continue;
    events.push({ stored, event: toCoreEvent(stored) });
  }

  const groups = new Map<string, WarningEventGroup & { lastMs: number; firstMs: number }>();
  for (const { stored, event } of events) {
    if (textOf(event, 'type') !== 'Warning') continue;
    const involved = involvedObject(event);
    if (!involved) continue;
    const reason = textOf(event, 'reason') ?? '';
    const key = [reason, involved.kind, involved.namespace ?? '', involved.name, involved.uid ?? ''].join('|');
    const { first, last } = occurrence(event);
    const firstMs = first === undefined ? Number.POSITIVE_INFINITY : Date.parse(first);
    const lastMs = last === undefined ? Number.NEGATIVE_INFINITY : Date.parse(last);
    const count = occurrences(event);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        reason,
        type: 'Warning',
        involved,
        count,
        ...(first === undefined ? {} : { firstTimestamp: first }),
        ...(last === undefined ? {} : { lastTimestamp: last }),
        latest: stored,
        ...described(event),
        events: [stored],
        firstMs,
        lastMs,
      });
      continue;
    }
    group.count += count;
    group.events.push(stored);
    if (firstMs < group.firstMs && first !== undefined) Object.assign(group, { firstMs, firstTimestamp: first });
    if (lastMs > group.lastMs && last !== undefined) {
      delete group.source;
      Object.assign(group, { lastMs, lastTimestamp: last, latest: stored, ...described(event) });
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.lastMs - a.lastMs || compareText(a.reason, b.reason) || compareText(involvedKey(a.involved), involvedKey(b.involved)))
    .map(({ firstMs: _first, lastMs: _last, ...group }) => group);
}

/** Whether a group of events is about this object: same kind, namespace and name, same API group and uid where both record one. */
export function eventsAreAbout(involved: InvolvedObject, object: KubeObject): boolean {
  if (involved.kind !== object.kind || involved.name !== object.metadata.name) return false;
  if ((involved.namespace ?? '') !== (object.metadata.namespace ?? '')) return false;
  if (involved.apiVersion && apiGroupOf(involved.apiVersion) !== apiGroupOf(object.apiVersion)) return false;
  const uid = object.metadata.uid;
  // The kubelet refers to its Node with the node's name as uid: not a uid to compare.
  if (involved.uid === undefined || involved.uid === involved.name) return true;
  return typeof uid !== 'string' || uid === '' || involved.uid === uid;
}

/** `Pod|harvester-system|name`: the key `eventsAreAbout` narrows first. */
export function involvedKey(object: { kind: string; namespace?: string; name: string }): string {
  return `${object.kind}|${object.namespace ?? ''}|${object.name}`;
}

/** How long ago, in ms before `createdAt`, the group was last seen (undefined without a time). */
export function lastSeenBefore(group: WarningEventGroup, createdAt: number): number | undefined {
  return group.lastTimestamp === undefined ? undefined : createdAt - Date.parse(group.lastTimestamp);
}

function involvedObject(event: KubeObject): InvolvedObject | undefined {
  const involved = fieldOf(event, 'involvedObject');
  if (!isRecord(involved)) return undefined;
  const kind = textOf(involved, 'kind');
  const name = textOf(involved, 'name');
  if (!kind || !name) return undefined;
  const object: InvolvedObject = { kind, name };
  const apiVersion = textOf(involved, 'apiVersion');
  const namespace = textOf(involved, 'namespace');
  const uid = textOf(involved, 'uid');
  if (apiVersion) object.apiVersion = apiVersion;
  if (namespace) object.namespace = namespace;
  if (uid) object.uid = uid;
  return object;
}

/** First and last occurrence: the deprecated timestamps, else the series' last observation, else eventTime. */
function occurrence(event: KubeObject): { first?: string; last?: string } {
  const eventTime = timestamp(fieldOf(event, 'eventTime'));
  const first = timestamp(fieldOf(event, 'firstTimestamp')) ?? eventTime;
  const last = timestamp(fieldOf(event, 'series.lastObservedTime')) ?? timestamp(fieldOf(event, 'lastTimestamp')) ?? eventTime ?? first;
  return { ...(first === undefined ? {} : { first }), ...(last === undefined ? {} : { last }) };
}

function occurrences(event: KubeObject): number {
  const series = Number(fieldOf(event, 'series.count'));
  if (Number.isInteger(series) && series > 0) return series;
  const count = Number(fieldOf(event, 'count'));
  return Number.isInteger(count) && count > 0 ? count : 1;
}

function described(event: KubeObject): { message: string; source?: string } {
  const source = textOf(event, 'source.component') || textOf(event, 'reportingComponent');
  return { message: (textOf(event, 'message') ?? '').trim(), ...(source ? { source } : {}) };
}

function timestamp(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
