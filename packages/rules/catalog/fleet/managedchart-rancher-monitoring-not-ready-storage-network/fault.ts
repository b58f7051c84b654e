/**
 * S15 `managedchart-rancher-monitoring-not-ready-storage-network` (signatures.md §2): a v1.1.2
 * cluster with a storage network; the storage-network controller updated the monitoring
 * Prometheus, mcc-rancher-monitoring is Modified and the upgrade to v1.2.0 is refused (#3839).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const STORAGE_NETWORK = '{"vlan":100,"clusterNetwork":"storage","range":"192.168.100.0/24","exclude":["192.168.100.1/32"]}';

export function managedChartRancherMonitoringNotReadyStorageNetwork(builder: BundleBuilder, options: { storageNetwork?: boolean } = {}): void {
  setServerVersion(builder, 'v1.1.2');
  if (options.storageNetwork ?? true) {
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'storage-network', (setting) => {
      setting.value = STORAGE_NETWORK;
    });
  }
  setChartNotReady(builder, 'rancher-monitoring', {
    state: 'Modified',
    modified: [
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'Prometheus',
        namespace: 'cattle-monitoring-system',
        name: 'rancher-monitoring-prometheus',
        patch: '{"spec":{"podMetadata":{"annotations":{"k8s.v1.cni.cncf.io/networks":null}}}}',
      },
    ],
  });
}
