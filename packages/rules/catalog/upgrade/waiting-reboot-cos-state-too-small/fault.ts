/** S31: v1.4.0 → v1.4.1, node rebooted into /cOS/passive.img (upgrade_failure) and still runs v1.4.0. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade, setServerVersion } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function waitingRebootCosStateTooSmall(builder: BundleBuilder, options: { bootedActive?: boolean } = {}): string {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  setServerVersion(builder, 'v1.4.1');
  addUpgrade(builder, { from: 'v1.4.0', to: 'v1.4.1', state: 'UpgradingNodes', nodeStatuses: { [node]: { state: 'Waiting Reboot' } } });
  const image = options.bootedActive ? 'active.img' : 'passive.img upgrade_failure';
  const time = beforeCreated(builder, 20 * 60);
  builder.addNodeLog(node, 'kernel.log', [
    { time, identifier: 'kernel', text: 'Linux version 5.14.21-150500.55.88-default (geeko@buildhost) #1 SMP PREEMPT_DYNAMIC Wed Nov 20 12:10:32 UTC 2024 (bd7b4e3)' },
    { time, identifier: 'kernel', text: `Command line: BOOT_IMAGE=(loop0)/boot/vmlinuz console=tty1 root=LABEL=COS_STATE cos-img/filename=/cOS/${image} panic=0 net.ifnames=1 rd.cos.oemlabel=COS_OEM rd.emergency=reboot rd.shell=0 systemd.crash_reboot` },
  ]);
  return node;
}
