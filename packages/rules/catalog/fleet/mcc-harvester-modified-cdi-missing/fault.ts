/**
 * S06 `mcc-harvester-modified-cdi-missing` (signatures.md §2): during v1.4.2 → v1.5.0 Fleet
 * cannot create the CDI object: "cdi.cdi.kubevirt.io cdi missing" (#8163). With `crdExists`
 * the cdis.cdi.kubevirt.io CRD is there (Fleet just has not retried).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade, setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export interface CdiMissingOptions {
  crdExists?: boolean;
  /** Report the CDI object as modified instead of missing (a near miss). */
  modifiedInstead?: boolean;
}

export function mccHarvesterModifiedCdiMissing(builder: BundleBuilder, options: CdiMissingOptions = {}): void {
  setServerVersion(builder, 'v1.4.2');
  if (options.crdExists) {
    builder.addObject({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { creationTimestamp: beforeCreated(builder, 4 * 3600), generation: 1, name: 'cdis.cdi.kubevirt.io' },
      spec: {
        group: 'cdi.kubevirt.io',
        names: { kind: 'CDI', listKind: 'CDIList', plural: 'cdis', shortNames: ['cdi', 'cdis'], singular: 'cdi' },
        scope: 'Cluster',
        versions: [{ name: 'v1beta1', served: true, storage: true, subresources: { status: {} } }],
      },
      status: { acceptedNames: { kind: 'CDI', plural: 'cdis' }, storedVersions: ['v1beta1'] },
    });
  }
  setChartNotReady(builder, 'harvester', {
    state: 'Modified',
    modified: [
      options.modifiedInstead
        ? { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'CDI', name: 'cdi', patch: '{"spec":{"config":{"featureGates":["HonorWaitForFirstConsumer"]}}}' }
        : { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'CDI', name: 'cdi', missing: true },
    ],
  });
  addUpgrade(builder, { name: 'hvst-upgrade-7dm2x', version: 'v1.5.0', previousVersion: 'v1.4.2', state: 'UpgradingSystemServices' });
}
