/**
 * S10 `fleet-helm-another-operation-in-progress` (signatures.md §2): the Fleet agent was killed
 * during a Helm upgrade of harvester-crd; the release stays pending and every retry fails with
 * "another operation (install/upgrade/rollback) is in progress" (#3616).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { setChartNotReady } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const ANOTHER_OPERATION = 'another operation (install/upgrade/rollback) is in progress';

export function fleetHelmAnotherOperationInProgress(builder: BundleBuilder, options: { chart?: string; clusterMessage?: string } = {}): void {
  const chart = options.chart ?? 'harvester-crd';
  const message = options.clusterMessage ?? ANOTHER_OPERATION;
  setChartNotReady(builder, chart, { state: 'ErrApplied', clusterMessage: message });
  const agent = builder.listObjects('v1', 'Pod', 'cattle-fleet-local-system').find((pod) => pod.metadata.name.startsWith('fleet-agent'));
  if (agent) {
    const lines = [30, 25, 20].map((minutes) => {
      const ts = beforeCreated(builder, minutes * 60);
      return {
        time: `${ts.slice(0, 19)}.${String(minutes * 7919).padStart(9, '0').slice(0, 9)}Z`,
        text: `{"level":"error","ts":"${ts}","logger":"bundledeployment","msg":"error syncing 'cluster-fleet-local-local-1a3d67d0a899/mcc-${chart}': handler bundle-deploy: ${message}, requeuing"}`,
      };
    });
    builder.addPodLog('cattle-fleet-local-system', agent.metadata.name, 'fleet-agent', lines);
  }
}
