/** S20: apply-manifests loops on a non-ready ManagedChart (mcc-harvester WaitApplied) in UpgradingSystemServices. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addJobPod, addUpgrade, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export interface ApplyManifestsWaitingOptions {
  /** Near miss: the chart became ready after a short wait and apply-manifests moved on. */
  recovered?: boolean;
}

export function applyManifestsWaitingManagedchart(builder: BundleBuilder, options: ApplyManifestsWaitingOptions = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  addUpgrade(builder, { from: 'v1.4.1', to: 'v1.4.2', state: 'UpgradingSystemServices', nodeStatuses: { [node]: { state: 'Images preloaded' } } });
  const texts: string[] = ['Upgrading Harvester chart to 1.4.2', 'managedchart.management.cattle.io/harvester patched'];
  const loops = options.recovered ? 6 : 150;
  for (let i = 0; i < loops; i += 1) texts.push(`Current version: 1.4.2, Current state: WaitApplied, Current generation: ${4 + (i > 2 ? 1 : 0)}`, 'Sleep for 5 seconds to retry');
  if (options.recovered) texts.push('Current version: 1.4.2, Current state: Ready, Current generation: 5', 'Harvester chart is ready');
  addJobPod(builder, { job: 'hvst-upgrade-7xk2p-apply-manifests', container: 'apply', node, image: 'rancher/harvester-upgrade:v1.4.2', lines: timedLines(builder, texts, 2.5) });
  if (!options.recovered) {
    builder.updateObject('fleet.cattle.io/v1alpha1', 'Bundle', 'fleet-local', 'mcc-harvester', (bundle) => {
      const status = bundle.status as { conditions: { type: string; status: string; message?: string }[] };
      const ready = status.conditions.find((condition) => condition.type === 'Ready')!;
      ready.status = 'False';
      ready.message = 'WaitApplied(1) [Cluster fleet-local/local]';
    });
  }
}
