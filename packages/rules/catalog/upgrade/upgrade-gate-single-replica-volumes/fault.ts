import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { longhornVolumes } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

/** The first VM volume was set to one replica and is attached (validator check 10). */
export function upgradeGateSingleReplicaVolumes(builder: BundleBuilder, options: { state?: string } = {}): KubeObject {
  const volume = longhornVolumes(builder)[0]!;
  builder.updateObject(volume.apiVersion, 'Volume', 'longhorn-system', volume.metadata.name, (object) => {
    (object.spec as Record<string, unknown>).numberOfReplicas = 1;
    (object.status as Record<string, unknown>).state = options.state ?? 'attached';
  });
  return builder.getObject(volume.apiVersion, 'Volume', 'longhorn-system', volume.metadata.name)!;
}
