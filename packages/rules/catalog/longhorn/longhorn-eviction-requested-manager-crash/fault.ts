/**
 * S37 `longhorn-eviction-requested-manager-crash` (signatures.md §4): eviction was requested on
 * a Longhorn node and/or its default disk (someone started to drain its data) and never cleared;
 * upgrading to v1.4.x in that state makes longhorn-manager crash. With `crashLoop`, the crash
 * has started: the node's longhorn-manager container is in CrashLoopBackOff.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, podsWithPrefix, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface LonghornEvictionOptions {
  /** Longhorn node (= Kubernetes node) name; default the first node. */
  node?: string;
  /** Request eviction of the whole node (default true). */
  nodeEviction?: boolean;
  /** Request eviction of the node's default disk (default false). */
  diskEviction?: boolean;
  /** longhorn-manager on that node is crash-looping (default false). */
  crashLoop?: boolean;
  /**
   * Near miss: the node was only made unschedulable (allowScheduling false) and the eviction
   * has been cancelled, so no flag is left set.
   */
  cancelled?: boolean;
}

export function longhornEvictionRequestedManagerCrash(builder: BundleBuilder, options: LonghornEvictionOptions = {}): void {
  const nodes = builder.listObjects(LONGHORN, 'Node', 'longhorn-system');
  const node = options.node ?? nodes[0]?.metadata.name;
  if (!node) throw new Error('no Longhorn nodes in this bundle (start from healthyCluster)');
  builder.updateObject(LONGHORN, 'Node', 'longhorn-system', node, (object) => {
    const spec = object.spec as { allowScheduling: boolean; evictionRequested: boolean; disks: Record<string, { allowScheduling: boolean; evictionRequested: boolean }> };
    const disk = Object.values(spec.disks)[0]!;
    spec.allowScheduling = false;
    object.metadata.generation = Number(object.metadata.generation ?? 1) + 2;
    if (options.cancelled) return;
    spec.evictionRequested = options.nodeEviction ?? true;
    if (options.diskEviction) {
      disk.allowScheduling = false;
      disk.evictionRequested = true;
    }
    (object.status as { autoEvicting?: boolean }).autoEvicting = false;
  });

  if (!options.crashLoop) return;
  const pod = podsWithPrefix(builder, 'longhorn-system', 'longhorn-manager-').find((candidate) => (candidate.spec as { nodeName?: string }).nodeName === node);
  if (!pod) throw new Error(`no longhorn-manager pod on ${node}`);
  const started = secondsBefore(builder, 95);
  builder.updateObject('v1', 'Pod', 'longhorn-system', pod.metadata.name, (object) => {
    const status = object.status as { conditions: { type: string; status: string; reason?: string }[]; containerStatuses: Record<string, unknown>[] };
    for (const condition of status.conditions) {
      if (condition.type === 'Ready' || condition.type === 'ContainersReady') {
        condition.status = 'False';
        condition.reason = 'ContainersNotReady';
      }
    }
    const manager = status.containerStatuses.find((container) => container.name === 'longhorn-manager')!;
    manager.ready = false;
    manager.started = false;
    manager.restartCount = 7;
    manager.lastState = { terminated: { containerID: manager.containerID, exitCode: 2, finishedAt: started, reason: 'Error', startedAt: secondsBefore(builder, 101) } };
    manager.state = { waiting: { message: `back-off 5m0s restarting failed container=longhorn-manager pod=${pod.metadata.name}_longhorn-system(${String(pod.metadata.uid)})`, reason: 'CrashLoopBackOff' } };
  });
  builder.addPodLog('longhorn-system', pod.metadata.name, 'longhorn-manager', [
    { time: `${secondsBefore(builder, 101).slice(0, 19)}.114201337Z`, text: `time="${secondsBefore(builder, 101)}" level=info msg="Starting longhorn manager" version=v1.7.2` },
    { time: `${secondsBefore(builder, 96).slice(0, 19)}.902113580Z`, text: 'panic: runtime error: invalid memory address or nil pointer dereference' },
    { time: `${secondsBefore(builder, 96).slice(0, 19)}.902167001Z`, text: '[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x1c4f5e2]' },
  ], { previous: true });
}
