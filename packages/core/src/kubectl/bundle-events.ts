import type { Bundle } from '../bundle.js';
import type { KubeObject, ObjectOrigin } from '../resources/kube-object.js';

/**
 * Events as core/v1 shapes them, from both lists the kit writes: `v1/events.yaml` and
 * `events.k8s.io/v1/events.yaml` hold the same events (one store, two APIs), so they are
 * merged by uid; an events.k8s.io-only event is converted (`regarding` → `involvedObject`,
 * `note` → `message`, `deprecated*` → count and timestamps) as the API server converts it.
 */
export interface BundleEvent {
  /** The event in core/v1 shape. */
  object: KubeObject;
  /** Where it is in the bundle (the list item), for evidence. */
  origin: ObjectOrigin | undefined;
}

export async function readBundleEvents(bundle: Bundle, namespace?: string | null): Promise<BundleEvent[]> {
  const scope = namespace === undefined ? {} : { namespace };
  const core = await bundle.resources({ group: '', resource: 'events', ...scope });
  const seen = new Set<string>();
  const events: BundleEvent[] = [];
  for (const event of core) {
    if (typeof event.metadata.uid === 'string') seen.add(event.metadata.uid);
    events.push({ object: event, origin: bundle.origin(event) });
  }
  for (const event of await bundle.resources({ group: 'events.k8s.io', resource: 'events', ...scope })) {
    if (typeof event.metadata.uid === 'string' && seen.has(event.metadata.uid)) continue;
    events.push({ object: toCoreEvent(event), origin: bundle.origin(event) });
  }
  return events;
}

/** An events.k8s.io/v1 Event in core/v1 shape (fields the printers and describe read). */
export function toCoreEvent(event: KubeObject): KubeObject {
  if (event.apiVersion === 'v1') return event;
  const { regarding, note, deprecatedCount, deprecatedFirstTimestamp, deprecatedLastTimestamp, deprecatedSource, reportingController, ...rest } = event;
  const converted: KubeObject = { ...rest, apiVersion: 'v1', kind: 'Event', metadata: event.metadata };
  if (regarding !== undefined) converted.involvedObject = regarding;
  if (note !== undefined) converted.message = note;
  if (deprecatedCount !== undefined) converted.count = deprecatedCount;
  if (deprecatedFirstTimestamp !== undefined) converted.firstTimestamp = deprecatedFirstTimestamp;
  if (deprecatedLastTimestamp !== undefined) converted.lastTimestamp = deprecatedLastTimestamp;
  if (deprecatedSource !== undefined) converted.source = deprecatedSource;
  if (reportingController !== undefined) converted.reportingComponent = reportingController;
  return converted;
}
