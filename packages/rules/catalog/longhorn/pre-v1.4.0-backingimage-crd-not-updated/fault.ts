/**
 * S49 `pre-v1.4.0-backingimage-crd-not-updated` (signatures.md §5): a v1.3.2 cluster (Longhorn
 * v1.6.x) where the v1.4.0 Version CR has appeared, but the BackingImage CRD is still the
 * Longhorn v1.6 one (v1beta2 spec has `disks`, no `diskFileSpecMap`) and the harvester
 * ManagedChart has no diff entry for it. `prepared` is the near miss: the docs' steps were
 * done (comparePatch added, v1.7.2 CRD applied). `modified` gives the other fail: the CRD was
 * applied by hand without the diff, and mcc-harvester reports it as modified.
 *
 * healthyCluster models v1.4.x only, so this starts from healthyCluster({ harvesterVersion:
 * 'v1.4.0' }) and turns the running version back to v1.3.2.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { modifiedFleetStatus } from '../../../../../testdata/generator/fleet-status.js';
import { FLEET_BUNDLE, MANAGED_CHART, comparePatchesOf, statusBasis } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface BackingImageCrdOptions {
  /** The docs' steps were done: comparePatch added and the v1.7.2 CRD applied. */
  prepared?: boolean;
  /** The v1.7.2 CRD was applied without the diff entry; mcc-harvester is Modified on it. */
  modified?: boolean;
}

const CRD_COMPARE_PATCH = {
  apiVersion: 'apiextensions.k8s.io/v1',
  jsonPointers: ['/spec', '/metadata/annotations', '/metadata/labels', '/status'],
  kind: 'CustomResourceDefinition',
  name: 'backingimages.longhorn.io',
};

function backingImageCrd(builder: BundleBuilder, updated: boolean): KubeObject {
  const diskMapSpec = { additionalProperties: { properties: { dataEngine: { type: 'string' }, evictionRequested: { type: 'boolean' } }, type: 'object' }, type: 'object' };
  const specProperties: Record<string, unknown> = {
    checksum: { type: 'string' },
    ...(updated ? { dataEngine: { default: 'v1', enum: ['v1', 'v2'], type: 'string' }, diskFileSpecMap: diskMapSpec } : { disks: { additionalProperties: { type: 'string' }, type: 'object' } }),
    diskSelector: { items: { type: 'string' }, type: 'array' },
    minNumberOfCopies: { type: 'integer' },
    nodeSelector: { items: { type: 'string' }, type: 'array' },
    secret: { type: 'string' },
    secretNamespace: { type: 'string' },
    sourceParameters: { additionalProperties: { type: 'string' }, type: 'object' },
    sourceType: { enum: ['download', 'upload', 'export-from-volume', 'restore', 'clone'], type: 'string' },
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.15.0', 'meta.helm.sh/release-name': 'harvester', 'meta.helm.sh/release-namespace': 'harvester-system' },
      creationTimestamp: secondsBefore(builder, 200 * 86400),
      generation: updated ? 4 : 3,
      labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': 'longhorn', 'app.kubernetes.io/version': updated ? 'v1.7.2' : 'v1.6.2', longhorn: 'longhorn' },
      name: 'backingimages.longhorn.io',
    },
    spec: {
      conversion: { strategy: 'None' },
      group: 'longhorn.io',
      names: { kind: 'BackingImage', listKind: 'BackingImageList', plural: 'backingimages', shortNames: ['lhbi'], singular: 'backingimage' },
      preserveUnknownFields: false,
      scope: 'Namespaced',
      versions: [
        { name: 'v1beta1', schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }, served: false, storage: false },
        {
          additionalPrinterColumns: [{ jsonPath: '.status.uuid', name: 'UUID', type: 'string' }, { jsonPath: '.spec.sourceType', name: 'SourceType', type: 'string' }],
          name: 'v1beta2',
          schema: { openAPIV3Schema: { description: 'BackingImage is where Longhorn stores backing image object.', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { properties: specProperties, type: 'object' }, status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }, type: 'object' } },
          served: true,
          storage: true,
          subresources: { status: {} },
        },
      ],
    },
    status: { acceptedNames: { kind: 'BackingImage', listKind: 'BackingImageList', plural: 'backingimages', shortNames: ['lhbi'], singular: 'backingimage' }, conditions: [], storedVersions: ['v1beta2'] },
  };
}

export function preV140BackingimageCrdNotUpdated(builder: BundleBuilder, options: BackingImageCrdOptions = {}): void {
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
    setting.value = 'v1.3.2';
  });
  if (!builder.getObject('harvesterhci.io/v1beta1', 'Version', 'harvester-system', 'v1.4.0')) {
    builder.addObject({
      apiVersion: 'harvesterhci.io/v1beta1',
      kind: 'Version',
      metadata: { annotations: { 'harvesterhci.io/minFreeDiskSpaceGB': '30' }, creationTimestamp: secondsBefore(builder, 2 * 86400), generation: 1, name: 'v1.4.0', namespace: 'harvester-system' },
      spec: { isoChecksum: 'e1f0'.repeat(32), isoURL: 'https://releases.rancher.com/harvester/v1.4.0/harvester-v1.4.0-amd64.iso', minUpgradableVersion: 'v1.3.2', releaseDate: '20241118' },
    });
  }
  builder.addObject(backingImageCrd(builder, Boolean(options.prepared || options.modified)));
  if (options.prepared) {
    builder.updateObject(...MANAGED_CHART, 'harvester', (chart) => {
      comparePatchesOf(chart).push(structuredClone(CRD_COMPARE_PATCH));
    });
  }
  if (options.modified) {
    const patch = JSON.stringify({ metadata: { labels: { 'app.kubernetes.io/version': 'v1.6.2' } }, spec: { versions: [{ name: 'v1beta2' }] } });
    for (const [apiVersion, kind, namespace] of [MANAGED_CHART, FLEET_BUNDLE]) {
      builder.updateObject(apiVersion, kind, namespace, kind === 'ManagedChart' ? 'harvester' : 'mcc-harvester', (object) => {
        object.status = modifiedFleetStatus(statusBasis(object, secondsBefore(builder, 3600)), 'fleet-local/local', [
          { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'backingimages.longhorn.io', patch },
        ]);
      });
    }
  }
}
