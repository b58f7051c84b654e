/** S21: kube-controller-manager/kube-scheduler certs expired; apply-manifests waits for the CAPI cluster. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addJobPod, addUpgrade, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function waitingCapiProvisionedRke2CertsExpired(builder: BundleBuilder, options: { message?: string } = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const machine = 'custom-24cb32ce8387';
  const message = options.message ?? `configuring bootstrap node(s) ${machine}: waiting for probes: kube-controller-manager, kube-scheduler`;
  builder.updateObject('provisioning.cattle.io/v1', 'Cluster', 'fleet-local', 'local', (cluster) => {
    const status = cluster.status as { conditions: Record<string, unknown>[]; ready: boolean };
    for (const condition of status.conditions) {
      if (condition.type === 'Updated' || condition.type === 'Provisioned') Object.assign(condition, { status: 'Unknown', reason: 'Waiting', message });
    }
  });
  // The phase apply-manifests prints is the CAPI cluster's: it stays Provisioning while the planner waits.
  builder.updateObject('cluster.x-k8s.io/v1beta1', 'Cluster', 'fleet-local', 'local', (cluster) => {
    (cluster.status as { phase: string }).phase = 'Provisioning';
  });
  addUpgrade(builder, { from: 'v1.4.1', to: 'v1.4.2', state: 'UpgradingSystemServices' });
  const texts: string[] = [];
  for (let i = 0; i < 40; i += 1) texts.push('Waiting for CAPI cluster fleet-local/local to be provisioned (current phase: Provisioning, current generation: 30259)...');
  addJobPod(builder, { job: 'hvst-upgrade-7xk2p-apply-manifests', container: 'apply', node, image: 'rancher/harvester-upgrade:v1.4.2', lines: timedLines(builder, texts, 5) });
}
