/**
 * `longhorn-disk-not-schedulable`: the default disk of the last node is nearly full (50 MiB left
 * of 1 TiB): with storage-minimal-available-percentage 25 longhorn-manager marks it Schedulable
 * False, reason DiskPressure, with its own message. With `pressureReleased`, the near miss: space
 * was freed and the disk is schedulable again (the condition's lastTransitionTime is recent).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore, updateFirstDiskStatus } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function longhornDiskPressure(builder: BundleBuilder, options: { pressureReleased?: boolean } = {}): { node: string; disk: string } {
  const node = builder.listObjects(LONGHORN, 'Node', 'longhorn-system').at(-1)!.metadata.name;
  const since = secondsBefore(builder, options.pressureReleased ? 600 : 7200);
  const disk = updateFirstDiskStatus(builder, node, (status, name, path) => {
    status.storageAvailable = options.pressureReleased ? 402_653_184_000 : 52_428_800;
    const conditions = (status.conditions as Record<string, unknown>[]).filter((condition) => condition.type !== 'Schedulable');
    status.conditions = conditions;
    conditions.push(
      options.pressureReleased
        ? { lastProbeTime: '', lastTransitionTime: since, message: `Disk ${name}(${path}) on node ${node} is schedulable`, reason: '', status: 'True', type: 'Schedulable' }
        : { lastProbeTime: '', lastTransitionTime: since, message: `Disk ${name} (${path}) on the node ${node} has 52428800 available, but requires reserved 0, minimal 25% to schedule more replicas`, reason: 'DiskPressure', status: 'False', type: 'Schedulable' },
    );
  });
  return { node, disk };
}
