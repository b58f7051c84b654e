import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { upgradeGateDegradedVolumes } from './upgrade-gate-degraded-volumes.js';

/** A volume with a running engine is degraded (pre-check 12, three or more nodes). */
export function precheckLonghornVolumeHealth(builder: BundleBuilder, options: { robustness?: string } = {}): KubeObject {
  return upgradeGateDegradedVolumes(builder, options);
}
