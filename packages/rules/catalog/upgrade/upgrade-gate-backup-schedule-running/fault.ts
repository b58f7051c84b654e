import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** A nightly backup schedule of the first VM that is active (validator check 4). */
export function upgradeGateBackupScheduleRunning(builder: BundleBuilder, options: { suspended?: boolean } = {}): KubeObject {
  const vm = builder.listObjects('kubevirt.io/v1', 'VirtualMachine', 'default')[0]!;
  const schedule: KubeObject = {
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'ScheduleVMBackup',
    metadata: { name: `svmb-${vm.metadata.name}`, namespace: 'default' },
    spec: { cron: '0 2 * * *', maxFailure: 4, retain: 8, suspend: options.suspended ?? false, vmbackup: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vm.metadata.name }, type: 'backup' } },
    status: { failure: 0, ...(options.suspended ? { suspended: true } : {}) },
  };
  builder.addObject(schedule);
  return schedule;
}
