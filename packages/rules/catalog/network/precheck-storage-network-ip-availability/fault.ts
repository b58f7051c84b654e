/**
 * Pre-check 19: a storage network sized without headroom. The range is a /28 with the gateway
 * excluded (13 usable addresses); every Longhorn instance manager and backing image manager, and
 * with RWX volumes on the storage network every longhorn-csi-plugin pod, holds one. On three
 * nodes 9 are taken and 4 left, while the upgrade needs 7 (3 + 3 + 1 for RWX).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { LONGHORN } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addIpPool, csiPluginPods, setHarvesterSetting, setLonghornSetting } from '../../../../../testdata/generator/fault-support/whereabouts-objects.js';

export interface StorageNetworkOptions {
  /** The storage network's CIDR (default `192.168.100.0/28`). */
  range?: string;
  exclude?: string[];
  /** How RWX volumes are put on the storage network: the Longhorn setting (v1.4), rwx-network (v1.5+), or not at all. */
  rwx?: 'longhorn-setting' | 'rwx-network' | 'none';
}

export function precheckStorageNetworkIpAvailability(builder: BundleBuilder, options: StorageNetworkOptions = {}): KubeObject {
  const range = options.range ?? '192.168.100.0/28';
  const exclude = options.exclude ?? ['192.168.100.1/32'];
  const rwx = options.rwx ?? 'longhorn-setting';
  const nad = 'harvester-system/storagenetwork-k8w2d';
  setHarvesterSetting(builder, 'storage-network', JSON.stringify({ vlan: 100, clusterNetwork: 'storage', range, exclude }), {
    'storage-network.settings.harvesterhci.io/hash': 'b1f9c4d0a4d3e1f2c7a8e6b5d4c3b2a1f0e9d8c7',
    'storage-network.settings.harvesterhci.io/net-attach-def': nad,
  });
  setLonghornSetting(builder, 'storage-network', nad);
  if (rwx === 'longhorn-setting') setLonghornSetting(builder, 'storage-network-for-rwx-volume-enabled', 'true');
  if (rwx === 'rwx-network') setHarvesterSetting(builder, 'rwx-network', '{"share-storage-network":true}');

  const instanceManagers = builder.listObjects(LONGHORN, 'InstanceManager', 'longhorn-system').map((manager) => manager.metadata.name);
  const backingImageManagers = addBackingImageManagers(builder);
  const rwxPods = rwx === 'none' ? [] : csiPluginPods(builder);
  return addIpPool(builder, range, exclude, [...instanceManagers, ...backingImageManagers, ...rwxPods].map((pod) => `longhorn-system/${pod}`));
}

/** One backing image manager per Longhorn disk, serving the cluster's VM image. */
function addBackingImageManagers(builder: BundleBuilder): string[] {
  const names: string[] = [];
  for (const node of builder.listObjects(LONGHORN, 'Node', 'longhorn-system')) {
    const diskStatus = ((node.status as { diskStatus?: Record<string, { diskUUID: string; diskPath: string }> }).diskStatus ?? {});
    for (const disk of Object.values(diskStatus)) {
      const name = `backing-image-manager-5d6a-${disk.diskUUID.slice(0, 4)}`;
      names.push(name);
      builder.addObject({
        apiVersion: LONGHORN,
        kind: 'BackingImageManager',
        metadata: { creationTimestamp: builder.createdAt, generation: 1, labels: { 'longhorn.io/component': 'backing-image-manager', 'longhorn.io/disk-uuid': disk.diskUUID, 'longhorn.io/node': node.metadata.name }, name, namespace: 'longhorn-system' },
        spec: { backingImages: { 'vmi-3c5e0a84-image-ubuntu': 'd1a6c0f1-7b2e-4b47-9a5e-3f0c2a1b9e77' }, diskPath: disk.diskPath, diskUUID: disk.diskUUID, image: 'longhornio/backing-image-manager:v1.7.2', nodeID: node.metadata.name },
        status: { backingImageFileMap: {}, currentState: 'running', ip: '10.52.0.31', ownerID: node.metadata.name, storageIP: '192.168.100.5' },
      });
    }
  }
  return names;
}
export type { KubeObject };
