import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { upgradeGateNonLiveMigratableVms } from '../../upgrade/upgrade-gate-non-live-migratable-vms/fault.js';

/** A running VM with a CD-ROM, and (optionally) restoreVM set in upgrade-config (pre-check 15). */
export function precheckVirtualMachines(builder: BundleBuilder, options: { restoreVM?: boolean } = {}): string {
  const name = upgradeGateNonLiveMigratableVms(builder);
  if (options.restoreVM !== undefined) {
    builder.addObject({
      apiVersion: 'harvesterhci.io/v1beta1',
      kind: 'Setting',
      metadata: { name: 'upgrade-config' },
      default: '{"imagePreloadOption":{"strategy":{"type":"sequential"}},"restoreVM":false}',
      value: `{"imagePreloadOption":{"strategy":{"type":"sequential"}},"restoreVM":${options.restoreVM}}`,
    });
  }
  return name;
}
export type { KubeObject };
