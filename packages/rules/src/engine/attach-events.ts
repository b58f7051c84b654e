import type { Bundle, KubeObject } from '@bundle-triage/core';
import type { EventGroup, Finding } from '@bundle-triage/report';
import { eventsAreAbout, involvedKey, warningEventGroups, type WarningEventGroup } from '../events/warning-event-groups.js';
import { fieldEvidence } from './build-evidence.js';
import { itemsNaming } from './items-naming.js';

/** Groups shown under one finding at most (newest first); a crash loop's object rarely has more. */
const MAX_GROUPS = 10;

/**
 * Puts the Warning events about a finding's objects under the finding (`events`), so a crash loop
 * shows its BackOff and probe failures beside the proof instead of in a list apart. Only fail, warn
 * and info findings get them; the events are read only when such a finding is about an object,
 * only from the namespaces its objects are in, and only the events that name one of its objects
 * are decoded (an event list of a busy namespace holds thousands about other objects).
 */
export async function attachEvents(findings: readonly { finding: Finding; objects: readonly KubeObject[] }[], bundle: Bundle): Promise<void> {
  const wanting = findings.filter(({ finding, objects }) => finding.status !== 'pass' && objects.length > 0);
  if (wanting.length === 0) return;
  // Only the event lists of the namespaces the objects are in (a cluster-scoped object's events are in default).
  const namesByNamespace = new Map<string, Set<string>>();
  for (const { objects } of wanting) {
    for (const object of objects) {
      const namespace = object.metadata.namespace || 'default';
      namesByNamespace.set(namespace, (namesByNamespace.get(namespace) ?? new Set()).add(object.metadata.name));
    }
  }
  const core: KubeObject[] = [];
  const newer: KubeObject[] = [];
  for (const [namespace, names] of [...namesByNamespace].sort(([a], [b]) => a.localeCompare(b))) {
    // An event about an object names it (involvedObject.name, regarding.name): only those items are decoded.
    const read = (group: '' | 'events.k8s.io') => bundle.resources({ group, resource: 'events', namespace, ...itemsNaming(names) });
    // The kit writes every event to both lists: the core list is enough where the bundle has it.
    if (bundle.resourceFiles({ group: '', resource: 'events', namespace }).length > 0) core.push(...(await read('')));
    else newer.push(...(await read('events.k8s.io')));
  }
  const groups = warningEventGroups(core, newer);
  if (groups.length === 0) return;
  const byObject = new Map<string, WarningEventGroup[]>();
  for (const group of groups) byObject.set(involvedKey(group.involved), [...(byObject.get(involvedKey(group.involved)) ?? []), group]);

  const rendered = new Map<WarningEventGroup, EventGroup | undefined>();
  for (const { finding, objects } of wanting) {
    // The group and the object it was found about (whose apiVersion an event may leave out).
    const about = new Map<WarningEventGroup, KubeObject>();
    for (const object of objects) {
      const key = involvedKey({ kind: object.kind, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}), name: object.metadata.name });
      for (const group of byObject.get(key) ?? []) if (!about.has(group) && eventsAreAbout(group.involved, object)) about.set(group, object);
    }
    // `groups` is newest first; keep that order.
    const chosen = groups.filter((group) => about.has(group)).slice(0, MAX_GROUPS);
    const events: EventGroup[] = [];
    for (const group of chosen) {
      if (!rendered.has(group)) rendered.set(group, await eventGroup(bundle, group, about.get(group)!));
      const item = rendered.get(group);
      if (item) events.push(item);
    }
    if (events.length > 0) finding.events = events;
  }
}

/** A group as the report says it, cited at the latest event's reason (or its first line). */
async function eventGroup(bundle: Bundle, group: WarningEventGroup, object: KubeObject): Promise<EventGroup | undefined> {
  const cited = await fieldEvidence(bundle, group.latest, '/reason');
  if (!cited) return undefined;
  const { involved } = group;
  return {
    type: group.type,
    reason: group.reason,
    object: { apiVersion: involved.apiVersion ?? object.apiVersion, kind: involved.kind, ...(involved.namespace ? { namespace: involved.namespace } : {}), name: involved.name },
    count: group.count,
    firstTimestamp: group.firstTimestamp ?? null,
    lastTimestamp: group.lastTimestamp ?? null,
    message: group.message,
    ...(group.source ? { source: group.source } : {}),
    path: cited.path,
    line: cited.line,
  };
}
