/**
 * Deletions that never finish:
 * - `volume` (default): a VM was deleted two hours before the bundle with its disks; the Longhorn
 *   volume of its data disk still carries `longhorn.io` because longhorn-manager, which removes
 *   it, crash-loops on the node that owns the volume (the DaemonSet has a pod unavailable).
 * - `pod`: a VM's virt-launcher pod on a node that went down keeps terminating: its deletion
 *   deadline passed 40 minutes ago and no kubelet confirms it (no finalizer involved).
 * - `recent` (near miss): the same volume, its deletion requested 20 s before the bundle.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { faultRandom, secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export type ObjectDeletionStuckVariant = 'volume' | 'pod' | 'recent';

export function objectDeletionStuck(builder: BundleBuilder, variant: ObjectDeletionStuckVariant = 'volume'): KubeObject {
  const random = faultRandom(6006);
  if (variant === 'pod') {
    const pod = builder.listObjects('v1', 'Pod', 'default').find((candidate) => candidate.metadata.name.startsWith('virt-launcher-'))!;
    builder.updateObject('v1', 'Pod', 'default', pod.metadata.name, (object) => {
      object.metadata.deletionTimestamp = secondsBefore(builder, 40 * 60);
      object.metadata.deletionGracePeriodSeconds = 30;
    });
    return builder.getObject('v1', 'Pod', 'default', pod.metadata.name)!;
  }
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const name = `pvc-${random.uuid()}`;
  const deleted = secondsBefore(builder, variant === 'recent' ? 20 : 2 * 3600 + 5 * 60);
  builder.addObject({
    apiVersion: 'longhorn.io/v1beta2',
    kind: 'Volume',
    metadata: {
      creationTimestamp: secondsBefore(builder, 20 * 24 * 3600),
      deletionGracePeriodSeconds: 0,
      deletionTimestamp: deleted,
      finalizers: ['longhorn.io'],
      generation: 4,
      labels: { longhornvolume: name, 'recurring-job-group.longhorn.io/default': 'enabled' },
      name,
      namespace: 'longhorn-system',
    },
    spec: { accessMode: 'rwo', dataEngine: 'v1', frontend: 'blockdev', migratable: false, numberOfReplicas: 3, size: '53687091200', staleReplicaTimeout: 30 },
    status: {
      actualSize: 8_103_231_488,
      currentNodeID: '',
      kubernetesStatus: { lastPVCRefAt: deleted, lastPodRefAt: deleted, namespace: 'default', pvName: '', pvStatus: '', pvcName: '', workloadsStatus: null },
      ownerID: node,
      robustness: 'unknown',
      state: 'detached',
    },
  });
  if (variant === 'volume') longhornManagerDown(builder, node);
  return builder.getObject('longhorn.io/v1beta2', 'Volume', 'longhorn-system', name)!;
}

/** longhorn-manager on `node` crash-loops: its pod waits in CrashLoopBackOff, the DaemonSet has one unavailable. */
export function longhornManagerDown(builder: BundleBuilder, node: string): string {
  const pod = builder.listObjects('v1', 'Pod', 'longhorn-system').find((candidate) => candidate.metadata.name.startsWith('longhorn-manager-') && (candidate.spec as { nodeName?: string }).nodeName === node)!;
  builder.updateObject('v1', 'Pod', 'longhorn-system', pod.metadata.name, (object) => {
    const status = object.status as { containerStatuses: Record<string, unknown>[]; conditions: Record<string, unknown>[] };
    const manager = status.containerStatuses.find((container) => container.name === 'longhorn-manager')!;
    Object.assign(manager, {
      lastState: { terminated: { exitCode: 1, finishedAt: secondsBefore(builder, 140), reason: 'Error', startedAt: secondsBefore(builder, 170) } },
      ready: false,
      restartCount: 23,
      started: false,
      state: { waiting: { message: `back-off 5m0s restarting failed container=longhorn-manager pod=${pod.metadata.name}_longhorn-system(${String(pod.metadata.uid)})`, reason: 'CrashLoopBackOff' } },
    });
    for (const condition of status.conditions) if (condition.type === 'Ready' || condition.type === 'ContainersReady') Object.assign(condition, { status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [longhorn-manager]' });
  });
  builder.updateObject('apps/v1', 'DaemonSet', 'longhorn-system', 'longhorn-manager', (daemonSet) => {
    const status = daemonSet.status as Record<string, number>;
    status.numberAvailable = (status.desiredNumberScheduled ?? 1) - 1;
    status.numberReady = status.numberAvailable;
    status.numberUnavailable = 1;
  });
  return pod.metadata.name;
}
