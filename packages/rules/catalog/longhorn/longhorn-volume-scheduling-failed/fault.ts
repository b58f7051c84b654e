/**
 * `longhorn-volume-scheduling-failed`: on three nodes, the replica of the first VM disk on the
 * last node failed and was removed; the only node without a replica of that volume is that last
 * node, whose disk is nearly full (DiskPressure), so the scheduler cannot place the replacement:
 * the volume's Scheduled condition is False with longhorn-manager's "insufficient storage;precheck
 * new replica failed", and the volume runs degraded. With `scheduled`, the near miss: the
 * replacement was placed and rebuilt, the condition is True again.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, longhornVolumes, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { longhornDiskPressure } from '../longhorn-disk-not-schedulable/fault.js';

export function longhornVolumeSchedulingFailed(builder: BundleBuilder, options: { scheduled?: boolean } = {}): { volume: string; pvc: string } {
  const volume = longhornVolumes(builder)[0]!;
  const name = volume.metadata.name;
  const since = secondsBefore(builder, options.scheduled ? 200 : 3300);
  if (!options.scheduled) {
    longhornDiskPressure(builder);
    const replica = builder.listObjects(LONGHORN, 'Replica', 'longhorn-system').filter((candidate) => (candidate.spec as { volumeName: string }).volumeName === name).at(-1)!;
    builder.removeObject(LONGHORN, 'Replica', 'longhorn-system', replica.metadata.name);
  }
  builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', name, (object) => {
    const status = object.status as { robustness: string; conditions: Record<string, unknown>[] };
    if (!options.scheduled) status.robustness = 'degraded';
    status.conditions = status.conditions.map((condition) =>
      condition.type !== 'Scheduled'
        ? condition
        : options.scheduled
          ? { ...condition, lastTransitionTime: since }
          : { ...condition, lastTransitionTime: since, message: 'insufficient storage;precheck new replica failed', reason: 'ReplicaSchedulingFailure', status: 'False' },
    );
  });
  return { volume: name, pvc: String((volume.status as { kubernetesStatus: { pvcName: string } }).kubernetesStatus.pvcName) };
}
