/**
 * S09 `mcc-harvester-errapplied-deletion-errors-no-route-match` (signatures.md §2): during the
 * v1.3.2 → v1.4.0 upgrade the redeployed Fleet agent's deletion of old Helm release secrets is
 * denied by the harvester webhook; mcc-harvester and mcc-harvester-crd are ErrApplied (#6851).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addApplyManifestsLog, addUpgrade, setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

const denied = (secret: string) =>
  `admission webhook "validator.harvesterhci.io" denied the request: Internal error occurred: no route match found for DELETE /v1, Kind=${secret}`;

export function mccHarvesterErrAppliedDeletionErrorsNoRouteMatch(builder: BundleBuilder, options: { kind?: string } = {}): void {
  const kind = options.kind ?? 'Secret';
  setServerVersion(builder, 'v1.3.2');
  setChartNotReady(builder, 'harvester', {
    state: 'ErrApplied',
    clusterMessage: `encountered 2 deletion errors. First is: ${denied(`${kind} harvester-system/sh.helm.release.v1.harvester.v2`)}`,
  });
  setChartNotReady(builder, 'harvester-crd', { state: 'ErrApplied', clusterMessage: denied(`${kind} harvester-system/sh.helm.release.v1.harvester-crd.v1`) });
  addUpgrade(builder, { name: 'hvst-upgrade-bk5wz', version: 'v1.4.0', previousVersion: 'v1.3.2', state: 'UpgradingSystemServices' });
  addApplyManifestsLog(builder, 'hvst-upgrade-bk5wz', ['Current version: 1.4.0, Current state: ErrApplied, Current generation: 6']);
}
