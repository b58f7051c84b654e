import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { longhornVolumes } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

/** One Longhorn volume lost a replica and is rebuilding: robustness degraded (validator check 1). */
export function upgradeGateDegradedVolumes(builder: BundleBuilder, options: { robustness?: string } = {}): KubeObject {
  const volume = longhornVolumes(builder)[0]!;
  builder.updateObject(volume.apiVersion, 'Volume', 'longhorn-system', volume.metadata.name, (object) => {
    (object.status as Record<string, unknown>).robustness = options.robustness ?? 'degraded';
  });
  return builder.getObject(volume.apiVersion, 'Volume', 'longhorn-system', volume.metadata.name)!;
}
