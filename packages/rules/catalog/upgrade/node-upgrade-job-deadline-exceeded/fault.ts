/** S32: the system-upgrade-controller job upgrading a node hit its active deadline. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function nodeUpgradeJobDeadlineExceeded(builder: BundleBuilder, options: { reason?: string } = {}): string {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const reason = options.reason ?? 'DeadlineExceeded';
  const message = reason === 'DeadlineExceeded' ? 'Job was active longer than specified deadline' : 'Job has reached the specified backoff limit';
  addUpgrade(builder, { from: 'v1.4.1', to: 'v1.4.2', state: 'UpgradingNodes', nodeStatuses: { [node]: { state: 'Failed', reason, message } } });
  const job = `apply-hvst-upgrade-7xk2p-on-${node}-with-4a1c5e0b2d`;
  builder.addObject({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: beforeCreated(builder, 2 * 3600), labels: { 'plan.upgrade.cattle.io/hvst-upgrade-7xk2p': '4a1c5e0b2d', 'upgrade.cattle.io/node': node, 'upgrade.cattle.io/controller': 'system-upgrade-controller' }, name: job, namespace: 'cattle-system' },
    spec: { activeDeadlineSeconds: 900, backoffLimit: 2, template: { spec: { nodeName: node, restartPolicy: 'Never', containers: [{ image: 'rancher/harvester-upgrade:v1.4.2', name: 'upgrade' }] } } },
    status: { conditions: [{ lastProbeTime: beforeCreated(builder, 3600), lastTransitionTime: beforeCreated(builder, 3600), message, reason, status: 'True', type: 'Failed' }], failed: 1, startTime: beforeCreated(builder, 2 * 3600) },
  });
  return job;
}
