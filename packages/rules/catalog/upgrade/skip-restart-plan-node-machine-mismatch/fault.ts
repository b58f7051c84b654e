/** S33: v1.3.2 → v1.4.0; a node without a CAPI Machine lacks harvesterhci.io/managed, the skip-restart plan never completes. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addJobPod, addUpgrade, setServerVersion, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function skipRestartPlanNodeMachineMismatch(builder: BundleBuilder, options: { allManaged?: boolean } = {}): string {
  const nodes = builder.listObjects('v1', 'Node').map((node) => node.metadata.name);
  const orphan = nodes.at(-1)!;
  setServerVersion(builder, 'v1.4.0');
  if (!options.allManaged) {
    builder.updateObject('v1', 'Node', undefined, orphan, (node) => {
      delete (node.metadata.labels as Record<string, string>)['harvesterhci.io/managed'];
    });
    const machine = builder.listObjects('cluster.x-k8s.io/v1beta1', 'Machine', 'fleet-local').find((m) => JSON.stringify(m).includes(orphan));
    if (machine) builder.removeObject('cluster.x-k8s.io/v1beta1', 'Machine', 'fleet-local', machine.metadata.name);
  }
  addUpgrade(builder, { from: 'v1.3.2', to: 'v1.4.0', state: 'UpgradingSystemServices' });
  const texts = Array.from({ length: 30 }, () => 'Waiting for plan hvst-upgrade-7xk2p-skip-restart-rancher-system-agent to complete...');
  addJobPod(builder, { job: 'hvst-upgrade-7xk2p-apply-manifests', container: 'apply', node: nodes[0]!, image: 'rancher/harvester-upgrade:v1.4.0', lines: timedLines(builder, texts, 10) });
  return orphan;
}
