/**
 * S48 `vm-start-button-missing-pod-completed` (signatures.md §5, harvester#4659): the guest of
 * `ubuntu-2204-web` shut itself down; its virt-launcher pod Completed but was not removed, the
 * VMI is terminating, and the Start request the user sent waits in stateChangeRequests, so the
 * VM shows Off without a Start button. `podRemoved` is the near miss: the same pending Start
 * request, but the old pod is already gone (KubeVirt will start the VM in a moment).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { podsWithPrefix, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function vmStartButtonMissingPodCompleted(builder: BundleBuilder, options: { podRemoved?: boolean } = {}): { vm: string; pod: string } {
  const vm = 'ubuntu-2204-web';
  const pod = podsWithPrefix(builder, 'default', `virt-launcher-${vm}-`)[0];
  if (!pod) throw new Error(`no virt-launcher pod of ${vm} (start from healthyCluster)`);
  const stopped = secondsBefore(builder, 1500);
  builder.updateObject('kubevirt.io/v1', 'VirtualMachine', 'default', vm, (object) => {
    const status = object.status as Record<string, unknown>;
    status.printableStatus = 'Stopped';
    status.ready = false;
    status.stateChangeRequests = [{ action: 'Start' }];
    status.conditions = [
      { lastProbeTime: null, lastTransitionTime: stopped, message: 'VMI is terminating', reason: 'PodTerminating', status: 'False', type: 'Ready' },
    ];
  });
  builder.updateObject('kubevirt.io/v1', 'VirtualMachineInstance', 'default', vm, (object) => {
    object.metadata.deletionTimestamp = secondsBefore(builder, 1490);
    const status = object.status as Record<string, unknown>;
    status.phase = 'Succeeded';
    status.conditions = [{ lastProbeTime: null, lastTransitionTime: stopped, message: 'VMI is terminating', reason: 'PodTerminating', status: 'False', type: 'Ready' }];
  });
  if (options.podRemoved) {
    builder.removeObject('v1', 'Pod', 'default', pod.metadata.name);
    return { vm, pod: pod.metadata.name };
  }
  builder.updateObject('v1', 'Pod', 'default', pod.metadata.name, (object) => {
    const status = object.status as Record<string, unknown> & { conditions: { type: string; status: string; reason?: string; lastTransitionTime?: string }[]; containerStatuses: Record<string, unknown>[] };
    status.phase = 'Succeeded';
    for (const condition of status.conditions) {
      if (condition.type === 'Ready' || condition.type === 'ContainersReady') {
        condition.status = 'False';
        condition.reason = 'PodCompleted';
        condition.lastTransitionTime = stopped;
      }
    }
    for (const container of status.containerStatuses) {
      container.ready = false;
      container.started = false;
      container.state = { terminated: { containerID: container.containerID, exitCode: 0, finishedAt: stopped, reason: 'Completed', startedAt: secondsBefore(builder, 86_000) } };
    }
  });
  return { vm, pod: pod.metadata.name };
}
