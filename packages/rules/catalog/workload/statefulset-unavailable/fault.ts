/**
 * fleet-agent (a StatefulSet of one in cattle-fleet-local-system) is not ready: readyReplicas drops
 * out of the status (it is left out when zero). With `scaledDown`, the near miss: the StatefulSet was
 * scaled to zero on purpose.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { APPS, controllerLosesPod, podNotReady, podOf } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function statefulsetUnavailable(builder: BundleBuilder, options: { scaledDown?: boolean } = {}): KubeObject {
  const namespace = 'cattle-fleet-local-system';
  if (options.scaledDown) {
    builder.updateObject(APPS, 'StatefulSet', namespace, 'fleet-agent', (object) => {
      (object.spec as Record<string, unknown>).replicas = 0;
      const status = object.status as Record<string, unknown>;
      delete status.readyReplicas;
      Object.assign(status, { availableReplicas: 0, currentReplicas: 0, replicas: 0, updatedReplicas: 0 });
    });
  } else {
    const pod = podOf(builder, namespace, 'fleet-agent-');
    const since = secondsBefore(builder, 18 * 60);
    podNotReady(builder, pod, since);
    controllerLosesPod(builder, pod, since);
  }
  return builder.getObject(APPS, 'StatefulSet', namespace, 'fleet-agent')!;
}
