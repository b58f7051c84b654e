/**
 * A container whose previous run ended `minutesAgo` before the bundle and that runs again: by
 * default virt-controller, OOMKilled 47 minutes ago (its previous log ends mid-work); `reason`
 * Error, a user pod, an old restart (the near miss) or a node reboot's Unknown (another near miss).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { logrusLine, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addUserDeployment, podOf, updateContainerStatus } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export interface PodRestartedOptions {
  reason?: 'OOMKilled' | 'Error' | 'Unknown';
  minutesAgo?: number;
  user?: boolean;
  /** Write the previous run's log (default true). */
  logs?: boolean;
}

export function podRestartedRecently(builder: BundleBuilder, options: PodRestartedOptions = {}): { pod: KubeObject; container: string } {
  const pod = options.user ? addUserDeployment(builder) : podOf(builder, 'harvester-system', 'virt-controller-');
  const container = (pod.spec as { containers: { name: string }[] }).containers[0]!.name;
  const reason = options.reason ?? 'OOMKilled';
  const ended = (options.minutesAgo ?? 47) * 60;
  const exitCode = reason === 'OOMKilled' ? 137 : reason === 'Unknown' ? 255 : 1;
  updateContainerStatus(builder, pod, container, (status) => {
    Object.assign(status, {
      lastState: { terminated: { containerID: `containerd://${'9b'.repeat(32)}`, exitCode, finishedAt: secondsBefore(builder, ended), reason, startedAt: secondsBefore(builder, ended + 7200) } },
      restartCount: 1,
      state: { running: { startedAt: secondsBefore(builder, ended - 2) } },
    });
  });
  if (options.logs !== false) {
    const lines = options.user
      ? [{ time: secondsBefore(builder, ended + 3).replace('Z', '.204000000Z'), text: '2025/03/12 08:27:04 [error] 29#29: *1180 upstream timed out (110: Connection timed out) while reading response header from upstream' }]
      : [
          logrusLine(builder, ended + 30, 'info', 'reenqueuing VirtualMachineInstance default/ubuntu-2204-web'),
          logrusLine(builder, ended + 20, 'info', 'Updating cluster config from KubeVirt to resource version 48213'),
        ];
    builder.addPodLog(pod.metadata.namespace!, pod.metadata.name, container, lines, { previous: true });
  }
  return { pod: builder.getObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name)!, container };
}
