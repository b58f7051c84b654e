import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { LONGHORN } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { upgradeGateDegradedVolumes } from '../../upgrade/upgrade-gate-degraded-volumes/fault.js';

/** A volume with a running engine is degraded (pre-check 12, three or more nodes). */
export function precheckLonghornVolumeHealth(builder: BundleBuilder, options: { robustness?: string } = {}): KubeObject {
  return upgradeGateDegradedVolumes(builder, options);
}

/** The stopped VM's detached volume was set to one replica (pre-check 12's data-integrity branch, v1.4.0 and later). */
export function detachedSingleReplicaVolume(builder: BundleBuilder): KubeObject {
  const volume = builder.listObjects(LONGHORN, 'Volume', 'longhorn-system').find((candidate) => (candidate.status as { state?: string }).state === 'detached');
  if (!volume) throw new Error('no detached Longhorn volume in this bundle (start from healthyCluster, which has a stopped VM)');
  builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', volume.metadata.name, (object) => {
    (object.spec as Record<string, unknown>).numberOfReplicas = 1;
  });
  return builder.getObject(LONGHORN, 'Volume', 'longhorn-system', volume.metadata.name)!;
}
