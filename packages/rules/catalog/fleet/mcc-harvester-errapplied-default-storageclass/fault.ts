/**
 * S02 `mcc-harvester-errapplied-default-storageclass` (signatures.md §2): the user made another
 * StorageClass the default in the UI (which clears the annotation on harvester-longhorn); the
 * harvester chart still renders harvester-longhorn as default, the Harvester webhook refuses the
 * second default, and mcc-harvester is ErrApplied (#7375).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { setChartNotReady, setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export interface DefaultStorageClassOptions {
  serverVersion?: string;
  /** The StorageClass the user made the default. */
  userDefault?: string;
}

export const DEFAULT_SC_DENIED =
  'cannot patch "harvester-longhorn" with kind StorageClass: admission webhook "validator.harvesterhci.io" denied the request: default storage class %!s(MISSING) already exists, please reset it first';

/** Another StorageClass carries is-default-class "true"; harvester-longhorn lost it. */
export function moveDefaultStorageClass(builder: BundleBuilder, userDefault: string): void {
  builder.updateObject('storage.k8s.io/v1', 'StorageClass', undefined, 'harvester-longhorn', (sc) => {
    (sc.metadata.annotations as Record<string, string>)['storageclass.kubernetes.io/is-default-class'] = 'false';
  });
  builder.addObject({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      creationTimestamp: beforeCreated(builder, 9 * 86400),
      name: userDefault,
    },
    allowVolumeExpansion: true,
    parameters: { migratable: 'true', numberOfReplicas: '1', staleReplicaTimeout: '30', diskSelector: 'ssd' },
    provisioner: 'driver.longhorn.io',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'default-storage-class', (setting) => {
    setting.value = userDefault;
  });
}

export function mccHarvesterErrAppliedDefaultStorageClass(builder: BundleBuilder, options: DefaultStorageClassOptions = {}): void {
  setServerVersion(builder, options.serverVersion ?? 'v1.4.0');
  moveDefaultStorageClass(builder, options.userDefault ?? 'longhorn-ssd-single');
  setChartNotReady(builder, 'harvester', {
    state: 'ErrApplied',
    clusterMessage: DEFAULT_SC_DENIED,
    modified: [
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        name: 'harvester-longhorn',
        patch: '{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"false"}}}',
      },
    ],
  });
}
