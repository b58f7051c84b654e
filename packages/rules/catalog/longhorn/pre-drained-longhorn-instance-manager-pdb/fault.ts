/** S27: v1.4.0 → v1.4.1, node Pre-drained; longhorn-manager: instance-manager PDB removal blocked by an orphan engine. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { logrus } from '../../../../../testdata/generator/pod-logs.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade, setServerVersion } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export const PDB_INSTANCE_MANAGER = 'instance-manager-d80e13f520e7b952f4b7593fc1883e2a';
export const ORPHAN_ENGINE = 'pvc-9ae0e9a5-a630-4f0c-98cc-b14893c74f9e-e-0';

export function preDrainedLonghornInstanceManagerPdb(builder: BundleBuilder, options: { nodeState?: string } = {}): void {
  const nodes = builder.listObjects('v1', 'Node').map((node) => node.metadata.name);
  const stuck = nodes[1]!;
  setServerVersion(builder, 'v1.4.1');
  addUpgrade(builder, { from: 'v1.4.0', to: 'v1.4.1', state: 'UpgradingNodes', nodeStatuses: { [nodes[0]!]: { state: 'Succeeded' }, [stuck]: { state: options.nodeState ?? 'Pre-drained' }, ...(nodes[2] ? { [nodes[2]]: { state: 'Images preloaded' } } : {}) } });
  builder.updateObject('v1', 'Node', undefined, stuck, (node) => {
    (node.spec as Record<string, unknown>).unschedulable = true;
  });
  const manager = builder.listObjects('v1', 'Pod', 'longhorn-system').find((pod) => pod.metadata.name.startsWith('longhorn-manager-') && (pod.spec as { nodeName?: string }).nodeName === stuck)!;
  const lines = [600, 300, 30].map((seconds) =>
    logrus(beforeCreated(builder, seconds), 'info', `Node ${PDB_INSTANCE_MANAGER} is marked unschedulable but removing ${stuck} PDB is blocked: some volumes are still attached InstanceEngines count 1 ${ORPHAN_ENGINE}`),
  );
  builder.addPodLog('longhorn-system', manager.metadata.name, 'longhorn-manager', lines);
}
