/**
 * `mcc-harvester-modified-longhorn-storageclass-hook`: a Harvester v1.0.x cluster as every one of
 * them is (the real v1.0 sample too): the harvester chart's post-install/post-upgrade hook has
 * (re)made ConfigMap longhorn-system/longhorn-storageclass, Fleet does not track it and lists it as
 * missing, and ManagedChart harvester / Bundle mcc-harvester stay Modified 0/1 (harvester#2088).
 *
 * `deleted`: the ConfigMap is really gone (not the quirk). `alsoModified`, `alsoNotReady`, `state`:
 * Fleet lists another object, a resource not ready, or another state besides (a real problem on
 * top of it).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setChartNotReady, type FleetBundleState, type ModifiedEntry, type NonReadyEntry } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';

/** The StorageClass the hook writes into the ConfigMap (templates/longhorn-storageclass-override.yaml of v1.0.x). */
const STORAGECLASS_YAML = `kind: StorageClass
apiVersion: storage.k8s.io/v1
metadata:
  name: longhorn
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: driver.longhorn.io
allowVolumeExpansion: true
reclaimPolicy: "Delete"
volumeBindingMode: Immediate
parameters:
  numberOfReplicas: "3"
  staleReplicaTimeout: "30"
  fromBackup: ""
  baseImage: ""
  migratable: "true"
`;

export interface StorageclassHookOptions {
  deleted?: boolean;
  alsoModified?: ModifiedEntry;
  alsoNotReady?: NonReadyEntry;
  state?: FleetBundleState;
  clusterMessage?: string;
}

export function mccHarvesterModifiedLonghornStorageclassHook(builder: BundleBuilder, options: StorageclassHookOptions = {}): void {
  const madeAt = beforeCreated(builder, 5 * 3600);
  if (!options.deleted) {
    builder.addObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        annotations: { 'helm.sh/hook': 'post-install,post-upgrade' },
        creationTimestamp: madeAt,
        labels: {
          'app.kubernetes.io/instance': 'harvester',
          'app.kubernetes.io/managed-by': 'Helm',
          'app.kubernetes.io/name': 'harvester',
          'app.kubernetes.io/version': 'v1.0.0',
          'helm.sh/chart': 'harvester-1.0.0',
        },
        name: 'longhorn-storageclass',
        namespace: 'longhorn-system',
        resourceVersion: '14472688',
        uid: 'e2881906-ecf4-49b7-a7a3-eb1f99bd1c1c',
      },
      data: { 'storageclass.yaml': STORAGECLASS_YAML },
    });
  }
  const modified: ModifiedEntry[] = [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'longhorn-system', name: 'longhorn-storageclass', missing: true }];
  if (options.alsoModified) modified.push(options.alsoModified);
  setChartNotReady(
    builder,
    'harvester',
    {
      state: options.state ?? 'Modified',
      modified,
      ...(options.alsoNotReady ? { nonReady: [options.alsoNotReady] } : {}),
      ...(options.clusterMessage ? { clusterMessage: options.clusterMessage } : {}),
    },
    5 * 3600,
  );
}
