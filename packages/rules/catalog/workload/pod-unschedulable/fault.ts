/**
 * The second virt-controller replica, re-created after its node went away, finds no node: Pending,
 * PodScheduled False (Unschedulable) with the scheduler's message since `minutesAgo` (default 25),
 * its Deployment short of it. With `user`, a user pod that asks for more memory than any node has;
 * `minutesAgo: 1` is the near miss (the scheduler may still place it).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addUserDeployment, controllerLosesPod, podUnschedulable } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function podUnschedulableFault(builder: BundleBuilder, options: { user?: boolean; minutesAgo?: number } = {}): KubeObject {
  const nodes = builder.listObjects('v1', 'Node').length;
  const pod = options.user ? addUserDeployment(builder) : builder.listObjects('v1', 'Pod', 'harvester-system').filter((candidate) => candidate.metadata.name.startsWith('virt-controller-')).at(-1)!;
  const message = options.user
    ? `0/${nodes} nodes are available: ${nodes} Insufficient memory. preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`
    : `0/${nodes} nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, ${nodes - 1} node(s) didn't match pod anti-affinity rules. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`;
  const pending = podUnschedulable(builder, pod, message, (options.minutesAgo ?? 25) * 60);
  controllerLosesPod(builder, pod, secondsBefore(builder, (options.minutesAgo ?? 25) * 60));
  return pending;
}
