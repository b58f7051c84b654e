/**
 * What a healthy cluster also shows in storage and VMs, and no rule may report:
 * - a stopped VM (`Stopped` is a state, not an error: no VMI, Ready False "VMINotExists") whose
 *   Longhorn volume is detached with robustness `unknown`, which is what Longhorn reports for
 *   every detached volume;
 * - a claim of a WaitForFirstConsumer StorageClass that no pod uses yet: Pending, with the
 *   persistentvolume-controller's Normal "WaitForFirstConsumer" event, until a consumer exists;
 * - a live migration that completed (on two or more nodes).
 * It draws from a PRNG of its own, so everything generated before it keeps its values.
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterContext } from './cluster-context.js';
import { addEvents } from './events.js';
import { longhornVolumeObjects, type LonghornLayout } from './longhorn.js';
import type { SeededRandom } from './random.js';
import { virtualMachineObjects } from './virtual-machines.js';

/** The stopped VM; named to sort after the running ones, which faults take first. */
export const STOPPED_VM = 'win2022-jumphost';
/** The claim that waits for its first consumer. */
export const WAITING_CLAIM = 'build-cache';

export function addBenignStorageAndVms(base: ClusterContext, layout: LonghornLayout, random: SeededRandom): void {
  const context: ClusterContext = { ...base, random };
  addStoppedVm(context, layout);
  addWaitingClaim(context);
  if (context.nodes.length > 1) addCompletedMigration(context, 'ubuntu-2204-web');
}

function addStoppedVm(context: ClusterContext, layout: LonghornLayout): void {
  const { builder } = context;
  const imageName = builder.listObjects('harvesterhci.io/v1beta1', 'VirtualMachineImage', 'default')[0]!.metadata.name;
  const { objects, volume } = virtualMachineObjects(context, { name: STOPPED_VM, cores: 2, memory: '8Gi', disk: 64_424_509_440 }, 2, imageName);
  const stoppedAt = context.before(6 * 24 * 60 + 130);
  for (const object of objects) {
    if (object.kind === 'VirtualMachineInstance' || object.kind === 'Pod') continue;
    if (object.kind === 'VirtualMachine') stop(object, stoppedAt);
    builder.addObject(object);
  }
  for (const object of longhornVolumeObjects(context, layout, volume)) builder.addObject(detach(object, volume.launcherPod, stoppedAt));
  // The detached volume's replicas still hold space on their disks.
  for (const node of layout.replicaNodes) {
    builder.updateObject('longhorn.io/v1beta2', 'Node', 'longhorn-system', node.name, (object) => {
      const disk = Object.values((object.status as { diskStatus: Record<string, { scheduledReplica: Record<string, number>; storageScheduled: number }> }).diskStatus)[0]!;
      disk.scheduledReplica[`${volume.name}-r-${context.nodes.indexOf(node)}`] = volume.sizeBytes;
      disk.storageScheduled += volume.sizeBytes;
    });
  }
}

/** A VM its owner stopped from the UI: run strategy Halted, no VMI, Ready False since the stop. */
function stop(vm: KubeObject, stoppedAt: string): void {
  const annotations = vm.metadata.annotations as Record<string, string>;
  annotations['harvesterhci.io/vmRunStrategy'] = 'Halted';
  (vm.spec as Record<string, unknown>).runStrategy = 'Halted';
  vm.status = {
    conditions: [{ lastProbeTime: stoppedAt, lastTransitionTime: stoppedAt, message: 'VMI does not exist', reason: 'VMINotExists', status: 'False', type: 'Ready' }],
    desiredGeneration: 2,
    observedGeneration: 2,
    printableStatus: 'Stopped',
    runStrategy: 'Halted',
    volumeSnapshotStatuses: [{ enabled: true, name: 'disk-0' }],
  };
  vm.metadata.generation = 2;
}

/** Longhorn's view of a volume whose workload stopped: detached, robustness unknown, engine and replicas stopped. */
function detach(object: KubeObject, lastPod: string, stoppedAt: string): KubeObject {
  const status = object.status as Record<string, unknown>;
  const spec = object.spec as Record<string, unknown>;
  if (object.kind === 'Volume') {
    Object.assign(status, { currentNodeID: '', robustness: 'unknown', state: 'detached', frontendDisabled: false });
    const kubernetes = status.kubernetesStatus as Record<string, unknown>;
    kubernetes.lastPodRefAt = stoppedAt;
    kubernetes.workloadsStatus = [{ podName: lastPod, podStatus: 'Succeeded', workloadName: STOPPED_VM, workloadType: 'VirtualMachineInstance' }];
  } else if (object.kind === 'Engine') {
    Object.assign(spec, { desireState: 'stopped', nodeID: '' });
    Object.assign(status, { currentState: 'stopped', endpoint: '', started: false, replicaModeMap: {} });
  } else if (object.kind === 'Replica') {
    spec.desireState = 'stopped';
    Object.assign(status, { currentState: 'stopped', started: false });
  }
  return object;
}

/** A node-local StorageClass (Longhorn strict-local binds where the pod lands) and a claim nothing mounts yet. */
function addWaitingClaim(context: ClusterContext): void {
  const { builder } = context;
  builder.addObject({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { creationTimestamp: context.before(3 * 24 * 60), name: 'longhorn-strict-local' },
    allowVolumeExpansion: true,
    parameters: { dataLocality: 'strict-local', numberOfReplicas: '1', staleReplicaTimeout: '30' },
    provisioner: 'driver.longhorn.io',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  builder.addObject({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { creationTimestamp: context.before(2 * 24 * 60 + 5), finalizers: ['kubernetes.io/pvc-protection'], name: WAITING_CLAIM, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } }, storageClassName: 'longhorn-strict-local', volumeMode: 'Filesystem' },
    status: { phase: 'Pending' },
  });
  addEvents(context, [
    {
      namespace: 'default',
      involved: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: WAITING_CLAIM },
      reason: 'WaitForFirstConsumer',
      message: 'waiting for first consumer to be created before binding',
      component: 'persistentvolume-controller',
      minutesBefore: 1,
      count: 576,
    },
  ]);
}

/** A live migration of `vm` that finished three days ago: the VMIM Succeeded, the VMI records it. */
function addCompletedMigration(context: ClusterContext, vm: string): void {
  const { builder, nodes } = context;
  const vmi = builder.getObject('kubevirt.io/v1', 'VirtualMachineInstance', 'default', vm);
  if (!vmi) return;
  const target = String((vmi.status as { nodeName: string }).nodeName);
  const source = nodes.find((node) => node.name !== target)!.name;
  const uid = context.random.uuid();
  const minute = (offset: number) => context.before(3 * 24 * 60 - offset);
  const phases = ['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running', 'Succeeded'];
  builder.addObject({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstanceMigration',
    metadata: {
      annotations: { 'kubevirt.io/latest-observed-api-version': 'v1', 'kubevirt.io/storage-observed-api-version': 'v1' },
      creationTimestamp: minute(0),
      generateName: `${vm}-`,
      generation: 1,
      labels: { 'kubevirt.io/vmi-name': vm },
      name: `${vm}-${context.random.podSuffix()}`,
      namespace: 'default',
      uid,
    },
    spec: { vmiName: vm },
    status: {
      phase: 'Succeeded',
      phaseTransitionTimestamps: phases.map((phase, index) => ({ phase, phaseTransitionTimestamp: minute(index < 5 ? 0 : index - 4) })),
    },
  });
  builder.updateObject('kubevirt.io/v1', 'VirtualMachineInstance', 'default', vm, (object) => {
    (object.status as Record<string, unknown>).migrationState = {
      completed: true,
      endTimestamp: minute(2),
      migrationUid: uid,
      mode: 'PreCopy',
      sourceNode: source,
      startTimestamp: minute(1),
      targetNode: target,
      targetNodeDomainDetected: true,
    };
  });
}
