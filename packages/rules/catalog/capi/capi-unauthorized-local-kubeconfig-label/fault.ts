/** S24: v1.3.0 → v1.3.1, capi-controller-manager Unauthorized after the first node; cluster waits for kubelet. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setServerVersion, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function capiUnauthorizedLocalKubeconfigLabel(builder: BundleBuilder, options: { authorized?: boolean } = {}): void {
  setServerVersion(builder, 'v1.3.1');
  builder.updateObject('provisioning.cattle.io/v1', 'Cluster', 'fleet-local', 'local', (cluster) => {
    for (const condition of (cluster.status as { conditions: Record<string, unknown>[] }).conditions) {
      if (condition.type === 'Updated' || condition.type === 'Provisioned') Object.assign(condition, { status: 'Unknown', reason: 'Waiting', message: 'configuring bootstrap node(s) custom-9cb22ccf7984: waiting for kubelet to update' });
    }
  });
  const pod = builder.listObjects('v1', 'Pod', 'cattle-provisioning-capi-system')[0]!.metadata.name;
  const line = options.authorized
    ? 'I0312 08:40:11.123456       1 machine_controller.go:312] "Reconciling Machine" controller="machine" Machine="fleet-local/custom-9cb22ccf7984"'
    : 'E0312 08:40:11.123456       1 reflector.go:147] k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.Node: failed to list *v1.Node: Unauthorized';
  builder.addPodLog('cattle-provisioning-capi-system', pod, 'manager', timedLines(builder, Array.from({ length: 6 }, () => line), 60));
}
