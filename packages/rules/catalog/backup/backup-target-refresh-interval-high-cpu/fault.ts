/**
 * S45 `backup-target-refresh-interval-high-cpu` (signatures.md §5): an NFS backup target set
 * without `refreshIntervalInSeconds` (or with 0), as a v1.4.1 cluster has it before the upgrade
 * to v1.4.2. With `refreshIntervalInSeconds: 300`, the near miss (fixed as the pre-check says).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';

export function backupTargetRefreshIntervalHighCpu(builder: BundleBuilder, options: { refreshIntervalInSeconds?: number } = {}): { value: string } {
  const target: Record<string, unknown> = { type: 'nfs', endpoint: 'nfs://192.168.122.50:/exports/harvester-backups' };
  if (options.refreshIntervalInSeconds !== undefined) target.refreshIntervalInSeconds = options.refreshIntervalInSeconds;
  const value = JSON.stringify(target);
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'backup-target', (setting) => {
    setting.value = value;
    setting.metadata.generation = Number(setting.metadata.generation ?? 1) + 1;
    setting.status = { conditions: [{ lastUpdateTime: builder.createdAt, status: 'True', type: 'configured' }] };
  });
  return { value };
}
