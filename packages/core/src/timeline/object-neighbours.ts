import type { KubeObject, ObjectRef } from '../resources/kube-object.js';
import { field, text } from '../resources/object-fields.js';
import type { TimelineNeighbours } from './timeline-types.js';

/**
 * What an object is close to: its namespace, its controlling owner, and the node it runs on or
 * is about (a Pod's `spec.nodeName`, a VMI's `status.nodeName`, a Longhorn replica's
 * `spec.nodeID`, an event's reporting host, a Node itself).
 */
export function neighboursOf(object: KubeObject): TimelineNeighbours {
  const neighbours: TimelineNeighbours = {};
  const namespace = text(object.metadata?.namespace);
  if (namespace) neighbours.namespace = namespace;
  const owner = ownerOf(object);
  if (owner) neighbours.owner = owner;
  const node = nodeOf(object);
  if (node) neighbours.node = node;
  return neighbours;
}

function ownerOf(object: KubeObject): ObjectRef | undefined {
  const owners = object.metadata?.ownerReferences;
  if (!Array.isArray(owners) || owners.length === 0) return undefined;
  const owner = (owners.find((candidate) => field(candidate, 'controller') === true) ?? owners[0]) as Record<string, unknown>;
  const name = text(owner.name);
  const kind = text(owner.kind);
  if (!name || !kind) return undefined;
  const ref: ObjectRef = { apiVersion: text(owner.apiVersion) ?? '', kind, name };
  const namespace = text(object.metadata?.namespace);
  if (namespace) ref.namespace = namespace;
  return ref;
}

function nodeOf(object: KubeObject): string | undefined {
  switch (object.kind) {
    case 'Node':
      return text(object.metadata?.name);
    case 'Pod':
      return text(field(object, 'spec', 'nodeName'));
    case 'VirtualMachineInstance':
      return text(field(object, 'status', 'nodeName'));
    case 'Event':
      return text(field(object, 'source', 'host')) ?? text(field(object, 'deprecatedSource', 'host'));
    default:
      // Longhorn replicas, engines and instance managers name their node in spec.nodeID.
      return text(field(object, 'spec', 'nodeID')) ?? text(field(object, 'spec', 'nodeName'));
  }
}
