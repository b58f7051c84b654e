/**
 * A node stops reporting: the kubelet's last status post was `minutesAgo` before the bundle, the
 * node lifecycle controller set its conditions Unknown and tainted it unreachable. With `pods`, what
 * follows within minutes: the controller marks the pods on the node not ready, and the DaemonSets,
 * Deployments and StatefulSets that had a pod there count it unavailable. The near miss: the node
 * came back (`status: 'True'`).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { controllerLosesPod, nodeOf, setPodCondition } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export interface NodeNotReadyOptions {
  /** Which node (default the last). */
  node?: number;
  /** Unknown: the kubelet stopped posting (default); False: it reports not ready; True: the node recovered. */
  status?: 'Unknown' | 'False' | 'True';
  minutesAgo?: number;
  /** Mark the node's pods not ready and their controllers short of them. */
  pods?: boolean;
}

export function nodeNotReady(builder: BundleBuilder, options: NodeNotReadyOptions = {}): { node: string; pods: KubeObject[] } {
  const nodes = builder.listObjects('v1', 'Node');
  const node = nodes[options.node ?? nodes.length - 1]!;
  const status = options.status ?? 'Unknown';
  const since = secondsBefore(builder, (options.minutesAgo ?? 20) * 60);
  const lastHeartbeat = secondsBefore(builder, (options.minutesAgo ?? 20) * 60 + 40);
  builder.updateObject('v1', 'Node', undefined, node.metadata.name, (object) => {
    const conditions = (object.status as { conditions: Record<string, unknown>[] }).conditions;
    for (const condition of conditions) {
      if (status === 'Unknown') Object.assign(condition, { lastHeartbeatTime: lastHeartbeat, lastTransitionTime: since, message: 'Kubelet stopped posting node status.', reason: 'NodeStatusUnknown', status: 'Unknown' });
      else if (condition.type === 'Ready' && status === 'False') Object.assign(condition, { lastTransitionTime: since, message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized', reason: 'KubeletNotReady', status: 'False' });
      else if (condition.type === 'Ready') Object.assign(condition, { lastTransitionTime: since, message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True' });
    }
    if (status !== 'True') {
      const key = status === 'Unknown' ? 'node.kubernetes.io/unreachable' : 'node.kubernetes.io/not-ready';
      (object.spec as Record<string, unknown>).taints = [{ effect: 'NoSchedule', key, timeAdded: since }, { effect: 'NoExecute', key, timeAdded: secondsBefore(builder, (options.minutesAgo ?? 20) * 60 - 5) }];
    }
  });
  const pods: KubeObject[] = [];
  if (options.pods && status !== 'True') {
    for (const pod of builder.listObjects('v1', 'Pod')) {
      if (nodeOf(pod) !== node.metadata.name || (pod.status as { phase?: string }).phase !== 'Running') continue;
      // The node lifecycle controller's MarkPodsNotReady: only the Ready condition's status (and time) changes.
      setPodCondition(builder, pod, 'Ready', { status: 'False', since });
      controllerLosesPod(builder, pod, since);
      pods.push(pod);
    }
  }
  return { node: node.metadata.name, pods };
}
