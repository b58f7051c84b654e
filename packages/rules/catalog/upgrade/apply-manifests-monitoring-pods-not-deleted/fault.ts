/** S22: v1.1.2 → v1.2.0, apply-manifests waits for cattle-monitoring-system pods; prometheus-0 is Terminating. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addJobPod, addUpgrade, setServerVersion, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function applyManifestsMonitoringPodsNotDeleted(builder: BundleBuilder, options: { podsGone?: boolean } = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  setServerVersion(builder, 'v1.2.0');
  addUpgrade(builder, { from: 'v1.1.2', to: 'v1.2.0', state: 'UpgradingSystemServices' });
  const texts = options.podsGone
    ? ['there are still 1 pods in cattle-monitoring-system to be deleted', 'Sleep for 5 seconds to retry', 'all pods in cattle-monitoring-system are deleted']
    : Array.from({ length: 30 }, () => 'there are still 1 pods in cattle-monitoring-system to be deleted');
  addJobPod(builder, { job: 'hvst-upgrade-7xk2p-apply-manifests', container: 'apply', node, image: 'rancher/harvester-upgrade:v1.2.0', lines: timedLines(builder, texts, 5) });
  if (options.podsGone) return;
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      deletionGracePeriodSeconds: 0,
      deletionTimestamp: beforeCreated(builder, 40 * 60),
      labels: { 'app.kubernetes.io/name': 'prometheus', prometheus: 'rancher-monitoring-prometheus' },
      name: 'prometheus-rancher-monitoring-prometheus-0',
      namespace: 'cattle-monitoring-system',
    },
    spec: { containers: [{ image: 'rancher/mirrored-prometheus-prometheus:v2.42.0', name: 'prometheus' }], nodeName: node },
    status: { phase: 'Running', reason: 'Terminating' },
  });
}
