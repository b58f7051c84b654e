import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** A VM backup of the first VM that has started but is not readyToUse yet (validator check 3). */
export function upgradeGateVmbackupInProgress(builder: BundleBuilder, options: { readyToUse?: boolean; error?: boolean } = {}): KubeObject {
  const vm = builder.listObjects('kubevirt.io/v1', 'VirtualMachine', 'default')[0]!;
  const backup: KubeObject = {
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'VirtualMachineBackup',
    metadata: { name: `${vm.metadata.name}-backup-nightly`, namespace: 'default', creationTimestamp: new Date(Date.parse(builder.createdAt) - 600_000).toISOString().replace('.000Z', 'Z') },
    spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm.metadata.name }, type: 'backup' },
    status: {
      backupTarget: { endpoint: 'nfs://192.168.122.1:/backups' },
      readyToUse: options.readyToUse ?? false,
      ...(options.error ? { error: { message: 'backup target is unreachable', time: builder.createdAt } } : {}),
      sourceUID: vm.metadata.uid,
    },
  };
  builder.addObject(backup);
  return backup;
}
