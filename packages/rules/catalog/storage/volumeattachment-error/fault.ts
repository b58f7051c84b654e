/**
 * `volumeattachment-error`.
 * - `volumeAttachmentError`: the csi-attacher cannot attach the disk of sles15-sp6-db to its node
 *   (`detach: true`: cannot detach it — the attachment is being deleted and the driver times out).
 * - `faultedVolumeVmDown`: causes before symptoms. Every replica of a VM disk failed
 *   (longhorn-volume-faulted's fault); Longhorn deleted the VM's pod when the volume detached,
 *   KubeVirt restarted the VM on the same node 35 minutes ago, and the new launcher pod waits in
 *   ContainerCreating because the volume cannot be attached: the VolumeAttachment carries
 *   Longhorn's "volume … is not ready for workloads" and the VM stays Starting.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addEvent, vmNotStarted, vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';
import { longhornVolumeFaulted } from '../../longhorn/longhorn-volume-faulted/fault.js';

const NOT_READY = (volume: string) => `rpc error: code = Aborted desc = volume ${volume} is not ready for workloads`;

export function volumeAttachmentError(builder: BundleBuilder, options: { detach?: boolean } = {}): { volume: string; attachment: string; node: string } {
  const { volume, volumeAttachment } = vmParts(builder, 'sles15-sp6-db');
  const attachment = volumeAttachment!.metadata.name;
  builder.updateObject('storage.k8s.io/v1', 'VolumeAttachment', undefined, attachment, (object) => {
    if (options.detach) {
      object.metadata.deletionTimestamp = secondsBefore(builder, 960);
      object.status = { attached: true, detachError: { message: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded', time: secondsBefore(builder, 45) } };
    } else {
      object.status = { attached: false, attachError: { message: NOT_READY(volume), time: secondsBefore(builder, 30) } };
    }
  });
  return { volume, attachment, node: String((volumeAttachment!.spec as { nodeName: string }).nodeName) };
}

export function faultedVolumeVmDown(builder: BundleBuilder): { volume: string; vm: string; attachment: string } {
  const { volume } = longhornVolumeFaulted(builder, { failedSecondsAgo: 2160 });
  const workload = builder.getObject(LONGHORN, 'Volume', 'longhorn-system', volume)!;
  const claim = (workload.status as { kubernetesStatus: { pvcName: string } }).kubernetesStatus.pvcName;
  const vm = builder.listObjects('kubevirt.io/v1', 'VirtualMachine', 'default').find((candidate) => JSON.stringify(candidate.spec).includes(`"claimName":"${claim}"`))!.metadata.name;
  const parts = vmParts(builder, vm);
  vmNotStarted(builder, vm, { printableStatus: 'Starting', sinceSeconds: 2100, vmiPhase: 'Scheduled' });
  const attachment = parts.volumeAttachment!.metadata.name;
  builder.updateObject('storage.k8s.io/v1', 'VolumeAttachment', undefined, attachment, (object) => {
    object.metadata.creationTimestamp = secondsBefore(builder, 2095);
    object.status = { attached: false, attachError: { message: NOT_READY(volume), time: secondsBefore(builder, 12) } };
  });
  addEvent(builder, {
    namespace: 'default',
    involved: { apiVersion: 'v1', kind: 'Pod', name: parts.launcherPod!.metadata.name },
    type: 'Warning',
    reason: 'FailedAttachVolume',
    message: `AttachVolume.Attach failed for volume "${volume}" : ${NOT_READY(volume)}`,
    component: 'attachdetach-controller',
    count: 23,
    firstSecondsBefore: 2094,
    lastSecondsBefore: 12,
  });
  return { volume, vm, attachment };
}
