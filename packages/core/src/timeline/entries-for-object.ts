import { apiGroupOf, type KubeObject } from '../resources/kube-object.js';
import type { TimePoint } from '../time/time-point.js';
import { conditionEntries } from './condition-entries.js';
import { containerEntries } from './container-entries.js';
import { eventEntries } from './event-entries.js';
import { jobEntries } from './job-entries.js';
import { lifecycleEntries } from './lifecycle-entries.js';
import type { PendingEntry } from './pending-entry.js';
import { upgradeEntries } from './upgrade-entries.js';

/** Every timeline entry one object of a bundle gives. */
export function entriesForObject(object: KubeObject, path: string, bundleCreatedAt: TimePoint | undefined): PendingEntry[] {
  if (object.kind === 'Event') return eventEntries(object, path);
  const entries = [...lifecycleEntries(object, path), ...conditionEntries(object, path)];
  if (object.kind === 'Job') entries.push(...jobEntries(object, path));
  if (object.kind === 'Pod') entries.push(...containerEntries(object, path));
  if (object.kind === 'Upgrade' && apiGroupOf(object.apiVersion) === 'harvesterhci.io') entries.push(...upgradeEntries(object, path, bundleCreatedAt));
  return entries;
}
