/** S29: node Pre-drained and cordoned; a single-replica volume has its only replica there. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addUpgrade } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';
import { longhornVolumes } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function singleReplicaVolumeBlocksDrain(builder: BundleBuilder, options: { replicaElsewhere?: boolean } = {}): string {
  const nodes = builder.listObjects('v1', 'Node').map((node) => node.metadata.name);
  const stuck = nodes[1]!;
  addUpgrade(builder, { from: 'v1.4.1', to: 'v1.4.2', state: 'UpgradingNodes', nodeStatuses: Object.fromEntries(nodes.map((node, i) => [node, { state: i === 0 ? 'Succeeded' : i === 1 ? 'Pre-drained' : 'Images preloaded' }])) });
  builder.updateObject('v1', 'Node', undefined, stuck, (node) => {
    (node.spec as Record<string, unknown>).unschedulable = true;
  });
  const volume = longhornVolumes(builder)[0]!.metadata.name;
  builder.updateObject('longhorn.io/v1beta2', 'Volume', 'longhorn-system', volume, (object) => {
    (object.spec as Record<string, unknown>).numberOfReplicas = 1;
  });
  const replicas = builder.listObjects('longhorn.io/v1beta2', 'Replica', 'longhorn-system').filter((replica) => (replica.spec as { volumeName: string }).volumeName === volume);
  const keep = replicas.find((replica) => ((replica.spec as { nodeID: string }).nodeID === stuck) !== Boolean(options.replicaElsewhere))!;
  for (const replica of replicas) if (replica !== keep) builder.removeObject('longhorn.io/v1beta2', 'Replica', 'longhorn-system', replica.metadata.name);
  return volume;
}
