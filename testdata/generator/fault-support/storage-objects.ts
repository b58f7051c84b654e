/**
 * Lookups and changes the storage, VM and CDI faults share, on a healthy cluster: the objects of
 * a VM (claims, Longhorn volume, VolumeAttachment, VMI, virt-launcher pod), a copy of a VM as a
 * new one, and events in the kit's shape. Times are counted back from the bundle's creation.
 */
import { createHash } from 'node:crypto';
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore } from './longhorn-objects.js';

export const KUBEVIRT = 'kubevirt.io/v1';

/** What a VM is made of in the bundle (its first disk). */
export interface VmParts {
  vm: KubeObject;
  claim: KubeObject;
  /** The Longhorn volume (and PV) name: the claim's spec.volumeName. */
  volume: string;
  vmi?: KubeObject;
  launcherPod?: KubeObject;
  volumeAttachment?: KubeObject;
}

export function vmParts(builder: BundleBuilder, name: string, namespace = 'default'): VmParts {
  const vm = builder.getObject(KUBEVIRT, 'VirtualMachine', namespace, name);
  if (!vm) throw new Error(`no VM ${namespace}/${name} in this bundle (start from healthyCluster)`);
  const claimName = (vm.spec as { template: { spec: { volumes: { persistentVolumeClaim?: { claimName: string } }[] } } }).template.spec.volumes.find((volume) => volume.persistentVolumeClaim)!.persistentVolumeClaim!.claimName;
  const claim = builder.getObject('v1', 'PersistentVolumeClaim', namespace, claimName)!;
  const volume = String((claim.spec as { volumeName?: string }).volumeName ?? '');
  const parts: VmParts = { vm, claim, volume };
  const vmi = builder.getObject(KUBEVIRT, 'VirtualMachineInstance', namespace, name);
  if (vmi) parts.vmi = vmi;
  const launcherPod = builder.listObjects('v1', 'Pod', namespace).find((pod) => (pod.metadata.labels as Record<string, string> | undefined)?.['vm.kubevirt.io/name'] === name);
  if (launcherPod) parts.launcherPod = launcherPod;
  const volumeAttachment = builder.listObjects('storage.k8s.io/v1', 'VolumeAttachment').find((attachment) => (attachment.spec as { source: { persistentVolumeName?: string } }).source.persistentVolumeName === volume);
  if (volumeAttachment) parts.volumeAttachment = volumeAttachment;
  return parts;
}

/**
 * A new VM made like `from` (same shape, image and network), named `name`, with its own claim
 * `<name>-disk-0-<suffix>`, VMI and virt-launcher pod (`virt-launcher-<name>-…`), and no Longhorn
 * volume yet (the claim is not bound): the faults then put it in the state they need.
 */
export function copyVm(builder: BundleBuilder, from: string, name: string, suffix: string, createdSecondsBefore: number): VmParts {
  const source = vmParts(builder, from);
  const created = secondsBefore(builder, createdSecondsBefore);
  const claimName = `${name}-disk-0-${suffix}`;
  const uid = uuidFrom(`vm/${name}`);
  const rename = (text: string) => text.replaceAll(from, name).replaceAll(source.claim.metadata.name, claimName);
  const copy = (object: KubeObject): KubeObject => {
    const made = JSON.parse(rename(JSON.stringify(object))) as KubeObject;
    made.metadata.creationTimestamp = created;
    delete made.metadata.uid;
    delete made.metadata.resourceVersion;
    delete made.metadata.managedFields;
    return made;
  };
  const vm = copy(source.vm);
  vm.metadata.uid = uid;
  const claim = copy(source.claim);
  claim.metadata.ownerReferences = [{ apiVersion: KUBEVIRT, kind: 'VirtualMachine', name, uid }];
  delete (claim.spec as Record<string, unknown>).volumeName;
  const parts: VmParts = { vm, claim, volume: '' };
  builder.addObject(vm).addObject(claim);
  if (source.vmi) {
    parts.vmi = copy(source.vmi);
    parts.vmi.metadata.ownerReferences = [{ apiVersion: KUBEVIRT, blockOwnerDeletion: true, controller: true, kind: 'VirtualMachine', name, uid }];
    builder.addObject(parts.vmi);
  }
  if (source.launcherPod) {
    parts.launcherPod = copy(source.launcherPod);
    builder.addObject(parts.launcherPod);
  }
  return parts;
}

/** A deterministic UUID from a text (faults draw no random numbers). */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface EventOptions {
  namespace: string;
  involved: { apiVersion: string; kind: string; name: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  count?: number;
  /** Seconds before the bundle of the first and the last occurrence. */
  firstSecondsBefore: number;
  lastSecondsBefore?: number;
}

/** A core/v1 Event as `v1/events.yaml` holds it after the kit's rewrite. */
export function addEvent(builder: BundleBuilder, options: EventOptions): KubeObject {
  const first = secondsBefore(builder, options.firstSecondsBefore);
  const event: KubeObject = {
    apiVersion: 'v1',
    kind: 'Event',
    count: options.count ?? 1,
    eventTime: 'null',
    firstTimestamp: first,
    involvedObject: { ...options.involved, namespace: options.namespace },
    lastTimestamp: secondsBefore(builder, options.lastSecondsBefore ?? options.firstSecondsBefore),
    message: options.message,
    metadata: { creationTimestamp: first, name: `${options.involved.name}.${createHash('sha256').update(`${options.reason}/${options.message}`).digest('hex').slice(0, 16)}`, namespace: options.namespace },
    reason: options.reason,
    reportingComponent: '',
    reportingInstance: '',
    source: { component: options.component },
    type: options.type,
  };
  builder.addObject(event);
  return event;
}

/** Changes the Longhorn volume `name` (status and spec as `change` says). */
export function updateLonghornVolume(builder: BundleBuilder, name: string, change: (status: Record<string, unknown>, spec: Record<string, unknown>) => void): void {
  builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', name, (object) => change(object.status as Record<string, unknown>, object.spec as Record<string, unknown>));
}

export interface VmStartOptions {
  /** The `printableStatus` KubeVirt shows for the VM. */
  printableStatus: string;
  /** Seconds before the bundle when the start began (the VMI and its pod were created). */
  sinceSeconds: number;
  /** The VMI's phase (default Scheduling; Scheduled puts the pod on the VM's node). */
  vmiPhase?: 'Pending' | 'Scheduling' | 'Scheduled';
  /** The scheduler's message when the pod cannot be placed (PodScheduled False, reason Unschedulable). */
  unschedulable?: string;
  /** What the scheduled launcher pod's compute container waits with (default ContainerCreating). */
  waiting?: { reason: string; message?: string };
}

/**
 * A VM that was (re)started and has not come up: a new VMI in phase Pending/Scheduling/Scheduled
 * with Ready False "GuestNotRunning" since the start, its launcher pod Pending (unschedulable, or
 * scheduled and waiting), and the VM's status and conditions as virt-controller copies them.
 */
export function vmNotStarted(builder: BundleBuilder, name: string, options: VmStartOptions, namespace = 'default'): void {
  const since = secondsBefore(builder, options.sinceSeconds);
  const phase = options.vmiPhase ?? 'Scheduling';
  const phases = ['Pending', 'Scheduling', 'Scheduled'].slice(0, ['Pending', 'Scheduling', 'Scheduled'].indexOf(phase) + 1);
  const notRunning = { lastProbeTime: null, lastTransitionTime: since, message: 'Guest VM is not reported as running', reason: 'GuestNotRunning', status: 'False', type: 'Ready' };
  const unschedulable = options.unschedulable === undefined ? [] : [{ lastProbeTime: null, lastTransitionTime: since, message: options.unschedulable, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }];
  const parts = vmParts(builder, name, namespace);
  const node = String((parts.vmi?.status as { nodeName?: string } | undefined)?.nodeName ?? (parts.launcherPod?.spec as { nodeName?: string } | undefined)?.nodeName ?? '');
  builder.updateObject(KUBEVIRT, 'VirtualMachineInstance', namespace, name, (vmi) => {
    vmi.metadata.creationTimestamp = since;
    const status = vmi.status as Record<string, unknown>;
    for (const key of ['guestOSInfo', 'interfaces', 'migrationState', 'volumeStatus', 'qosClass']) delete status[key];
    Object.assign(status, {
      activePods: {},
      conditions: [notRunning, ...unschedulable],
      phase,
      phaseTransitionTimestamps: phases.map((entry, index) => ({ phase: entry, phaseTransitionTimestamp: secondsBefore(builder, options.sinceSeconds - index * 2) })),
    });
    if (phase === 'Scheduled') status.nodeName = node;
    else delete status.nodeName;
  });
  if (parts.launcherPod) {
    builder.updateObject('v1', 'Pod', namespace, parts.launcherPod.metadata.name, (pod) => {
      pod.metadata.creationTimestamp = since;
      delete pod.metadata.managedFields;
      const spec = pod.spec as Record<string, unknown>;
      const containers = (spec.containers as { name: string; image: string }[]).map((container) => container.name);
      if (options.unschedulable !== undefined) {
        delete spec.nodeName;
        pod.status = { conditions: [{ lastProbeTime: null, lastTransitionTime: since, message: options.unschedulable, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }], phase: 'Pending', qosClass: 'Guaranteed' };
        return;
      }
      const waiting = options.waiting ?? { reason: 'ContainerCreating' };
      pod.status = {
        conditions: [
          { lastProbeTime: null, lastTransitionTime: since, status: 'True', type: 'PodScheduled' },
          { lastProbeTime: null, lastTransitionTime: since, status: 'True', type: 'Initialized' },
          { lastProbeTime: null, lastTransitionTime: since, message: `containers with unready status: [${containers.join(' ')}]`, reason: 'ContainersNotReady', status: 'False', type: 'Ready' },
          { lastProbeTime: null, lastTransitionTime: since, message: `containers with unready status: [${containers.join(' ')}]`, reason: 'ContainersNotReady', status: 'False', type: 'ContainersReady' },
        ],
        containerStatuses: containers.map((container) => ({ image: (spec.containers as { name: string; image: string }[]).find((candidate) => candidate.name === container)!.image, imageID: '', lastState: {}, name: container, ready: false, restartCount: 0, started: false, state: { waiting } })),
        hostIP: (pod.status as { hostIP?: string }).hostIP,
        phase: 'Pending',
        qosClass: 'Guaranteed',
        startTime: since,
      };
    });
  }
  builder.updateObject(KUBEVIRT, 'VirtualMachine', namespace, name, (vm) => {
    const status = vm.status as Record<string, unknown>;
    status.printableStatus = options.printableStatus;
    status.ready = false;
    status.conditions = [notRunning, ...unschedulable];
  });
}
