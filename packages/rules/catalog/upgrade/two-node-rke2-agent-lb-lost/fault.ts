/** S25: two-node v1.3.1 → v1.3.2; management node Pre-drained, worker NotReady at Images preloaded. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addUpgrade, setServerVersion } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function twoNodeRke2AgentLbLost(builder: BundleBuilder, options: { workerReady?: boolean } = {}): void {
  const [management, worker] = builder.listObjects('v1', 'Node').map((node) => node.metadata.name);
  setServerVersion(builder, 'v1.3.2');
  builder.updateObject('v1', 'Node', undefined, management!, (node) => {
    (node.spec as Record<string, unknown>).unschedulable = true;
  });
  builder.updateObject('v1', 'Node', undefined, worker!, (node) => {
    const labels = node.metadata.labels as Record<string, string>;
    for (const role of ['control-plane', 'etcd', 'master']) delete labels[`node-role.kubernetes.io/${role}`];
    if (!options.workerReady) {
      const ready = (node.status as { conditions: Record<string, unknown>[] }).conditions.find((condition) => condition.type === 'Ready')!;
      Object.assign(ready, { message: 'Kubelet stopped posting node status.', reason: 'NodeStatusUnknown', status: 'Unknown' });
    }
  });
  addUpgrade(builder, { from: 'v1.3.1', to: 'v1.3.2', state: 'UpgradingNodes', nodeStatuses: { [management!]: { state: 'Pre-drained' }, [worker!]: { state: 'Images preloaded' } } });
}
