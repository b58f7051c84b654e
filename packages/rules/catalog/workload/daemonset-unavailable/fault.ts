/**
 * longhorn-csi-plugin's pod on the second node fails its liveness probe and restarts: not ready,
 * the DaemonSet counts it unavailable. With `rolling`, the near miss: a rolling update has not yet
 * reached one node, but every pod is available.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { APPS, controllerLosesPod, podNotReady, podOf } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function daemonsetUnavailable(builder: BundleBuilder, options: { rolling?: boolean } = {}): KubeObject {
  const nodes = builder.listObjects('v1', 'Node');
  if (options.rolling) {
    builder.updateObject(APPS, 'DaemonSet', 'longhorn-system', 'longhorn-csi-plugin', (object) => {
      const status = object.status as Record<string, unknown>;
      Object.assign(status, { observedGeneration: 2, updatedNumberScheduled: Number(status.desiredNumberScheduled) - 1 });
      object.metadata.generation = 2;
    });
  } else {
    const pod = podOf(builder, 'longhorn-system', 'longhorn-csi-plugin-', nodes[Math.min(1, nodes.length - 1)]!.metadata.name);
    const since = secondsBefore(builder, 25 * 60);
    podNotReady(builder, pod, since);
    controllerLosesPod(builder, pod, since);
  }
  return builder.getObject(APPS, 'DaemonSet', 'longhorn-system', 'longhorn-csi-plugin')!;
}
