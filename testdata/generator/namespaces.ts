/**
 * Namespaces: the ones Harvester collects (DefaultNamespaces, bundle-format.md §1.5) and a few
 * that exist but are not collected, so rules can tell "not collected" from "empty".
 */
import type { ClusterContext } from './cluster-context.js';

/** Harvester's `DefaultNamespaces()` (v1.4+: with cattle-provisioning-capi-system). */
export const HARVESTER_DEFAULT_NAMESPACES = [
  'cattle-dashboards',
  'cattle-fleet-local-system',
  'cattle-fleet-system',
  'cattle-fleet-clusters-system',
  'cattle-monitoring-system',
  'fleet-local',
  'harvester-system',
  'local',
  'longhorn-system',
  'cattle-logging-system',
  'cattle-provisioning-capi-system',
];

/** Namespaces present in the cluster that the kit does not collect by default. */
export const UNCOLLECTED_NAMESPACES = [
  'cattle-global-data',
  'cattle-impersonation-system',
  'cluster-fleet-local-local-1a3d67d0a899',
  'fleet-default',
  'harvester-public',
  'kube-node-lease',
  'kube-public',
  'production-vms',
];

const KUBE_ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export function addNamespaces(context: ClusterContext): void {
  const { builder } = context;
  const caCert = Buffer.from(context.random.pemBase64(), 'base64').toString();
  builder.collectNamespace(...HARVESTER_DEFAULT_NAMESPACES);
  const all = [...builder.collectedNamespaces, ...UNCOLLECTED_NAMESPACES];
  all.forEach((name, index) => {
    const created = context.at(index < 3 ? 0 : 2 + index);
    builder.addObject({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        ...(name === 'harvester-system' ? { uid: namespaceUidOf(context) } : {}),
        creationTimestamp: created,
        labels: { 'kubernetes.io/metadata.name': name },
        name,
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    // Every namespace has these two, so a collected namespace is never absent from yamls/.
    builder.addObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { annotations: { 'kubernetes.io/description': KUBE_ROOT_CA_DESCRIPTION }, creationTimestamp: created, name: 'kube-root-ca.crt', namespace: name },
      data: { 'ca.crt': caCert },
    });
    builder.addObject({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { creationTimestamp: created, name: 'default', namespace: name },
    });
  });
}

/** The kit names the bundle after the UID of harvester-system; the Namespace object must agree. */
function namespaceUidOf(context: ClusterContext): string {
  return context.builder.topFolderName.split('_')[1]!;
}
