/**
 * `pvc-pending`: a VM, rocky9-ci, was created `minutes` ago (default 25) with a root disk of the
 * harvester-longhorn class; the claim stays Pending and the VM waits for it (printableStatus
 * WaitingForVolumeBinding, VMI Pending, no launcher pod yet). The csi-provisioner reported
 * ExternalProvisioning and Provisioning, and — unless `failed: false` — ProvisioningFailed with
 * the deadline error a longhorn-manager that does not answer gives. `consumerScheduled` is the
 * other case: the healthy cluster's WaitForFirstConsumer claim got a consumer (the scheduler
 * picked a node) and its provisioning then failed.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { KUBEVIRT, addEvent, copyVm } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export interface PvcPendingOptions {
  minutes?: number;
  failed?: boolean;
}

const DEADLINE = 'rpc error: code = DeadlineExceeded desc = context deadline exceeded';

export function pvcPending(builder: BundleBuilder, options: PvcPendingOptions = {}): { vm: string; claim: string } {
  const seconds = (options.minutes ?? 25) * 60;
  const { claim, launcherPod } = copyVm(builder, 'ubuntu-2204-web', 'rocky9-ci', 'w5m8t', seconds);
  const name = claim.metadata.name;
  if (launcherPod) builder.removeObject('v1', 'Pod', 'default', launcherPod.metadata.name);
  builder.updateObject('v1', 'PersistentVolumeClaim', 'default', name, (object) => {
    object.metadata.annotations = { 'volume.beta.kubernetes.io/storage-provisioner': 'driver.longhorn.io', 'volume.kubernetes.io/storage-provisioner': 'driver.longhorn.io' };
    (object.spec as Record<string, unknown>).storageClassName = 'harvester-longhorn';
    object.status = { phase: 'Pending' };
  });
  provisioningEvents(builder, name, 'harvester-longhorn', seconds, options.failed ?? true);
  const since = secondsBefore(builder, seconds - 2);
  builder.updateObject(KUBEVIRT, 'VirtualMachineInstance', 'default', 'rocky9-ci', (vmi) => {
    vmi.status = { activePods: {}, conditions: [{ lastProbeTime: null, lastTransitionTime: since, message: 'virt-launcher pod has not yet been scheduled', reason: 'PodNotExists', status: 'False', type: 'Ready' }], phase: 'Pending', phaseTransitionTimestamps: [{ phase: 'Pending', phaseTransitionTimestamp: since }] };
  });
  builder.updateObject(KUBEVIRT, 'VirtualMachine', 'default', 'rocky9-ci', (vm) => {
    Object.assign(vm.status as Record<string, unknown>, {
      conditions: [{ lastProbeTime: null, lastTransitionTime: since, message: 'virt-launcher pod has not yet been scheduled', reason: 'PodNotExists', status: 'False', type: 'Ready' }],
      printableStatus: 'WaitingForVolumeBinding',
      ready: false,
    });
  });
  return { vm: 'rocky9-ci', claim: name };
}

/** The healthy cluster's WaitForFirstConsumer claim got a consumer on the first node, then provisioning failed. */
export function waitingClaimConsumerScheduled(builder: BundleBuilder): string {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  builder.updateObject('v1', 'PersistentVolumeClaim', 'default', 'build-cache', (object) => {
    object.metadata.annotations = { 'volume.kubernetes.io/selected-node': node, 'volume.kubernetes.io/storage-provisioner': 'driver.longhorn.io' };
  });
  provisioningEvents(builder, 'build-cache', 'longhorn-strict-local', 600, true);
  return 'build-cache';
}

function provisioningEvents(builder: BundleBuilder, claim: string, storageClass: string, seconds: number, failed: boolean): void {
  const involved = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim };
  const retries = Math.max(1, Math.floor(seconds / 15));
  addEvent(builder, {
    namespace: 'default', involved, type: 'Normal', reason: 'ExternalProvisioning', component: 'persistentvolume-controller',
    message: "Waiting for a volume to be created either by the external provisioner 'driver.longhorn.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    count: retries, firstSecondsBefore: seconds - 1, lastSecondsBefore: 9,
  });
  addEvent(builder, {
    namespace: 'default', involved, type: 'Normal', reason: 'Provisioning', component: 'driver.longhorn.io_csi-provisioner-6c8d4f7b9-x2q5l_5f1c',
    message: `External provisioner is provisioning volume for claim "default/${claim}"`,
    count: Math.max(1, Math.floor(retries / 10)), firstSecondsBefore: seconds - 1, lastSecondsBefore: 40,
  });
  if (!failed) return;
  addEvent(builder, {
    namespace: 'default', involved, type: 'Warning', reason: 'ProvisioningFailed', component: 'driver.longhorn.io_csi-provisioner-6c8d4f7b9-x2q5l_5f1c',
    message: `failed to provision volume with StorageClass "${storageClass}": ${DEADLINE}`,
    count: Math.max(1, Math.floor(retries / 10)), firstSecondsBefore: seconds - 150, lastSecondsBefore: 40,
  });
}
