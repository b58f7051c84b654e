/**
 * The vm-import-controller Addon was disabled three hours before the bundle; the addon controller
 * deleted its HelmChart, and the chart's deletion never completes. Variants:
 * - `failing` (default): the helm-delete Job's pod cannot reach the API server (`helm ls` fails,
 *   and with `set -e` the script stops there), so the container exits 1 and restarts in place.
 * - `failed`: the Job reached its backoff limit (5, as for every Addon chart); its pod is gone.
 *   The addon controller then marks the Addon OperationFailed.
 * - `completed-with-error`: the Job completed — `helm uninstall` failed and klipper-helm's
 *   `|| true` ended it with 0 — and the chart still carries the finalizer 25 minutes later.
 * - `recent` (near miss): the Addon was disabled 40 s before the bundle; the Job is running.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { addHelmJob, faultRandom, firstNode, removeJobAndPods, secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export type HelmChartDeletionStuckVariant = 'failing' | 'failed' | 'completed-with-error' | 'recent';

export const UNREACHABLE = 'Kubernetes cluster unreachable: Get "https://10.53.0.1:443/version": dial tcp 10.53.0.1:443: i/o timeout';
export const UNINSTALL_ERROR = 'failed to delete release: vm-import-controller';

export function helmChartDeletionStuck(builder: BundleBuilder, variant: HelmChartDeletionStuckVariant = 'failing'): { chart: KubeObject; job: string; pod?: string } {
  const random = faultRandom(8118);
  const namespace = 'harvester-system';
  const name = 'vm-import-controller';
  const disabledAt = secondsBefore(builder, variant === 'recent' ? 40 : 3 * 3600);
  const failedAt = secondsBefore(builder, 2 * 3600);
  builder.updateObject('harvesterhci.io/v1beta1', 'Addon', namespace, name, (addon) => {
    (addon.spec as Record<string, unknown>).enabled = false;
    addon.metadata.generation = 3;
    addon.status = {
      conditions: [
        { status: 'False', type: 'Completed' },
        { lastUpdateTime: disabledAt, status: variant === 'failed' ? 'False' : 'True', type: 'InProgress' },
        variant === 'failed'
          ? { lastUpdateTime: failedAt, message: `addon disable job helm-delete-${name} failed`, reason: 'Error', status: 'True', type: 'OperationFailed' }
          : { status: 'False', type: 'OperationFailed' },
      ],
      status: 'AddonDisabling',
    };
  });
  builder.updateObject('helm.cattle.io/v1', 'HelmChart', namespace, name, (chart) => {
    chart.metadata.deletionTimestamp = disabledAt;
    chart.metadata.deletionGracePeriodSeconds = 0;
    (chart.status as Record<string, unknown>).jobName = `helm-delete-${name}`;
  });
  removeJobAndPods(builder, namespace, `helm-install-${name}`);
  const chart = builder.getObject('helm.cattle.io/v1', 'HelmChart', namespace, name)!;
  const node = firstNode(builder);
  const start = variant === 'recent' ? secondsBefore(builder, 30) : secondsBefore(builder, 3 * 60);
  const end = variant === 'recent' ? secondsBefore(builder, 30) : secondsBefore(builder, 3 * 60 - 8);
  if (variant === 'completed-with-error') {
    const done = secondsBefore(builder, 25 * 60);
    return { chart, ...addHelmJob(builder, random, { chart, action: 'delete', run: { action: 'delete', error: UNINSTALL_ERROR, start: secondsBefore(builder, 26 * 60), end: done }, state: { kind: 'complete' }, node, created: secondsBefore(builder, 26 * 60) }) };
  }
  const state =
    variant === 'failed' ? { kind: 'failed' as const, failures: 6, failedAt } : variant === 'recent' ? { kind: 'running' as const } : { kind: 'crash-looping' as const, restarts: 4, lastExit: end };
  const run = variant === 'recent' ? { action: 'delete' as const, start, end } : { action: 'delete' as const, listError: UNREACHABLE, start, end };
  return { chart, ...addHelmJob(builder, random, { chart, action: 'delete', run, state, node, created: disabledAt }) };
}
