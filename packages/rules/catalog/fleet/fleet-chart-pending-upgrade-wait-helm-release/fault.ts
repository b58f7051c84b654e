/**
 * S11 `fleet-chart-pending-upgrade-wait-helm-release` (signatures.md §2): during v1.3.2 → v1.4.0
 * Rancher was redeployed and left the fleet release pending-upgrade; apply-manifests waits for
 * it forever (docs v1.3.2 → v1.4.0 KI 3).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addApplyManifestsLog, addUpgrade, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const WAIT_FLEET = 'wait helm release cattle-fleet-system fleet fleet-104.0.2+up0.10.2 0.10.2 deployed';

/** `rounds` wait lines; with `movedOn` the release became deployed and apply-manifests went on. */
export function fleetChartPendingUpgradeWaitHelmRelease(builder: BundleBuilder, options: { rounds?: number; movedOn?: boolean } = {}): string {
  setServerVersion(builder, 'v1.3.2');
  addUpgrade(builder, { name: 'hvst-upgrade-r2t9k', version: 'v1.4.0', previousVersion: 'v1.3.2', state: 'UpgradingSystemServices' });
  const path = addApplyManifestsLog(builder, 'hvst-upgrade-r2t9k', ['Wait for Rancher dependencies helm releases...', WAIT_FLEET], options.rounds ?? 8);
  if (options.movedOn) {
    builder.addPodLog('harvester-system', 'hvst-upgrade-r2t9k-apply-manifests-7xk2p', 'apply', ['Rancher dependencies helm releases are ready', 'Upgrading Harvester managed charts...']);
  }
  return path;
}
