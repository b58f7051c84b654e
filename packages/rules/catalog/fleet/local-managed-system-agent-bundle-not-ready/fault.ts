/**
 * S12 `local-managed-system-agent-bundle-not-ready` (signatures.md §2): on v1.4.0 the Fleet
 * bundle local-managed-system-agent is Modified on the Windows system-agent upgrade plan (#7800).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setBundleNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const WINDOWS_PLAN_PATCH = '{"spec":{"upgrade":{"securityContext":{"windowsOptions":{"hostProcess":true,"runAsUserName":"NT AUTHORITY\\\\SYSTEM"}}}}}';

export function localManagedSystemAgentBundleNotReady(builder: BundleBuilder, options: { serverVersion?: string; plan?: string } = {}): void {
  setServerVersion(builder, options.serverVersion ?? 'v1.4.0');
  setBundleNotReady(builder, 'local-managed-system-agent', {
    state: 'Modified',
    modified: [{ apiVersion: 'upgrade.cattle.io/v1', kind: 'Plan', namespace: 'cattle-system', name: options.plan ?? 'system-agent-upgrader-windows', patch: WINDOWS_PLAN_PATCH }],
  });
}
