import type { Bundle } from '@bundle-triage/core';
import type { ClusterIdentity } from '../store/records.js';

const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which cluster a bundle came from, from what the bundle itself records, best source first:
 *
 * 1. the UID of the `kube-system` Namespace (`yamls/cluster/v1/namespaces.yaml`): made when the
 *    cluster was installed and never recreated, the usual cluster id in Kubernetes;
 * 2. `projectnamespaceuuid` of `metadata.yaml`, the UID of `harvester-system` (the kit's own
 *    namespace; recreated only by a reinstall of Harvester);
 * 3. the same UID in the bundle folder name `supportbundle_<uid>_<time>`.
 *
 * Ids from different sources never match each other, so the source is kept with the id.
 */
export async function clusterIdentity(bundle: Bundle): Promise<ClusterIdentity> {
  const kubeSystem = await bundle.resource({ group: '', resource: 'namespaces', namespace: null, name: 'kube-system' }).catch(() => undefined);
  const uid = kubeSystem?.metadata.uid;
  if (typeof uid === 'string' && UID.test(uid)) {
    const origin = bundle.origin(kubeSystem!);
    const line = await bundle.locate(kubeSystem!, '/metadata/uid').catch(() => undefined);
    const where = origin ? `${origin.path}:${line ?? origin.line}` : 'yamls/cluster/v1/namespaces.yaml';
    return { id: uid.toLowerCase(), source: 'kube-system-namespace', evidence: `${where} (kube-system namespace uid)` };
  }
  const facts = await bundle.facts().catch(() => undefined);
  if (facts?.projectNamespaceUid && UID.test(facts.projectNamespaceUid)) {
    return { id: facts.projectNamespaceUid.toLowerCase(), source: 'harvester-system-namespace', evidence: 'metadata.yaml projectnamespaceuuid (harvester-system namespace uid; no kube-system namespace in the bundle)' };
  }
  const fromName = /^supportbundle_([0-9a-f-]{36})_/i.exec(bundle.root)?.[1];
  if (fromName && UID.test(fromName)) {
    return { id: fromName.toLowerCase(), source: 'bundle-folder-name', evidence: `bundle folder name ${bundle.root} (no kube-system namespace, no projectnamespaceuuid)` };
  }
  return {
    id: null,
    source: null,
    evidence: 'the bundle records no cluster id: no kube-system namespace in yamls/cluster/v1/namespaces.yaml, no projectnamespaceuuid in metadata.yaml, no uid in the folder name',
  };
}
