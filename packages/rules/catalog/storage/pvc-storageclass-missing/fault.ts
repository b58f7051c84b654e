/**
 * `pvc-storageclass-missing`: forty minutes before the bundle a VM, rhel9-app, was created from
 * an image that had been deleted, and the image's StorageClass (longhorn-image-k2x9f) went with
 * it. The VM's root-disk claim stays Pending, the persistentvolume-controller keeps reporting
 * ProvisioningFailed 'storageclass.storage.k8s.io "longhorn-image-k2x9f" not found', the
 * virt-launcher pod cannot be scheduled ("pod has unbound immediate PersistentVolumeClaims") and
 * the VM is ErrorUnschedulable: cause, Pending claim and VM all show. With `imageDeletedLater`,
 * the near miss: the cluster's VM image and its class were deleted after the running VMs' disks
 * were made from it; those claims are Bound and keep working.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addEvent, copyVm, vmNotStarted } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export const MISSING_CLASS = 'longhorn-image-k2x9f';
const UNBOUND = 'pod has unbound immediate PersistentVolumeClaims';

export function pvcStorageClassMissing(builder: BundleBuilder, options: { imageDeletedLater?: boolean } = {}): { vm: string; claim: string; storageClass: string } {
  if (options.imageDeletedLater) {
    const image = builder.listObjects('harvesterhci.io/v1beta1', 'VirtualMachineImage', 'default')[0]!;
    const storageClass = String((image.status as { storageClassName: string }).storageClassName);
    builder.removeObject('harvesterhci.io/v1beta1', 'VirtualMachineImage', 'default', image.metadata.name);
    builder.removeObject('storage.k8s.io/v1', 'StorageClass', undefined, storageClass);
    return { vm: 'ubuntu-2204-web', claim: '', storageClass };
  }
  const nodes = builder.listObjects('v1', 'Node').length;
  const { claim } = copyVm(builder, 'sles15-sp6-db', 'rhel9-app', 'k7vxq', 2400);
  builder.updateObject('v1', 'PersistentVolumeClaim', 'default', claim.metadata.name, (object) => {
    object.metadata.annotations = { 'harvesterhci.io/imageId': 'default/image-k2x9f' };
    (object.spec as Record<string, unknown>).storageClassName = MISSING_CLASS;
    object.status = { phase: 'Pending' };
  });
  addEvent(builder, {
    namespace: 'default',
    involved: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name },
    type: 'Warning',
    reason: 'ProvisioningFailed',
    message: `storageclass.storage.k8s.io "${MISSING_CLASS}" not found`,
    component: 'persistentvolume-controller',
    count: 161,
    firstSecondsBefore: 2398,
    lastSecondsBefore: 14,
  });
  vmNotStarted(builder, 'rhel9-app', {
    printableStatus: 'ErrorUnschedulable',
    sinceSeconds: 2396,
    unschedulable: `0/${nodes} nodes are available: ${UNBOUND}. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`,
  });
  return { vm: 'rhel9-app', claim: claim.metadata.name, storageClass: MISSING_CLASS };
}
