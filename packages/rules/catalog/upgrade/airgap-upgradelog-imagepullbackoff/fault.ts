/** S34: air-gapped v1.4.2 → v1.4.3, upgradelog-infra Fluent Bit/Fluentd pods in ImagePullBackOff. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function airgapUpgradelogImagepullbackoff(builder: BundleBuilder, options: { pulled?: boolean } = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  builder.collectNamespace('cattle-logging-system');
  addUpgrade(builder, { from: 'v1.4.2', to: 'v1.4.3', state: 'PreparingLoggingInfra', startedSecondsAgo: 40 * 60 });
  const pods: [string, string, string][] = [
    ['hvst-upgrade-7xk2p-upgradelog-infra-fluentbit-8d2kq', 'fluent-bit', 'fluent/fluent-bit:2.1.8'],
    ['hvst-upgrade-7xk2p-upgradelog-infra-fluentd-0', 'fluentd', 'ghcr.io/kube-logging/fluentd:v1.15-ruby3'],
  ];
  for (const [name, container, image] of pods) {
    builder.addObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: beforeCreated(builder, 38 * 60), labels: { 'app.kubernetes.io/managed-by': 'hvst-upgrade-7xk2p-upgradelog-infra' }, name, namespace: 'cattle-logging-system' },
      spec: { containers: [{ image, name: container }], nodeName: node },
      status: {
        containerStatuses: [{
          image, imageID: '', lastState: {}, name: container, ready: Boolean(options.pulled), restartCount: 0, started: Boolean(options.pulled),
          state: options.pulled ? { running: { startedAt: beforeCreated(builder, 37 * 60) } } : { waiting: { message: `Back-off pulling image "${image}"`, reason: 'ImagePullBackOff' } },
        }],
        phase: options.pulled ? 'Running' : 'Pending',
      },
    });
  }
}
