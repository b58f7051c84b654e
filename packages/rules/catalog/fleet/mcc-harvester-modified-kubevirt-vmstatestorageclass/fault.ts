/**
 * S05 `mcc-harvester-modified-kubevirt-vmstatestorageclass` (signatures.md §2): a cluster first
 * installed with v1.1 upgrades from v1.4.2 to v1.5.0; its old kubevirts.kubevirt.io CRD prunes
 * vmStateStorageClass, Fleet reports the KubeVirt CR as modified and apply-manifests waits
 * (#8163, #8203).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addApplyManifestsLog, addUpgrade, setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const VMSTATE_PATCH = '{"spec":{"configuration":{"vmStateStorageClass":"vmstate-persistence"}}}';

export function mccHarvesterModifiedKubevirtVmStateStorageClass(builder: BundleBuilder, options: { patch?: string } = {}): void {
  setServerVersion(builder, 'v1.4.2');
  setChartNotReady(builder, 'harvester', {
    state: 'Modified',
    modified: [{ apiVersion: 'kubevirt.io/v1', kind: 'KubeVirt', namespace: 'harvester-system', name: 'kubevirt', patch: options.patch ?? VMSTATE_PATCH }],
  });
  addUpgrade(builder, { name: 'hvst-upgrade-7dm2x', version: 'v1.5.0', previousVersion: 'v1.4.2', state: 'UpgradingSystemServices' });
  addApplyManifestsLog(builder, 'hvst-upgrade-7dm2x', ['Current version: 1.5.0, Current ready clusters: 0/1, Current state: WaitApplied, Current generation: 5']);
}
