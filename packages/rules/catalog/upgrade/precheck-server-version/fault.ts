import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The server-version setting lost its value (pre-check step 0). */
export function precheckServerVersion(builder: BundleBuilder, options: { value?: string } = {}): void {
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
    setting.value = options.value ?? '';
  });
}
export type { KubeObject };
