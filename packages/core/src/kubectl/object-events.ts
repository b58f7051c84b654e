import type { Bundle } from '../bundle.js';
import type { KubeObject, ObjectOrigin } from '../resources/kube-object.js';
import { readBundleEvents } from './bundle-events.js';
import { ageAt, parseTimestamp } from './human-duration.js';

/** An event about an object, as `kubectl describe` lists it. */
export interface DescribedEvent {
  type: string;
  reason: string;
  /** kubectl's AGE cell: `5m`, or `2m (x12 over 1h)` for repeated events. */
  age: string;
  /** The reporting component (`source.component`, else `reportingComponent`). */
  from: string;
  message: string;
  count: number;
  firstTimestamp: string | undefined;
  lastTimestamp: string | undefined;
  event: KubeObject;
  origin: ObjectOrigin | undefined;
}

/**
 * The events whose `involvedObject` (`regarding` in events.k8s.io) is this object, oldest
 * first by last timestamp, as kubectl describe finds them: same kind, name and namespace, and
 * the same uid when both carry one (for a Node, also its name as the uid, as the kubelet writes it). `now` is the bundle's creation time.
 */
export async function eventsAbout(bundle: Bundle, object: KubeObject, now: number | undefined): Promise<DescribedEvent[]> {
  const namespace = object.metadata.namespace;
  const uid = object.metadata.uid;
  const events = await readBundleEvents(bundle, namespace ? namespace : undefined);
  const about = events.filter(({ object: event }) => {
    const involved = (event.involvedObject ?? {}) as Record<string, unknown>;
    if (involved.kind !== object.kind || involved.name !== object.metadata.name) return false;
    if (String(involved.namespace ?? '') !== String(namespace ?? '')) return false;
    if (typeof involved.uid !== 'string' || involved.uid === '' || uid === undefined || involved.uid === uid) return true;
    // The kubelet reports a node's events with the node's name as its uid; kubectl describe node
    // searches both ways and merges them.
    return object.kind === 'Node' && involved.uid === object.metadata.name;
  });
  const lastOf = ({ object: event }: { object: KubeObject }) => parseTimestamp(event.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  return about
    .sort((a, b) => lastOf(a) - lastOf(b))
    .map(({ object: event, origin }) => {
      const eventTime = parseTimestamp(event.eventTime);
      const first = eventTime !== undefined ? ageAt(event.eventTime, now) : ageAt(event.firstTimestamp, now);
      const series = event.series as Record<string, unknown> | undefined;
      const count = Number(event.count ?? 0);
      let age = first;
      if (series && typeof series === 'object') age = `${ageAt(series.lastObservedTime, now)} (x${Number(series.count ?? 0)} over ${first})`;
      else if (count > 1) age = `${ageAt(event.lastTimestamp, now)} (x${count} over ${first})`;
      const source = (event.source ?? {}) as Record<string, unknown>;
      const message = String(event.message ?? '').trim();
      return {
        type: String(event.type ?? ''),
        reason: String(event.reason ?? ''),
        age,
        from: String(source.component ?? '') || String(event.reportingComponent ?? ''),
        // The message alone, as kubectl prints it (the field path, `spec.containers{x}`, is not shown).
        message,
        count: series ? Number(series.count ?? 0) : count || 1,
        firstTimestamp: typeof event.firstTimestamp === 'string' ? event.firstTimestamp : undefined,
        lastTimestamp: typeof event.lastTimestamp === 'string' ? event.lastTimestamp : undefined,
        event,
        origin,
      };
    });
}
