/**
 * `longhorn-replica-failed`: one replica of a VM volume (the last one, on the last replica node)
 * has failed. `failed` (default): Longhorn marked it failed twelve minutes ago (spec.failedAt,
 * desireState stopped) and keeps it for reuse. `error`: its process just crashed (currentState
 * error) and the volume controller has not marked it yet. `rebuilt`: the near miss — it failed
 * earlier, was reused and rebuilt (failedAt cleared, healthyAt recent), and is running again.
 * The volume object is left as it is: longhorn-volume-degraded's fault degrades it.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, longhornVolumes, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function longhornReplicaFailed(builder: BundleBuilder, options: { state?: 'failed' | 'error' | 'rebuilt' } = {}): { replica: string; volume: string; node: string } {
  const volume = longhornVolumes(builder)[0]!.metadata.name;
  const replica = builder.listObjects(LONGHORN, 'Replica', 'longhorn-system').filter((candidate) => (candidate.spec as { volumeName: string }).volumeName === volume).at(-1)!;
  const state = options.state ?? 'failed';
  builder.updateObject(LONGHORN, 'Replica', 'longhorn-system', replica.metadata.name, (object) => {
    const spec = object.spec as Record<string, unknown>;
    const status = object.status as Record<string, unknown>;
    if (state === 'failed') {
      Object.assign(spec, { desireState: 'stopped', failedAt: secondsBefore(builder, 720) });
      Object.assign(status, { currentState: 'stopped', started: false });
    } else if (state === 'error') {
      status.currentState = 'error';
    } else {
      Object.assign(spec, { failedAt: '', healthyAt: secondsBefore(builder, 300), lastFailedAt: secondsBefore(builder, 1500) });
    }
  });
  return { replica: replica.metadata.name, volume, node: String((replica.spec as { nodeID: string }).nodeID) };
}
