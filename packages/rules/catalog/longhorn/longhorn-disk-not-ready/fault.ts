/**
 * `longhorn-disk-not-ready`: after a reboot the default disk of the second node was not mounted,
 * so longhorn-manager cannot find its disk config file: the disk is Ready False
 * (DiskFilesystemChanged) and Schedulable False (DiskNotReady), its scheduled replicas are
 * dropped, and the VM volumes' replicas on that node failed — on three nodes the volumes are
 * degraded.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore, updateFirstDiskStatus } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function longhornDiskNotReady(builder: BundleBuilder): { node: string; disk: string; replicas: string[] } {
  const nodes = builder.listObjects(LONGHORN, 'Node', 'longhorn-system');
  const node = nodes[Math.min(1, nodes.length - 1)]!.metadata.name;
  const since = secondsBefore(builder, 5400);
  const disk = updateFirstDiskStatus(builder, node, (status, name, path) => {
    Object.assign(status, {
      conditions: [
        { lastProbeTime: '', lastTransitionTime: since, message: `Disk ${name}(${path}) on node ${node} is not ready: cannot find disk config file, maybe due to a mount error`, reason: 'DiskFilesystemChanged', status: 'False', type: 'Ready' },
        { lastProbeTime: '', lastTransitionTime: since, message: `Disk ${name} (${path}) on the node ${node} is not ready`, reason: 'DiskNotReady', status: 'False', type: 'Schedulable' },
      ],
      scheduledReplica: {},
      storageAvailable: 0,
      storageScheduled: 0,
    });
  });
  const replicas = builder.listObjects(LONGHORN, 'Replica', 'longhorn-system').filter((replica) => (replica.spec as { nodeID: string }).nodeID === node);
  for (const replica of replicas) {
    builder.updateObject(LONGHORN, 'Replica', 'longhorn-system', replica.metadata.name, (object) => {
      Object.assign(object.spec as Record<string, unknown>, { desireState: 'stopped', failedAt: secondsBefore(builder, 5390) });
      Object.assign(object.status as Record<string, unknown>, { currentState: 'stopped', started: false });
    });
    const volume = String((replica.spec as { volumeName: string }).volumeName);
    builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', volume, (object) => {
      const status = object.status as Record<string, unknown>;
      if (status.state === 'attached' && nodes.length > 1) status.robustness = 'degraded';
    });
  }
  return { node, disk, replicas: replicas.map((replica) => replica.metadata.name) };
}
