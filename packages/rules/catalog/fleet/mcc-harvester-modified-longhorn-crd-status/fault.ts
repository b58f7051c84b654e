/**
 * S04 `mcc-harvester-modified-longhorn-crd-status` (signatures.md §2): a v1.3.0 cluster upgrading
 * to v1.3.1 whose harvester ManagedChart lacks the comparePatches for the settings, replicas,
 * instancemanagers and engines Longhorn CRDs: Fleet reports their server-filled status as
 * modified and apply-manifests loops on "Current state: Modified" (#5566).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addApplyManifestsLog, addUpgrade, editChart, setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';
import type { ComparePatch } from '../../../../../testdata/generator/harvester-managed-chart.js';

export const LATE_LONGHORN_CRDS = ['settings.longhorn.io', 'replicas.longhorn.io', 'instancemanagers.longhorn.io', 'engines.longhorn.io'];
export const CRD_STATUS_PATCH = '{"status":{"acceptedNames":{"kind":"","plural":""},"conditions":[],"storedVersions":[]}}';

export interface LonghornCrdStatusOptions {
  /** The patch Fleet reports on the CRDs (default: the status patch of #5566). */
  patch?: string;
  /** How many 5-second rounds apply-manifests has logged (6 by default; a loop stuck for hours has thousands). */
  loopRounds?: number;
}

export function mccHarvesterModifiedLonghornCrdStatus(builder: BundleBuilder, options: LonghornCrdStatusOptions = {}): void {
  setServerVersion(builder, 'v1.3.0');
  editChart(builder, 'harvester', (spec) => {
    const diff = spec.diff as { comparePatches: ComparePatch[] };
    diff.comparePatches = diff.comparePatches.filter((patch) => !LATE_LONGHORN_CRDS.includes(patch.name));
  });
  setChartNotReady(builder, 'harvester', {
    state: 'Modified',
    modified: LATE_LONGHORN_CRDS.map((name) => ({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name, patch: options.patch ?? CRD_STATUS_PATCH })),
  });
  addUpgrade(builder, { name: 'hvst-upgrade-q8v4m', version: 'v1.3.1', previousVersion: 'v1.3.0', state: 'UpgradingSystemServices' });
  addApplyManifestsLog(builder, 'hvst-upgrade-q8v4m', ['Current version: 1.3.1, Current state: Modified, Current generation: 4'], options.loopRounds);
}
