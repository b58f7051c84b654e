import { apiGroupOf, type Bundle, type KubeObject } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import type { ObjectRelation } from '../rule/rule-types.js';
import { refKey } from './fingerprint.js';
import { nodeOf, nodeOfPath } from '../rule/object-node.js';
import { itemsNaming } from './items-naming.js';

/** A finding with the bundle objects it is about (its forEach object and the objects its evidence cites). */
export interface FindingObjects {
  objects: readonly KubeObject[];
  evidence: readonly Evidence[];
  /** Records that are not bundle objects (a node's filesystem: `n1 /usr/local`), compared like objects. */
  records?: readonly string[];
}

/**
 * Whether two findings are related as `relation` says, from the side of the rule that declared
 * it (`from`: the specific rule for `refines`, the cause for `explains`) to the other (`to`).
 * Only what the bundle records counts: names, namespaces, ownerReferences, node and volume fields.
 */
export async function related(from: FindingObjects, to: FindingObjects, relation: ObjectRelation, bundle: Bundle): Promise<boolean> {
  if (relation === 'bundle') return true;
  if (relation === 'same-object') {
    // A finding about no object (a log line, a node file) is related to any finding of the other rule.
    const toRecords = new Set(to.records ?? []);
    if (to.objects.length === 0 && toRecords.size === 0) return true;
    const keys = new Set(to.objects.map(objectKey));
    // A record (a node's filesystem) is an object too: the same filesystem on the same node.
    return from.objects.some((object) => keys.has(objectKey(object))) || (from.records ?? []).some((record) => toRecords.has(record));
  }
  if (relation === 'node') {
    const nodes = nodesAbout(from);
    return nodes.size > 0 && to.objects.some((object) => nodes.has(nodeOf(object) ?? ''));
  }
  if (relation === 'owner') {
    for (const child of to.objects) if (await ownedBy(child, from.objects, bundle)) return true;
    for (const child of from.objects) if (await ownedBy(child, to.objects, bundle)) return true;
    return false;
  }
  if (relation === 'volume') {
    const volumes = await volumesAbout(from.objects, bundle);
    if (volumes.size === 0) return false;
    for (const key of await volumesAbout(to.objects, bundle)) if (volumes.has(key)) return true;
    return false;
  }
  if ('references' in relation) return from.objects.some((object) => to.objects.some((other) => names(object, relation.references, other)));
  return to.objects.some((object) => from.objects.some((other) => names(object, relation.referencedBy, other)));
}

export function objectKey(object: KubeObject): string {
  return refKey({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) });
}

/** The nodes a finding is about: Node objects it names and nodes whose node-bundle files it cites. */
function nodesAbout(finding: FindingObjects): Set<string> {
  const nodes = new Set<string>();
  for (const object of finding.objects) if (object.kind === 'Node' && object.apiVersion === 'v1') nodes.add(object.metadata.name);
  for (const item of finding.evidence) {
    const node = nodeOfPath(item.path);
    if (node) nodes.add(node);
  }
  return nodes;
}


/** Whether one of `owners` is in the owner chain of `child` (ownerReferences, followed through the bundle). */
async function ownedBy(child: KubeObject, owners: readonly KubeObject[], bundle: Bundle): Promise<boolean> {
  if (owners.length === 0) return false;
  const wanted = new Set(owners.flatMap((owner) => [objectKey(owner), ...(owner.metadata.uid ? [`uid:${String(owner.metadata.uid)}`] : [])]));
  let generation: KubeObject[] = [child];
  const seen = new Set<string>();
  for (let depth = 0; depth < 8 && generation.length > 0; depth += 1) {
    const next: KubeObject[] = [];
    for (const object of generation) {
      for (const reference of ownerReferences(object)) {
        const key = refKey({ apiVersion: reference.apiVersion, kind: reference.kind, name: reference.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) });
        if (wanted.has(key) || (reference.uid && wanted.has(`uid:${reference.uid}`))) return true;
        if (seen.has(key)) continue;
        seen.add(key);
        const [owner] = await bundle.resources({
          group: apiGroupOf(reference.apiVersion),
          kind: reference.kind,
          namespace: object.metadata.namespace ?? null,
          name: reference.name,
          ...itemsNaming([reference.name]),
        });
        if (owner) next.push(owner);
      }
    }
    generation = next;
  }
  return false;
}

function ownerReferences(object: KubeObject): { apiVersion: string; kind: string; name: string; uid?: string }[] {
  const references = (object.metadata as { ownerReferences?: unknown }).ownerReferences;
  if (!Array.isArray(references)) return [];
  return references.filter(
    (reference): reference is { apiVersion: string; kind: string; name: string; uid?: string } =>
      reference !== null && typeof reference === 'object' && typeof reference.apiVersion === 'string' && typeof reference.kind === 'string' && typeof reference.name === 'string',
  );
}

/**
 * The volumes objects are about, as `claim:<namespace>/<name>` and `volume:<PV name>` keys. Longhorn
 * names its volume after the PV, so the keys join the storage layers: a PVC (its claim and
 * `spec.volumeName`), a PV (its name and `spec.claimRef`), a VolumeAttachment
 * (`spec.source.persistentVolumeName`), a CDI DataVolume (its PVC has its name), a Longhorn Volume
 * (its name and `status.kubernetesStatus`), Engine or Replica (`spec.volumeName`), and the claims a
 * Pod, VirtualMachine or VirtualMachineInstance mounts. A claim's volume is read from the PVC in the
 * bundle, so a VM and the Longhorn volume behind its disk share a key.
 */
async function volumesAbout(objects: readonly KubeObject[], bundle: Bundle): Promise<Set<string>> {
  const keys = new Set<string>();
  const claims = new Set<string>();
  const claim = (namespace: unknown, name: unknown) => {
    if (typeof namespace === 'string' && namespace !== '' && typeof name === 'string' && name !== '') claims.add(`${namespace}/${name}`);
  };
  const volume = (name: unknown) => {
    if (typeof name === 'string' && name !== '') keys.add(`volume:${name}`);
  };
  for (const object of objects) {
    const group = apiGroupOf(object.apiVersion);
    const namespace = object.metadata.namespace;
    const kind = `${group}/${object.kind}`;
    if (kind === '/PersistentVolumeClaim') {
      claim(namespace, object.metadata.name);
      volume(valuesAt(object, '/spec/volumeName')[0]);
    } else if (kind === '/PersistentVolume') {
      volume(object.metadata.name);
      claim(valuesAt(object, '/spec/claimRef/namespace')[0], valuesAt(object, '/spec/claimRef/name')[0]);
    } else if (kind === 'storage.k8s.io/VolumeAttachment') {
      volume(valuesAt(object, '/spec/source/persistentVolumeName')[0]);
    } else if (kind === 'cdi.kubevirt.io/DataVolume') {
      claim(namespace, object.metadata.name);
    } else if (kind === 'longhorn.io/Volume') {
      volume(object.metadata.name);
      claim(valuesAt(object, '/status/kubernetesStatus/namespace')[0], valuesAt(object, '/status/kubernetesStatus/pvcName')[0]);
    } else if (kind === 'longhorn.io/Engine' || kind === 'longhorn.io/Replica') {
      volume(valuesAt(object, '/spec/volumeName')[0]);
    } else {
      const volumes = kind === 'kubevirt.io/VirtualMachine' ? '/spec/template/spec/volumes/*' : kind === '/Pod' || kind === 'kubevirt.io/VirtualMachineInstance' ? '/spec/volumes/*' : undefined;
      if (!volumes) continue;
      for (const name of [...valuesAt(object, `${volumes}/persistentVolumeClaim/claimName`), ...valuesAt(object, `${volumes}/dataVolume/name`)]) claim(namespace, name);
    }
  }
  for (const key of claims) {
    keys.add(`claim:${key}`);
    const [namespace, name] = key.split('/') as [string, string];
    const [pvc] = await bundle.resources({ group: '', kind: 'PersistentVolumeClaim', namespace, name, ...itemsNaming([name]) });
    if (pvc) volume(valuesAt(pvc, '/spec/volumeName')[0]);
  }
  return keys;
}

/** Whether a field of `object` (JSON pointer, `*` for every element) names `target` (same namespace, or a cluster-scoped target). */
function names(object: KubeObject, pointer: string, target: KubeObject): boolean {
  if (target.metadata.namespace && target.metadata.namespace !== object.metadata.namespace) return false;
  return valuesAt(object, pointer).some((value) => value === target.metadata.name);
}

function valuesAt(root: unknown, pointer: string): unknown[] {
  let current: unknown[] = [root];
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = current.flatMap((value) => {
      if (value === null || typeof value !== 'object') return [];
      if (segment === '*') return Array.isArray(value) ? value : Object.values(value);
      const child = (value as Record<string, unknown>)[segment];
      return child === undefined ? [] : [child];
    });
  }
  return current;
}
