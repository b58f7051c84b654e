/** S35: after a finished v1.4.0 → v1.4.1 upgrade, "Dismiss it" in Rancher cleared the status and the upgrade restarted. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addUpgrade } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function upgradeStatusWipedDismissIt(builder: BundleBuilder, options: { completed?: boolean } = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const version = String(builder.getObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version')!.value);
  if (options.completed) {
    addUpgrade(builder, { from: 'v1.4.0', to: version, state: 'Succeeded', nodeStatuses: { [node]: { state: 'Succeeded' } } });
    return;
  }
  addUpgrade(builder, {
    from: 'v1.4.0',
    to: version,
    state: 'PreparingLoggingInfra',
    startedSecondsAgo: 26 * 3600,
    status: { conditions: [{ lastUpdateTime: builder.createdAt, status: 'Unknown', type: 'Completed' }, { lastUpdateTime: builder.createdAt, status: 'Unknown', type: 'LogReady' }] },
  });
}
