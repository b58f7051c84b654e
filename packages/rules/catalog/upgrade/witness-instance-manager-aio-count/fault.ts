/** S26: v1.3.1 → v1.3.2 with a witness node; apply-manifests loops on the aio instance-manager count. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addJobPod, addUpgrade, setServerVersion, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function witnessInstanceManagerAioCount(builder: BundleBuilder, options: { witness?: boolean } = {}): void {
  const nodes = builder.listObjects('v1', 'Node').map((node) => node.metadata.name);
  const witness = nodes.at(-1)!;
  setServerVersion(builder, 'v1.3.2');
  if (options.witness !== false) {
    builder.updateObject('v1', 'Node', undefined, witness, (node) => {
      (node.metadata.labels as Record<string, string>)['node-role.harvesterhci.io/witness'] = 'true';
      (node.spec as Record<string, unknown>).taints = [{ effect: 'NoExecute', key: 'node-role.kubernetes.io/etcd', value: 'true' }];
    });
  }
  addUpgrade(builder, { from: 'v1.3.1', to: 'v1.3.2', state: 'UpgradingSystemServices' });
  const texts = Array.from({ length: 20 }, () => `instance-manager (aio) (image=longhornio/longhorn-instance-manager:v1.6.2) count is not 1 on node ${witness}, will retry...`);
  addJobPod(builder, { job: 'hvst-upgrade-7xk2p-apply-manifests', container: 'apply', node: nodes[0]!, image: 'rancher/harvester-upgrade:v1.3.2', lines: timedLines(builder, texts, 10) });
}
