/**
 * One csi-attacher pod (of three) stopped being ready: the Deployment counts it unavailable and,
 * with maxUnavailable 25% of 3 rounding down to 0, turns Available False. With `withinBudget`, a
 * Deployment that allows one unavailable pod (maxUnavailable 1) and stays Available; with
 * `recovered`, the near miss: the pod is ready again.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { APPS, controllerLosesPod, podNotReady, podOf } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function deploymentUnavailable(builder: BundleBuilder, options: { withinBudget?: boolean; recovered?: boolean } = {}): KubeObject {
  const pod = podOf(builder, 'longhorn-system', 'csi-attacher-');
  if (options.withinBudget) {
    builder.updateObject(APPS, 'Deployment', 'longhorn-system', 'csi-attacher', (object) => {
      ((object.spec as { strategy: { rollingUpdate: Record<string, unknown> } }).strategy.rollingUpdate).maxUnavailable = 1;
    });
  }
  if (options.recovered) return builder.getObject(APPS, 'Deployment', 'longhorn-system', 'csi-attacher')!;
  const since = secondsBefore(builder, 40 * 60);
  podNotReady(builder, pod, since);
  if (options.withinBudget) {
    // With maxUnavailable 1, two available replicas of three are the minimum: the controller keeps Available True.
    builder.updateObject(APPS, 'Deployment', 'longhorn-system', 'csi-attacher', (object) => {
      Object.assign(object.status as Record<string, unknown>, { availableReplicas: 2, readyReplicas: 2, unavailableReplicas: 1 });
    });
  } else {
    controllerLosesPod(builder, pod, since);
  }
  return builder.getObject(APPS, 'Deployment', 'longhorn-system', 'csi-attacher')!;
}
