import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The first running VM got a CD-ROM (an ISO install disk) on its VMI (validator check 11, pre-check 15). */
export function upgradeGateNonLiveMigratableVms(builder: BundleBuilder, options: { cdrom?: boolean } = {}): string {
  const vmi = builder.listObjects('kubevirt.io/v1', 'VirtualMachineInstance', 'default')[0]!;
  const disk = options.cdrom === false ? { bootOrder: 2, disk: { bus: 'virtio' }, name: 'disk-1' } : { bootOrder: 2, cdrom: { bus: 'sata' }, name: 'cdrom-0' };
  for (const kind of ['VirtualMachineInstance', 'VirtualMachine'] as const) {
    builder.updateObject('kubevirt.io/v1', kind, 'default', vmi.metadata.name, (object) => {
      const spec = (kind === 'VirtualMachine' ? (object.spec as { template: { spec: Record<string, unknown> } }).template.spec : object.spec) as { domain: { devices?: { disks?: unknown[] } } };
      spec.domain.devices ??= {};
      spec.domain.devices.disks = [...(spec.domain.devices.disks ?? [{ bootOrder: 1, disk: { bus: 'virtio' }, name: 'disk-0' }]), disk];
    });
  }
  return vmi.metadata.name;
}
export type { KubeObject };
