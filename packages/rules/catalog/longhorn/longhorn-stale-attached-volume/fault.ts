/**
 * S40 `longhorn-stale-attached-volume` (signatures.md §4): a VM was stopped, its virt-launcher
 * pod is gone, but its Longhorn volume stayed attached (harvester#3648): workloadsStatus still
 * names the old pod, which is no longer Running. With `detached`, the near miss: the VM was
 * stopped and the volume was detached as it should be.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, longhornVolumes, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface LonghornStaleAttachedOptions {
  volume?: number;
  /** Near miss: the volume was detached when the VM stopped. */
  detached?: boolean;
  /** Record no workload at all (workloadsStatus null) instead of the completed pod. */
  noWorkloads?: boolean;
}

export function longhornStaleAttachedVolume(builder: BundleBuilder, options: LonghornStaleAttachedOptions = {}): { volume: string; vm: string } {
  const volume = longhornVolumes(builder)[options.volume ?? 0]!;
  const name = volume.metadata.name;
  const workload = ((volume.status as { kubernetesStatus: { workloadsStatus: { podName: string; workloadName: string }[] } }).kubernetesStatus.workloadsStatus)[0]!;
  const vm = workload.workloadName;

  builder.updateObject('kubevirt.io/v1', 'VirtualMachine', 'default', vm, (object) => {
    const spec = object.spec as Record<string, unknown>;
    spec.runStrategy = 'Halted';
    (object.metadata.annotations as Record<string, string>)['harvesterhci.io/vmRunStrategy'] = 'Halted';
    const status = object.status as Record<string, unknown>;
    status.printableStatus = 'Stopped';
    status.ready = false;
    status.created = false;
    status.runStrategy = 'Halted';
    status.conditions = [{ lastProbeTime: null, lastTransitionTime: secondsBefore(builder, 3600), message: 'VMI does not exist', reason: 'VMINotExists', status: 'False', type: 'Ready' }];
  });
  builder.removeObject('kubevirt.io/v1', 'VirtualMachineInstance', 'default', vm);
  builder.removeObject('v1', 'Pod', 'default', workload.podName);

  builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', name, (object) => {
    const status = object.status as Record<string, unknown> & { kubernetesStatus: Record<string, unknown> };
    status.kubernetesStatus.lastPodRefAt = secondsBefore(builder, 3600);
    status.kubernetesStatus.workloadsStatus = options.noWorkloads ? null : [{ podName: workload.podName, podStatus: 'Succeeded', workloadName: vm, workloadType: 'VirtualMachineInstance' }];
    if (options.detached) {
      status.state = 'detached';
      status.currentNodeID = '';
      status.robustness = 'unknown';
      status.kubernetesStatus.workloadsStatus = null;
    }
  });
  return { volume: name, vm };
}
