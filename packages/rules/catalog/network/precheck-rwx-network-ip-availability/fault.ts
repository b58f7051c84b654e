/**
 * Pre-check 20: a dedicated RWX network (v1.5+ rwx-network, "share-storage-network": false)
 * whose /29 range (gateway excluded: 5 addresses) is used up by the longhorn-csi-plugin pods and
 * the share-manager pods of the RWX volumes, so the RWX volume the upgrade mounts gets none.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';
import { addIpPool, csiPluginPods, setHarvesterSetting } from '../../../../../testdata/generator/fault-support/whereabouts-objects.js';

export const RWX_RANGE = '172.16.0.0/29';

export function precheckRwxNetworkIpAvailability(builder: BundleBuilder, options: { freeAddresses?: number } = {}): KubeObject {
  const exclude = ['172.16.0.1/32'];
  setServerVersion(builder, 'v1.5.1');
  setHarvesterSetting(
    builder,
    'rwx-network',
    JSON.stringify({ 'share-storage-network': false, network: { vlan: 2017, clusterNetwork: 'rwx', range: RWX_RANGE, exclude } }),
    { 'rwx-network.settings.harvesterhci.io/net-attach-def': 'harvester-system/rwx-network-b7vxs' },
  );
  const assignable = 5;
  const pods = csiPluginPods(builder).map((pod) => `longhorn-system/${pod}`);
  for (let index = 0; pods.length < assignable - (options.freeAddresses ?? 0); index += 1) {
    pods.push(`longhorn-system/share-manager-pvc-${['5f0c2b1e', '8a3d9e47', '1b6f4c20', 'c94e7a13', '72d0b8f5'][index]}-7d3c-4a1e-9b2f-0c6e1d8a4f3${index}`);
  }
  return addIpPool(builder, RWX_RANGE, exclude, pods);
}
export type { KubeObject };
