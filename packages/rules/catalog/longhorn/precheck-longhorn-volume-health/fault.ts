import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { upgradeGateDegradedVolumes } from '../../upgrade/upgrade-gate-degraded-volumes/fault.js';

/** A volume with a running engine is degraded (pre-check 12, three or more nodes). */
export function precheckLonghornVolumeHealth(builder: BundleBuilder, options: { robustness?: string } = {}): KubeObject {
  return upgradeGateDegradedVolumes(builder, options);
}
