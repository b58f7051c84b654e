import type { Bundle, KubeObject } from '@bundle-triage/core';
import type { ClusterIdentity } from '../store/records.js';

const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which cluster a bundle came from, from what the bundle itself records:
 *
 * 1. the UID of the `harvester-system` namespace — the support-bundle kit's own key for the
 *    cluster: `projectnamespaceuuid` in `metadata.yaml`, the same UID in the bundle folder name
 *    (`supportbundle_<uid>_<time>`, what `bundle-triage diff` compares) and in
 *    `yamls/cluster/v1/namespaces.yaml`, read from whichever of the three the bundle has;
 * 2. else the UID of `kube-system` (namespaces.yaml), the usual cluster id of Kubernetes.
 *
 * Both namespaces live as long as the cluster. harvester-system comes first because every
 * Harvester bundle records it three times, and because the fixture generator gives all its
 * clusters one kube-system UID. Ids of the two sources never match each other: the source is
 * kept with the id, and the evidence says where it was read.
 */
export async function clusterIdentity(bundle: Bundle): Promise<ClusterIdentity> {
  const harvesterSystem = await namespace(bundle, 'harvester-system');
  const facts = await bundle.facts().catch(() => undefined);
  const fromMetadata = facts?.projectNamespaceUid;
  if (fromMetadata && UID.test(fromMetadata)) {
    const also = harvesterSystem?.uid === fromMetadata.toLowerCase() ? `; also ${harvesterSystem.where}` : '';
    return { id: fromMetadata.toLowerCase(), source: 'harvester-system-namespace', evidence: `metadata.yaml projectnamespaceuuid (harvester-system namespace uid${also})` };
  }
  if (harvesterSystem) return { id: harvesterSystem.uid, source: 'harvester-system-namespace', evidence: `${harvesterSystem.where} (harvester-system namespace uid; metadata.yaml has none)` };
  const fromName = /^supportbundle_([0-9a-f-]{36})_/i.exec(bundle.root)?.[1];
  if (fromName && UID.test(fromName)) {
    return { id: fromName.toLowerCase(), source: 'harvester-system-namespace', evidence: `bundle folder name ${bundle.root} (harvester-system namespace uid; no metadata.yaml uid, no harvester-system in namespaces.yaml)` };
  }
  const kubeSystem = await namespace(bundle, 'kube-system');
  if (kubeSystem) return { id: kubeSystem.uid, source: 'kube-system-namespace', evidence: `${kubeSystem.where} (kube-system namespace uid; the bundle records no harvester-system uid)` };
  return {
    id: null,
    source: null,
    evidence: 'the bundle records no cluster id: no projectnamespaceuuid in metadata.yaml, no uid in the folder name, no harvester-system or kube-system namespace in yamls/cluster/v1/namespaces.yaml',
  };
}

/** A namespace's UID and where it is written (`path:line`), when the bundle has it. */
async function namespace(bundle: Bundle, name: string): Promise<{ uid: string; where: string } | undefined> {
  const object: KubeObject | undefined = await bundle.resource({ group: '', resource: 'namespaces', namespace: null, name }).catch(() => undefined);
  const uid = object?.metadata.uid;
  if (!object || typeof uid !== 'string' || !UID.test(uid)) return undefined;
  const origin = bundle.origin(object);
  const line = await bundle.locate(object, '/metadata/uid').catch(() => undefined);
  return { uid: uid.toLowerCase(), where: origin ? `${origin.path}:${line ?? origin.line}` : 'yamls/cluster/v1/namespaces.yaml' };
}
