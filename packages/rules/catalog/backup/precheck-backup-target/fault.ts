import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** An NFS backup target configured without refreshIntervalInSeconds (pre-check 18, v1.4.1/v1.4.2). */
export function precheckBackupTarget(builder: BundleBuilder, options: { refreshIntervalInSeconds?: number } = {}): void {
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'backup-target', (setting) => {
    const interval = options.refreshIntervalInSeconds === undefined ? '' : `,"refreshIntervalInSeconds":${options.refreshIntervalInSeconds}`;
    setting.value = `{"type":"nfs","endpoint":"nfs://192.168.122.1:/backups"${interval}}`;
  });
}
export type { KubeObject };
