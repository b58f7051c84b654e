/**
 * S41 `rwx-migratable-vm-restart-on-csi-restart` (signatures.md §4): the Longhorn setting
 * `auto-delete-pod-when-volume-detached-unexpectedly` as Longhorn creates it (default `true`),
 * on a cluster whose VM disks are migratable RWX volumes (as Harvester makes them). `value:
 * 'false'` gives the near miss: the setting was disabled before the upgrade, as the docs say.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function rwxMigratableVmRestartOnCsiRestart(builder: BundleBuilder, options: { value?: 'true' | 'false' } = {}): void {
  const value = options.value ?? 'true';
  builder.addObject({
    apiVersion: LONGHORN,
    kind: 'Setting',
    metadata: { creationTimestamp: secondsBefore(builder, 30 * 86400 - 21 * 60), generation: value === 'true' ? 1 : 2, name: 'auto-delete-pod-when-volume-detached-unexpectedly', namespace: 'longhorn-system' },
    status: { applied: true },
    value,
  });
}
