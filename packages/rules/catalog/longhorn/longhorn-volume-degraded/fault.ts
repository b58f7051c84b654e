/**
 * S38 `longhorn-volume-degraded` (signatures.md §4): one replica of a VM volume failed and its
 * rebuild keeps failing, so the volume is `degraded`; longhorn-manager logs the failed rebuilds
 * (as in longhorn#3683). On a cluster of 3+ nodes the upgrade validator refuses the upgrade.
 * With `rebuildRecovered`, the near miss: the rebuild failures are in the log, but the replica
 * was rebuilt afterwards and every volume is healthy again.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, firstPod, longhornVolumes, logrusLine, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface LonghornVolumeDegradedOptions {
  /** Which volume (index into the sorted volumes); default 0. */
  volume?: number;
  /** Write the failed-rebuild lines into longhorn-manager's log (default true). */
  logs?: boolean;
  /** Near miss: the rebuild failed earlier but succeeded later; the volume is healthy. */
  rebuildRecovered?: boolean;
}

export function longhornVolumeDegraded(builder: BundleBuilder, options: LonghornVolumeDegradedOptions = {}): { volume: string } {
  const volume = longhornVolumes(builder)[options.volume ?? 0]!;
  const name = volume.metadata.name;
  const replicas = builder.listObjects(LONGHORN, 'Replica', 'longhorn-system').filter((replica) => replica.metadata.labels && (replica.metadata.labels as Record<string, string>).longhornvolume === name);
  const failed = replicas[replicas.length - 1];
  if (!options.rebuildRecovered) {
    builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', name, (object) => {
      (object.status as { robustness: string }).robustness = 'degraded';
    });
    if (failed) {
      builder.updateObject(LONGHORN, 'Replica', 'longhorn-system', failed.metadata.name, (object) => {
        (object.spec as Record<string, unknown>).failedAt = secondsBefore(builder, 1900);
        (object.spec as Record<string, unknown>).desireState = 'stopped';
        (object.status as Record<string, unknown>).currentState = 'error';
      });
    }
  }
  if (options.logs === false) return { volume: name };
  const manager = firstPod(builder, 'longhorn-system', 'longhorn-manager-');
  const replica = failed?.metadata.name ?? `${name}-r-2`;
  const fields = `controller=longhorn-engine engine=${name}-e-0 node=${String((manager.spec as { nodeName?: string }).nodeName)} volume=${name}`;
  const lines = [
    logrusLine(builder, 280, 'error', `Failed rebuilding of replica 10.52.2.9:10030`, `${fields} error="proxyServer=10.52.0.9:8501 destination=10.52.0.9:10010: failed to add replica tcp://10.52.2.9:10030 for volume: rpc error: code = Unknown desc = failed to sync files"`),
    logrusLine(builder, 279, 'warning', `Event(v1.ObjectReference{Kind:\"Engine\", Namespace:\"longhorn-system\", Name:\"${name}-e-0\", UID:\"\", APIVersion:\"longhorn.io/v1beta2\", ResourceVersion:\"\", FieldPath:\"\"}): type: 'Warning' reason: 'FailedRebuilding' Failed rebuilding replica with Address 10.52.2.9:10030: proxyServer=10.52.0.9:8501 destination=10.52.0.9:10010: failed to add replica tcp://10.52.2.9:10030 for volume: rpc error: code = Unknown desc = failed to sync files`),
    logrusLine(builder, 200, 'error', `fail to start rebuild for ${replica} of ${name}: timed out waiting for the condition`, fields),
  ];
  if (options.rebuildRecovered) lines.push(logrusLine(builder, 90, 'info', `Replica ${replica} of volume ${name} has been rebuilt`, fields));
  builder.addPodLog('longhorn-system', manager.metadata.name, 'longhorn-manager', lines);
  return { volume: name };
}
