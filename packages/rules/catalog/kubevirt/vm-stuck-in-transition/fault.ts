/**
 * `vm-stuck-in-transition`: a VM of the healthy cluster held in a transitional state for
 * `minutes`.
 * - `starting`: ubuntu-2204-web was restarted; its new launcher pod was scheduled but its
 *   compute container is still ContainerCreating (the volume never attached).
 * - `stopping`: sles15-sp6-db was stopped; the VMI has its deletionTimestamp but the guest
 *   ignores the ACPI shutdown and the launcher pod stays.
 * - `migrating`: ubuntu-2204-web is live-migrating to another node and does not converge (a busy
 *   guest dirties memory faster than it is copied); the migration object is Running.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { KUBEVIRT, uuidFrom, vmNotStarted, vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export type VmTransition = 'starting' | 'stopping' | 'migrating';

export function vmStuckInTransition(builder: BundleBuilder, transition: VmTransition, minutes: number): { vm: string; node: string } {
  const seconds = minutes * 60;
  if (transition === 'starting') {
    const vm = 'ubuntu-2204-web';
    vmNotStarted(builder, vm, { printableStatus: 'Starting', sinceSeconds: seconds, vmiPhase: 'Scheduled' });
    return { vm, node: String((vmParts(builder, vm).vmi!.status as { nodeName: string }).nodeName) };
  }
  if (transition === 'stopping') {
    const vm = 'sles15-sp6-db';
    const parts = vmParts(builder, vm);
    const since = secondsBefore(builder, seconds);
    builder.updateObject(KUBEVIRT, 'VirtualMachineInstance', 'default', vm, (vmi) => {
      vmi.metadata.deletionTimestamp = since;
      vmi.metadata.deletionGracePeriodSeconds = 120;
    });
    if (parts.launcherPod) {
      builder.updateObject('v1', 'Pod', 'default', parts.launcherPod.metadata.name, (pod) => {
        pod.metadata.deletionTimestamp = secondsBefore(builder, seconds - 1);
        pod.metadata.deletionGracePeriodSeconds = 150;
      });
    }
    builder.updateObject(KUBEVIRT, 'VirtualMachine', 'default', vm, (object) => {
      (object.spec as Record<string, unknown>).runStrategy = 'Halted';
      Object.assign(object.status as Record<string, unknown>, { printableStatus: 'Stopping', runStrategy: 'Halted' });
    });
    return { vm, node: String((parts.vmi!.status as { nodeName: string }).nodeName) };
  }
  const vm = 'ubuntu-2204-web';
  const { vmi } = vmParts(builder, vm);
  const source = String((vmi!.status as { nodeName: string }).nodeName);
  const target = builder.listObjects('v1', 'Node').map((node) => node.metadata.name).find((node) => node !== source)!;
  const uid = uuidFrom(`migration/${vm}/${minutes}`);
  const since = secondsBefore(builder, seconds);
  const phases = ['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running'];
  builder.addObject({
    apiVersion: KUBEVIRT,
    kind: 'VirtualMachineInstanceMigration',
    metadata: { creationTimestamp: since, finalizers: ['kubevirt.io/migrationJobFinalize'], generateName: `${vm}-`, generation: 1, labels: { 'kubevirt.io/vmi-name': vm }, name: `${vm}-mq7zd`, namespace: 'default', uid },
    spec: { vmiName: vm },
    status: { phase: 'Running', phaseTransitionTimestamps: phases.map((phase, index) => ({ phase, phaseTransitionTimestamp: secondsBefore(builder, seconds - index * 3) })) },
  });
  builder.updateObject(KUBEVIRT, 'VirtualMachineInstance', 'default', vm, (object) => {
    (object.status as Record<string, unknown>).migrationState = { migrationUid: uid, mode: 'PreCopy', sourceNode: source, startTimestamp: secondsBefore(builder, seconds - 15), targetNode: target, targetNodeAddress: '10.52.1.14' };
  });
  builder.updateObject(KUBEVIRT, 'VirtualMachine', 'default', vm, (object) => {
    (object.status as Record<string, unknown>).printableStatus = 'Migrating';
  });
  return { vm, node: source };
}
