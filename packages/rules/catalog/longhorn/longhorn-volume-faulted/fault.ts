/**
 * S39 `longhorn-volume-faulted` (signatures.md §4): every replica of a VM volume failed (the
 * disks of all replica nodes had I/O errors), the volume is `faulted` and detached, its VM is
 * down; longhorn-manager logged the replicas going into error. With `salvaged`, the near miss:
 * the same log lines, but auto-salvage brought the volume back and it is healthy.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, firstPod, longhornVolumes, logrusLine, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface LonghornVolumeFaultedOptions {
  volume?: number;
  /** Write the replica-error lines into longhorn-manager's log (default true). */
  logs?: boolean;
  /** Near miss: auto-salvage recovered the volume; only the log lines remain. */
  salvaged?: boolean;
  /** How long before the bundle the replicas failed (default 260 s); the log lines move with it. */
  failedSecondsAgo?: number;
}

export function longhornVolumeFaulted(builder: BundleBuilder, options: LonghornVolumeFaultedOptions = {}): { volume: string; pvc: string } {
  const volume = longhornVolumes(builder)[options.volume ?? 0]!;
  const name = volume.metadata.name;
  const pvc = String((volume.status as { kubernetesStatus: { pvcName: string } }).kubernetesStatus.pvcName);
  const shift = (options.failedSecondsAgo ?? 260) - 260;
  const replicas = builder.listObjects(LONGHORN, 'Replica', 'longhorn-system').filter((replica) => (replica.metadata.labels as Record<string, string>).longhornvolume === name);
  if (!options.salvaged) {
    builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', name, (object) => {
      const status = object.status as Record<string, unknown> & { kubernetesStatus: Record<string, unknown> };
      status.robustness = 'faulted';
      status.state = 'detached';
      status.currentNodeID = '';
      status.kubernetesStatus.workloadsStatus = [{ podName: status.kubernetesStatus.workloadsStatus ? (status.kubernetesStatus.workloadsStatus as { podName: string }[])[0]!.podName : '', podStatus: 'Failed', workloadName: '', workloadType: 'VirtualMachineInstance' }];
      status.kubernetesStatus.lastPodRefAt = secondsBefore(builder, 250 + shift);
    });
    for (const replica of replicas) {
      builder.updateObject(LONGHORN, 'Replica', 'longhorn-system', replica.metadata.name, (object) => {
        (object.spec as Record<string, unknown>).failedAt = secondsBefore(builder, 260 + shift);
        (object.spec as Record<string, unknown>).desireState = 'stopped';
        (object.status as Record<string, unknown>).currentState = 'stopped';
      });
    }
  }
  if (options.logs !== false) {
    const manager = firstPod(builder, 'longhorn-system', 'longhorn-manager-');
    const fields = `controller=longhorn-volume node=${String((manager.spec as { nodeName?: string }).nodeName)} owner=${String((manager.spec as { nodeName?: string }).nodeName)} state=attached volume=${name}`;
    const first = replicas[0]?.metadata.name ?? `${name}-r-0`;
    builder.addPodLog('longhorn-system', manager.metadata.name, 'longhorn-manager', [
      logrusLine(builder, 262 + shift, 'warning', `Instance ${first} crashed on Instance Manager instance-manager-${'0'.repeat(8)} at ${String((manager.spec as { nodeName?: string }).nodeName)}, try to get log`, `controller=longhorn-replica`),
      logrusLine(builder, 261 + shift, 'warning', `Event(v1.ObjectReference{Kind:\"Volume\", Namespace:\"longhorn-system\", Name:\"${name}\", UID:\"${String(volume.metadata.uid)}\", APIVersion:\"longhorn.io/v1beta2\", ResourceVersion:\"\", FieldPath:\"\"}): type: 'Warning' reason: 'Faulted' Detected replica ${first} (10.52.0.9:10010) in error`),
      logrusLine(builder, 255 + shift, 'error', 'Failed to sync Longhorn volume', `${fields} error="failed to sync volume longhorn-system/${name}: no healthy replica for starting"`),
    ]);
  }
  return { volume: name, pvc };
}
