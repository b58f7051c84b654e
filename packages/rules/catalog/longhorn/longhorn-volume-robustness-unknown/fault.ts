/**
 * `longhorn-volume-robustness-unknown`: the node that runs the first VM disk's engine lost its
 * network to the rest of the cluster; longhorn-manager cannot reach that node's instance manager,
 * so the instance manager and the engine are in state unknown and the attached volume's robustness
 * is unknown. `detached` is the near miss the healthy cluster already has (a stopped VM's disk).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, longhornVolumes } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function longhornVolumeRobustnessUnknown(builder: BundleBuilder): { volume: string; pvc: string; node: string; engine: string } {
  const volume = longhornVolumes(builder)[0]!;
  const name = volume.metadata.name;
  const node = String((volume.status as { currentNodeID: string }).currentNodeID);
  builder.updateObject(LONGHORN, 'Volume', 'longhorn-system', name, (object) => {
    (object.status as Record<string, unknown>).robustness = 'unknown';
  });
  const engine = builder.listObjects(LONGHORN, 'Engine', 'longhorn-system').find((candidate) => (candidate.spec as { volumeName: string }).volumeName === name)!;
  builder.updateObject(LONGHORN, 'Engine', 'longhorn-system', engine.metadata.name, (object) => {
    (object.status as Record<string, unknown>).currentState = 'unknown';
  });
  for (const manager of builder.listObjects(LONGHORN, 'InstanceManager', 'longhorn-system')) {
    if ((manager.spec as { nodeID: string }).nodeID !== node) continue;
    builder.updateObject(LONGHORN, 'InstanceManager', 'longhorn-system', manager.metadata.name, (object) => {
      (object.status as Record<string, unknown>).currentState = 'unknown';
    });
  }
  return { volume: name, pvc: String((volume.status as { kubernetesStatus: { pvcName: string } }).kubernetesStatus.pvcName), node, engine: engine.metadata.name };
}
