/**
 * The OOM killer ends a process on a node, as the kernel logs it: `invoked oom-killer`, the
 * `oom-kill:` line with the victim's memory cgroup, then `Killed process`. By default the victim
 * is the qemu process of a VM running on the node (its virt-launcher pod's cgroup, a Guaranteed
 * pod under cgroupfs: /kubepods/pod<uid>/<container id>), `minutesBefore` 95 minutes before the
 * bundle. Returns the node and the pod.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';

export interface OomVictim {
  node: string;
  pod: string;
  cgroup: string;
}

export function nodeKernelOomKill(cluster: GeneratedCluster, options: { process?: string; minutesBefore?: number } = {}): OomVictim {
  const { builder } = cluster;
  const launcher = builder.listObjects('v1', 'Pod', 'default').find((pod) => pod.metadata.name.startsWith('virt-launcher-'))!;
  const node = String((launcher.spec as { nodeName: string }).nodeName);
  const container = ((launcher.status as { containerStatuses?: { containerID?: string }[] }).containerStatuses?.[0]?.containerID ?? '').replace(/^containerd:\/\//, '') || 'f'.repeat(64);
  const cgroup = `/kubepods/pod${String(launcher.metadata.uid)}/${container}`;
  const process = options.process ?? 'qemu-kvm';
  const pid = 48213;
  const minutes = options.minutesBefore ?? 95;
  kernelMessages(cluster, node, [
    [minutes, `${process === 'qemu-kvm' ? 'CPU 3/KVM' : process} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=-997`],
    [minutes, `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=${container.slice(0, 12)},mems_allowed=0,oom_memcg=${cgroup},task_memcg=${cgroup},task=${process},pid=${pid},uid=107`],
    [minutes, `Memory cgroup out of memory: Killed process ${pid} (${process}) total-vm:17825792kB, anon-rss:16777216kB, file-rss:20480kB, shmem-rss:4kB, UID:107 pgtables:33216kB oom_score_adj:-997`],
  ]);
  return { node, pod: launcher.metadata.name, cgroup };
}
