/** S30: v1.2.0, post-drain job: elemental upgrade exits 33 (undefined state partition). */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addJobPod, addUpgrade, setServerVersion, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function postDrainingElementalStateYaml(builder: BundleBuilder, options: { returnCode?: number } = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  setServerVersion(builder, 'v1.2.0');
  addUpgrade(builder, { from: 'v1.1.2', to: 'v1.2.0', state: 'UpgradingNodes', nodeStatuses: { [node]: { state: 'Post-draining' } } });
  const code = options.returnCode ?? 33;
  const texts = [
    'Running elemental upgrade...',
    ...(code === 33 ? ['ERRO[2023-09-05T08:11:24Z] Invalid upgrade command setup undefined state partition'] : ['ERRO[2023-09-05T08:11:24Z] failed mounting image: no space left on device']),
    `elemental upgrade failed with return code: ${code}`,
  ];
  addJobPod(builder, { job: `hvst-upgrade-7xk2p-post-drain-${node}`, container: 'apply', node, image: 'rancher/harvester-upgrade:v1.2.0', lines: timedLines(builder, [...texts, ...texts], 600) });
}
