import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { longhornVolumes } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

/** The first VM was stopped but its volume stayed attached; Longhorn still lists the old pod as Succeeded (pre-check 13). */
export function precheckStaleLonghornVolumes(builder: BundleBuilder, options: { podStatus?: string } = {}): KubeObject {
  const volume = longhornVolumes(builder)[0]!;
  builder.updateObject(volume.apiVersion, 'Volume', 'longhorn-system', volume.metadata.name, (object) => {
    const workloads = (object.status as { kubernetesStatus: { workloadsStatus: Record<string, string>[] } }).kubernetesStatus.workloadsStatus;
    workloads[0]!.podStatus = options.podStatus ?? 'Succeeded';
  });
  return builder.getObject(volume.apiVersion, 'Volume', 'longhorn-system', volume.metadata.name)!;
}
