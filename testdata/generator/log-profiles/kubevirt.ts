import type { LogProfile } from './profile.js';

/** virt-handler (KubeVirt's JSON lines). */
export const virtHandlerProfile: LogProfile = {
  component: 'virt-handler',
  componentName: 'virt-handler',
  format: 'kubevirt',
  placement: (v) => ({ kind: 'pod', namespace: 'harvester-system', pod: v.daemonPod('virt-handler'), container: 'virt-handler' }),
  templates: [
    {
      id: 'kubevirt/vmi-sync-failed',
      level: 'error',
      site: 'vm.go:1881',
      message: () => 'Synchronizing the VirtualMachineInstance failed.',
      fields: (v) => [
        ['kind', 'VirtualMachineInstance'],
        ['name', v.vm()],
        ['namespace', 'default'],
        ['reason', `failed to configure vmi network: setup failed, err: pod link (pod${v.hex(11)}) is missing`],
        ['uid', v.uuid()],
      ],
    },
    {
      id: 'kubevirt/migration-failed',
      level: 'error',
      site: 'vm.go:1118',
      message: () => `Live migration failed: operation failed: migration out job: unexpectedly failed`,
      fields: (v) => [
        ['kind', 'VirtualMachineInstance'],
        ['name', v.vm()],
        ['namespace', 'default'],
        ['uid', v.uuid()],
      ],
    },
    {
      id: 'kubevirt/domain-not-found',
      level: 'warning',
      site: 'vm.go:2102',
      message: (v) => `Domain ${v.pick(['default', 'production-vms'])}_${v.vm()} not found`,
    },
    {
      id: 'kubevirt/processing-event',
      level: 'info',
      site: 'vm.go:1690',
      message: (v) => `Processing event default/${v.vm()}`,
    },
  ],
};
