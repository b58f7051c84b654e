import type { ObjectRef } from '../resources/kube-object.js';
import type { TimelineEntry } from './timeline-types.js';

/** An object named on a command line: kind (any case), namespace (absent for cluster-scoped), name. */
export interface ObjectSelector {
  kind: string;
  namespace?: string;
  name: string;
}

export interface TimelineFilter {
  /** Entries at or after (ms since the epoch). */
  since?: number;
  /** Entries at or before. */
  until?: number;
  /** Entries about an object of this namespace, or next to one. */
  namespace?: string;
  /** Entries about one of these objects, or about what they own (a Deployment's ReplicaSet, a Job's Pod). */
  objects?: readonly ObjectSelector[];
}

export function matchesFilter(entry: TimelineEntry, filter: TimelineFilter): boolean {
  if (filter.since !== undefined && entry.at < filter.since) return false;
  if (filter.until !== undefined && entry.at > filter.until) return false;
  if (filter.namespace !== undefined && entry.object?.namespace !== filter.namespace && entry.related.namespace !== filter.namespace) return false;
  if (filter.objects && filter.objects.length > 0) {
    const about = filter.objects.some((selector) => refMatches(entry.object, selector) || refMatches(entry.related.owner, selector));
    if (!about) return false;
  }
  return true;
}

export function refMatches(ref: ObjectRef | undefined, selector: ObjectSelector): boolean {
  if (!ref) return false;
  if (ref.kind.toLowerCase() !== selector.kind.toLowerCase() || ref.name !== selector.name) return false;
  return (ref.namespace ?? '') === (selector.namespace ?? '');
}

/** `Pod/harvester-system/harvester-abc`, `Node/node1`, `node/node1` → a selector; undefined when malformed. */
export function parseObjectSelector(text: string): ObjectSelector | undefined {
  const parts = text.split('/');
  if (parts.some((part) => part === '') && !(parts.length === 3 && parts[1] === '')) return undefined;
  if (parts.length === 2) return { kind: parts[0]!, name: parts[1]! };
  if (parts.length === 3) return parts[1] === '' ? { kind: parts[0]!, name: parts[2]! } : { kind: parts[0]!, namespace: parts[1]!, name: parts[2]! };
  return undefined;
}
