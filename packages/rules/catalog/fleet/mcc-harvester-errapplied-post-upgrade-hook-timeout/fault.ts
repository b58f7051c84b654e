/**
 * S03 `mcc-harvester-errapplied-post-upgrade-hook-timeout` (signatures.md §2): a fresh v1.4.0 /
 * v1.4.1 install (no spec.timeoutSeconds on the harvester ManagedChart) whose Longhorn
 * post-upgrade hook timed out: mcc-harvester is ErrApplied (#7441).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { editChart, setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export interface PostUpgradeHookTimeoutOptions {
  serverVersion?: string;
  /** Set spec.timeoutSeconds (the documented workaround already applied). */
  timeoutSeconds?: number;
}

export function mccHarvesterErrAppliedPostUpgradeHookTimeout(builder: BundleBuilder, options: PostUpgradeHookTimeoutOptions = {}): void {
  setServerVersion(builder, options.serverVersion ?? 'v1.4.1');
  if (options.timeoutSeconds !== undefined) {
    editChart(builder, 'harvester', (spec, kind) => {
      if (kind === 'ManagedChart') spec.timeoutSeconds = options.timeoutSeconds;
      else (spec.helm as Record<string, unknown>).timeoutSeconds = options.timeoutSeconds;
    });
  }
  setChartNotReady(builder, 'harvester', {
    state: 'ErrApplied',
    clusterMessage: 'post-upgrade hooks failed: context deadline exceeded',
  });
}
