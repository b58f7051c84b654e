/**
 * `vm-error-status`: a VM of the healthy cluster in one of KubeVirt's error states.
 * - `unschedulable`: sles15-sp6-db was restarted 50 minutes ago and no node has the memory for it
 *   (launcher pod Pending, PodScheduled False "Insufficient memory"): ErrorUnschedulable.
 * - `crash-loop`: ubuntu-2204-web failed to start four times in a row; KubeVirt removed the failed
 *   VMI and waits before the next try (status.startFailure): CrashLoopBackOff.
 * - `pvc-not-found`: sles15-sp6-db was restarted after its root-disk claim was deleted:
 *   Synchronized False "FailedPvcNotFound": ErrorPvcNotFound.
 * - `paused-io-error`: ubuntu-2204-web's disk returned I/O errors and QEMU paused the guest
 *   (Paused True, reason PausedIOError).
 * - `paused-by-user`: the near miss — the owner paused ubuntu-2204-web from the UI.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { KUBEVIRT, vmNotStarted, vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export type VmErrorKind = 'unschedulable' | 'crash-loop' | 'pvc-not-found' | 'paused-io-error' | 'paused-by-user';

export function vmErrorStatus(builder: BundleBuilder, kind: VmErrorKind): { vm: string; claim: string } {
  const nodes = builder.listObjects('v1', 'Node').length;
  if (kind === 'unschedulable' || kind === 'pvc-not-found') {
    const vm = 'sles15-sp6-db';
    const { claim } = vmParts(builder, vm);
    if (kind === 'unschedulable') {
      vmNotStarted(builder, vm, {
        printableStatus: 'ErrorUnschedulable',
        sinceSeconds: 3000,
        unschedulable: `0/${nodes} nodes are available: ${nodes} Insufficient memory. preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`,
      });
      return { vm, claim: claim.metadata.name };
    }
    vmNotStarted(builder, vm, { printableStatus: 'ErrorPvcNotFound', sinceSeconds: 1800, vmiPhase: 'Pending' });
    const { launcherPod } = vmParts(builder, vm);
    if (launcherPod) builder.removeObject('v1', 'Pod', 'default', launcherPod.metadata.name);
    builder.removeObject('v1', 'PersistentVolumeClaim', 'default', claim.metadata.name);
    const notFound = { lastProbeTime: null, lastTransitionTime: secondsBefore(builder, 1799), message: `PVC default/${claim.metadata.name} does not exist, waiting for it to appear`, reason: 'FailedPvcNotFound', status: 'False', type: 'Synchronized' };
    for (const kindName of ['VirtualMachineInstance', 'VirtualMachine']) {
      builder.updateObject(KUBEVIRT, kindName, 'default', vm, (object) => {
        (object.status as { conditions: unknown[] }).conditions.push(notFound);
      });
    }
    return { vm, claim: claim.metadata.name };
  }

  const vm = 'ubuntu-2204-web';
  const { claim, launcherPod } = vmParts(builder, vm);
  if (kind === 'crash-loop') {
    builder.removeObject(KUBEVIRT, 'VirtualMachineInstance', 'default', vm);
    if (launcherPod) builder.removeObject('v1', 'Pod', 'default', launcherPod.metadata.name);
    builder.updateObject(KUBEVIRT, 'VirtualMachine', 'default', vm, (object) => {
      Object.assign(object.status as Record<string, unknown>, {
        conditions: [{ lastProbeTime: secondsBefore(builder, 20), lastTransitionTime: secondsBefore(builder, 20), message: 'VMI does not exist', reason: 'VMINotExists', status: 'False', type: 'Ready' }],
        printableStatus: 'CrashLoopBackOff',
        ready: false,
        startFailure: { consecutiveFailCount: 4, lastFailedVMIUID: '3f0c2b0e-95c4-4b7e-8d1f-6a2e4c9b7d10', retryAfterTimestamp: secondsBefore(builder, -140) },
      });
    });
    return { vm, claim: claim.metadata.name };
  }
  const paused =
    kind === 'paused-io-error'
      ? { lastProbeTime: null, lastTransitionTime: secondsBefore(builder, 4200), message: 'VMI was paused, low-level IO error detected', reason: 'PausedIOError', status: 'True', type: 'Paused' }
      : { lastProbeTime: null, lastTransitionTime: secondsBefore(builder, 4200), message: 'VMI was paused by user', reason: 'PausedByUser', status: 'True', type: 'Paused' };
  for (const kindName of ['VirtualMachineInstance', 'VirtualMachine']) {
    builder.updateObject(KUBEVIRT, kindName, 'default', vm, (object) => {
      const status = object.status as { conditions: { type: string }[]; printableStatus?: string };
      status.conditions = [...status.conditions.filter((condition) => condition.type !== 'LiveMigratable'), paused];
      if (kindName === 'VirtualMachine') status.printableStatus = 'Paused';
    });
  }
  return { vm, claim: claim.metadata.name };
}
