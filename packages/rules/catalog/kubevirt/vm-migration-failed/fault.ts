/**
 * `vm-migration-failed`: a live migration of ubuntu-2204-web (started from the UI, or by a node
 * entering maintenance mode) failed `hoursAgo` hours before the bundle (default 2) because its
 * target launcher pod went down: the VirtualMachineInstanceMigration is Failed and records
 * "Target pod is down" (KubeVirt v1.3 migrationState), the VM keeps running on its source node.
 * With `hoursAgo: 72`, the near miss: an old failure, history by now.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { KUBEVIRT, uuidFrom, vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export function vmMigrationFailed(builder: BundleBuilder, options: { hoursAgo?: number; reason?: boolean } = {}): { migration: string; vm: string; source: string; target: string } {
  const vm = 'ubuntu-2204-web';
  const seconds = (options.hoursAgo ?? 2) * 3600;
  const source = String((vmParts(builder, vm).vmi!.status as { nodeName: string }).nodeName);
  const target = builder.listObjects('v1', 'Node').map((node) => node.metadata.name).find((node) => node !== source) ?? source;
  const name = `${vm}-fq2wd`;
  const at = (offset: number) => secondsBefore(builder, seconds - offset);
  const phases: [string, number][] = [['Pending', 0], ['Scheduling', 1], ['Scheduled', 6], ['PreparingTarget', 7], ['Failed', 48]];
  builder.addObject({
    apiVersion: KUBEVIRT,
    kind: 'VirtualMachineInstanceMigration',
    metadata: { annotations: { 'kubevirt.io/latest-observed-api-version': 'v1', 'kubevirt.io/storage-observed-api-version': 'v1' }, creationTimestamp: at(0), generateName: `${vm}-`, generation: 1, labels: { 'kubevirt.io/vmi-name': vm }, name, namespace: 'default', uid: uuidFrom(`migration/${name}`) },
    spec: { vmiName: vm },
    status: {
      ...(options.reason === false ? {} : { migrationState: { completed: true, endTimestamp: at(48), failed: true, failureReason: 'Target pod is down', migrationUid: uuidFrom(`migration/${name}`), mode: 'PreCopy', sourceNode: source, startTimestamp: at(47), targetNode: target } }),
      phase: 'Failed',
      phaseTransitionTimestamps: phases.map(([phase, offset]) => ({ phase, phaseTransitionTimestamp: at(offset) })),
    },
  });
  return { migration: name, vm, source, target };
}
