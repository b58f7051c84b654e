/**
 * A user namespace deleted five hours before the bundle stays Terminating: `demo-apps` (collected
 * because the support-bundle-namespaces setting lists it) still holds a PersistentVolumeClaim
 * whose `kubernetes.io/pvc-protection` finalizer stays, because kube-controller-manager keeps it
 * while a pod uses the claim — and the StatefulSet pod that mounts it is still terminating (its
 * kubelet never confirmed it gone: the volume does not unmount). The namespace controller names
 * both in its conditions. Without `conditions`, the
 * controller has reported nothing (kube-controller-manager down); with `recent`, the deletion was
 * requested 30 s before the bundle (a near miss).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export function namespaceTerminatingStuck(builder: BundleBuilder, options: { conditions?: boolean; recent?: boolean; name?: string } = {}): { namespace: string; claim?: KubeObject; pod?: KubeObject } {
  const name = options.name ?? 'demo-apps';
  const deleted = secondsBefore(builder, options.recent ? 30 : 5 * 3600);
  const checked = secondsBefore(builder, 2 * 60);
  const conditions = options.conditions === false
    ? []
    : [
        { lastTransitionTime: deleted, message: 'All resources successfully discovered', reason: 'ResourcesDiscovered', status: 'False', type: 'NamespaceDeletionDiscoveryFailure' },
        { lastTransitionTime: deleted, message: 'All legacy kube types successfully parsed', reason: 'ParsedGroupVersions', status: 'False', type: 'NamespaceDeletionGroupVersionParsingFailure' },
        { lastTransitionTime: deleted, message: 'All content successfully deleted, may be waiting on finalization', reason: 'ContentDeleted', status: 'False', type: 'NamespaceDeletionContentFailure' },
        { lastTransitionTime: checked, message: 'Some resources are remaining: persistentvolumeclaims. has 1 resource instances, pods. has 1 resource instances', reason: 'SomeResourcesRemain', status: 'True', type: 'NamespaceContentRemaining' },
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
  // The namespace controller deleted the StatefulSet and asked its pod to stop with the default
  // 30 s grace period; the containers stopped, the pod object stays until the kubelet has torn its
  // volumes down.
  const nodeObject = builder.listObjects('v1', 'Node')[0]!;
  const node = nodeObject.metadata.name;
  const hostIP = (nodeObject.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses?.find((address) => address.type === 'InternalIP')?.address;
  const stopped = secondsBefore(builder, (options.recent ? 30 : 5 * 3600) - 3);
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: secondsBefore(builder, 12 * 24 * 3600),
      deletionGracePeriodSeconds: 30,
      deletionTimestamp: secondsBefore(builder, (options.recent ? 30 : 5 * 3600) - 30),
      generateName: 'postgres-',
      labels: { app: 'postgres', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': 'postgres-6d8f9c7b5d', 'statefulset.kubernetes.io/pod-name': 'postgres-0' },
      name: 'postgres-0',
      namespace: name,
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'StatefulSet', name: 'postgres', uid: '8c2d4f6a-1b3e-4c5d-9e7f-0a1b2c3d4e5f' }],
    },
    spec: {
      containers: [{ image: 'docker.io/library/postgres:16.4', imagePullPolicy: 'IfNotPresent', name: 'postgres', ports: [{ containerPort: 5432, name: 'postgres', protocol: 'TCP' }], volumeMounts: [{ mountPath: '/var/lib/postgresql/data', name: 'data' }] }],
      hostname: 'postgres-0',
      nodeName: node,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      subdomain: 'postgres',
      terminationGracePeriodSeconds: 30,
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'postgres-data' } }],
    },
    status: {
      conditions: [
        { lastTransitionTime: secondsBefore(builder, 12 * 24 * 3600), status: 'True', type: 'PodScheduled' },
        { lastTransitionTime: stopped, status: 'False', type: 'Ready' },
        { lastTransitionTime: stopped, status: 'False', type: 'ContainersReady' },
      ],
      containerStatuses: [{
        containerID: 'containerd://4f1c9e2b7a3d5e8f0a6b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f',
        image: 'docker.io/library/postgres:16.4',
        imageID: 'docker.io/library/postgres@sha256:3a5c8e1f0b2d4c6e8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f',
        lastState: {},
        name: 'postgres',
        ready: false,
        restartCount: 0,
        started: false,
        state: { terminated: { containerID: 'containerd://4f1c9e2b7a3d5e8f0a6b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f', exitCode: 0, finishedAt: stopped, reason: 'Completed', startedAt: secondsBefore(builder, 12 * 24 * 3600 - 20) } },
      }],
      ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
      phase: 'Running',
      podIP: '10.52.0.87',
      qosClass: 'BestEffort',
      startTime: secondsBefore(builder, 12 * 24 * 3600),
    },
  });
  return {
    namespace: name,
    claim: builder.getObject('v1', 'PersistentVolumeClaim', name, 'postgres-data')!,
    pod: builder.getObject('v1', 'Pod', name, 'postgres-0')!,
  };
}
