import type { KubeObject } from '../resources/kube-object.js';
import { objectEntry } from './dated-entry.js';
import { describeObject } from '../resources/object-fields.js';
import type { PendingEntry } from './pending-entry.js';

/** When an object was created, and when its deletion was asked for (it is still there: finalizers). */
export function lifecycleEntries(object: KubeObject, path: string): PendingEntry[] {
  const entries: PendingEntry[] = [];
  const created = objectEntry(object, path, '/metadata/creationTimestamp', object.metadata?.creationTimestamp, {
    kind: 'created',
    level: 'info',
    text: `${describeObject(object)} created`,
  });
  if (created) entries.push(created);
  const finalizers = Array.isArray(object.metadata?.finalizers) ? (object.metadata.finalizers as unknown[]).filter((item) => typeof item === 'string') : [];
  const deleting = objectEntry(object, path, '/metadata/deletionTimestamp', object.metadata?.deletionTimestamp, {
    kind: 'deleting',
    level: 'warning',
    text: `${describeObject(object)} deletion requested${finalizers.length > 0 ? `; still held by finalizers ${finalizers.join(', ')}` : ''}`,
  });
  if (deleting) entries.push(deleting);
  return entries;
}
