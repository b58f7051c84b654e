/**
 * A user namespace deleted five hours before the bundle stays Terminating: `demo-apps` (collected
 * because the support-bundle-namespaces setting lists it) still holds a PersistentVolumeClaim
 * whose `kubernetes.io/pvc-protection` finalizer stays (kube-controller-manager keeps it while a
 * pod uses the claim). The namespace controller says so in its conditions. Without `conditions`, the
 * controller has reported nothing (kube-controller-manager down); with `recent`, the deletion was
 * requested 30 s before the bundle (a near miss).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export function namespaceTerminatingStuck(builder: BundleBuilder, options: { conditions?: boolean; recent?: boolean; name?: string } = {}): { namespace: string; claim?: KubeObject } {
  const name = options.name ?? 'demo-apps';
  const deleted = secondsBefore(builder, options.recent ? 30 : 5 * 3600);
  const checked = secondsBefore(builder, 2 * 60);
  const conditions = options.conditions === false
    ? []
    : [
        { lastTransitionTime: deleted, message: 'All resources successfully discovered', reason: 'ResourcesDiscovered', status: 'False', type: 'NamespaceDeletionDiscoveryFailure' },
        { lastTransitionTime: deleted, message: 'All legacy kube types successfully parsed', reason: 'ParsedGroupVersions', status: 'False', type: 'NamespaceDeletionGroupVersionParsingFailure' },
        { lastTransitionTime: deleted, message: 'All content successfully deleted, may be waiting on finalization', reason: 'ContentDeleted', status: 'False', type: 'NamespaceDeletionContentFailure' },
        { lastTransitionTime: checked, message: 'Some resources are remaining: persistentvolumeclaims. has 1 resource instances', reason: 'SomeResourcesRemain', status: 'True', type: 'NamespaceContentRemaining' },
        { lastTransitionTime: checked, message: 'Some content in the namespace has finalizers remaining: kubernetes.io/pvc-protection in 1 resource instances', reason: 'SomeFinalizersRemain', status: 'True', type: 'NamespaceFinalizersRemaining' },
      ];
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: secondsBefore(builder, 12 * 24 * 3600), deletionTimestamp: deleted, labels: { 'kubernetes.io/metadata.name': name }, name },
    spec: { finalizers: ['kubernetes'] },
    status: { conditions, phase: 'Terminating' },
  });
  if (options.conditions === false) return { namespace: name };
  builder.collectNamespace(name);
  builder.addObject({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'driver.longhorn.io' },
      creationTimestamp: secondsBefore(builder, 12 * 24 * 3600),
      deletionGracePeriodSeconds: 0,
      deletionTimestamp: deleted,
      finalizers: ['kubernetes.io/pvc-protection'],
      name: 'postgres-data',
      namespace: name,
    },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'harvester-longhorn', volumeMode: 'Filesystem', volumeName: 'pvc-5b0f3c1e-7f2d-4d4e-9b1c-3a6f1e2d9c40' },
    status: { accessModes: ['ReadWriteOnce'], capacity: { storage: '20Gi' }, phase: 'Bound' },
  });
  return { namespace: name, claim: builder.getObject('v1', 'PersistentVolumeClaim', name, 'postgres-data')! };
}
