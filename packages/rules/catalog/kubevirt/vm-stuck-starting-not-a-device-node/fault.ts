/**
 * S47 `vm-stuck-starting-not-a-device-node` (signatures.md §5): on a v1.3.0 cluster the VM
 * `sles15-sp6-db` was restarted, and its new virt-launcher pod cannot be created: containerd
 * fails with "failed to generate spec: not a device node" because a stale mount of the VM's
 * block volume is left under /var/lib/kubelet/plugins/kubernetes.io/csi/volumeDevices (#5109).
 * The node's kubelet.log shows the same error. `otherError` is the near miss: the launcher pod
 * waits with a different CreateContainerError (an image that is still being pulled elsewhere).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, podsWithPrefix, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface NotADeviceNodeOptions {
  /** The running release (default v1.3.0, where #5109 was reported). */
  serverVersion?: string;
  otherError?: boolean;
  /** Write the kubelet.log lines on the pod's node (default true). */
  nodeLog?: boolean;
}

export function vmStuckStartingNotADeviceNode(builder: BundleBuilder, options: NotADeviceNodeOptions = {}): { pod: string; node: string; vm: string; volume: string } {
  const serverVersion = options.serverVersion ?? 'v1.3.0';
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
    setting.value = serverVersion;
  });
  const pod = podsWithPrefix(builder, 'default', 'virt-launcher-sles15-sp6-db-')[0];
  if (!pod) throw new Error('no virt-launcher pod of sles15-sp6-db (start from healthyCluster)');
  const node = String((pod.spec as { nodeName: string }).nodeName);
  const vm = 'sles15-sp6-db';
  const volume = builder
    .listObjects(LONGHORN, 'Volume', 'longhorn-system')
    .find((candidate) => (candidate.status as { kubernetesStatus: { workloadsStatus: { workloadName: string }[] } }).kubernetesStatus.workloadsStatus[0]?.workloadName === vm)!.metadata.name;
  const since = secondsBefore(builder, 1800);
  const message = options.otherError
    ? 'failed to reserve container name "compute_virt-launcher-sles15-sp6-db": name "compute_virt-launcher-sles15-sp6-db" is reserved for "8d1c0f"'
    : 'failed to generate spec: not a device node';

  builder.updateObject('v1', 'Pod', 'default', pod.metadata.name, (object) => {
    const status = object.status as Record<string, unknown> & { conditions: { type: string; status: string; reason?: string; lastTransitionTime?: string }[]; containerStatuses: Record<string, unknown>[] };
    status.phase = 'Pending';
    for (const condition of status.conditions) {
      if (condition.type === 'Ready' || condition.type === 'ContainersReady') {
        condition.status = 'False';
        condition.reason = 'ContainersNotReady';
        condition.lastTransitionTime = since;
      }
    }
    for (const container of status.containerStatuses) {
      container.ready = false;
      container.started = false;
      delete container.containerID;
      container.state = { waiting: { message, reason: 'CreateContainerError' } };
    }
  });
  builder.updateObject('kubevirt.io/v1', 'VirtualMachine', 'default', vm, (object) => {
    const status = object.status as Record<string, unknown>;
    status.printableStatus = 'Starting';
    status.ready = false;
  });

  if (options.nodeLog !== false && !options.otherError) {
    const klog = (seconds: number, micros: string) => {
      const iso = secondsBefore(builder, seconds);
      return `${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}.${micros}`;
    };
    const podUid = String(pod.metadata.uid);
    builder.addNodeFile(
      node,
      'logs/kubelet.log',
      [
        `I${klog(86_400, '104233')}    3012 server.go:484] "Kubelet version" kubeletVersion="v1.27.10+rke2r1"`,
        `I${klog(86_390, '551902')}    3012 kubelet_node_status.go:79] "Successfully registered node" node="${node}"`,
        `E${klog(1790, '318820')}    3012 csi_block.go:305] blockMapper.MapPodDevice failed to get device path: /var/lib/kubelet/plugins/kubernetes.io/csi/volumeDevices/publish/${volume}/${podUid} error: not a device node`,
        `E${klog(1789, '004211')}    3012 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"compute\\" with CreateContainerError: \\"failed to generate spec: not a device node\\"" pod="default/${pod.metadata.name}" podUID="${podUid}"`,
        '',
      ].join('\n'),
    );
  }
  return { pod: pod.metadata.name, node, vm, volume };
}
