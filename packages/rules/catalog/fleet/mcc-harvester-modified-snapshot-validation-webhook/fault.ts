/**
 * S01 `mcc-harvester-modified-snapshot-validation-webhook` (signatures.md §1): a v1.4.1 cluster
 * whose `harvester` ManagedChart lacks the two snapshot-validation-webhook comparePatches was
 * re-rendered (someone edited the chart), the sub-chart generated a new self-signed certificate,
 * and Fleet now reports `mcc-harvester` as `0/1` Modified on the Secret and the
 * ValidatingWebhookConfiguration. The v1.4.1 upgrade validator therefore refuses the upgrade to
 * v1.4.2 ("managed chart harvester is not ready"), whose Version CR is already there.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { modifiedFleetStatus, type ModifiedResource } from '../../../../../testdata/generator/fleet-status.js';
import { SNAPSHOT_WEBHOOK_COMPARE_PATCHES } from '../../../../../testdata/generator/harvester-managed-chart.js';
import { harvesterRelease } from '../../../../../testdata/generator/harvester-releases.js';
import { SeededRandom } from '../../../../../testdata/generator/random.js';
import { FLEET_BUNDLE, MANAGED_CHART, beforeCreated, comparePatchesOf, sameTarget, setReadyBundleCount, statusBasis } from '../../../../../testdata/generator/fault-support/fleet-objects.js';

export interface FlagshipS01Options {
  /** The running release; S01 affects v1.4.0 and v1.4.1. Default `v1.4.1`. */
  serverVersion?: string;
  /** The release the user tries to upgrade to. Default `v1.4.2`. */
  targetVersion?: string;
  /** Seeds the regenerated certificates in the patches. */
  seed?: number;
}

const CLUSTER = 'fleet-local/local';

/** The two objects Fleet reports as modified, with patches shaped like the ones in #7996/#7442. */
export function snapshotWebhookModifications(random: SeededRandom): ModifiedResource[] {
  const secretPatch = JSON.stringify({
    data: { 'ca.crt': random.pemBase64(), 'tls.crt': random.pemBase64(), 'tls.key': random.pemBase64('RSA PRIVATE KEY', 240) },
  });
  const webhookPatch = JSON.stringify({
    webhooks: [
      {
        admissionReviewVersions: ['v1', 'v1beta1'],
        clientConfig: {
          caBundle: random.pemBase64(),
          service: { name: 'harvester-snapshot-validation-webhook', namespace: 'kube-system', path: '/volumesnapshot', port: 443 },
        },
        failurePolicy: 'Fail',
        matchPolicy: 'Equivalent',
        name: 'snapshot-validation-webhook.csi.kubernetes.io',
        namespaceSelector: {},
        objectSelector: {},
        rules: [
          {
            apiGroups: ['snapshot.storage.k8s.io'],
            apiVersions: ['v1', 'v1beta1'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['volumesnapshots', 'volumesnapshotcontents'],
            scope: '*',
          },
        ],
        sideEffects: 'None',
        timeoutSeconds: 10,
      },
    ],
  });
  return [
    { apiVersion: 'v1', kind: 'Secret', namespace: 'kube-system', name: 'snapshot-validation-webhook-tls', patch: secretPatch },
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', name: 'harvester-snapshot-validation-webhook', patch: webhookPatch },
  ];
}

export function flagshipS01(builder: BundleBuilder, options: FlagshipS01Options = {}): void {
  const serverVersion = options.serverVersion ?? 'v1.4.1';
  const target = harvesterRelease(options.targetVersion ?? 'v1.4.2');
  const modified = snapshotWebhookModifications(new SeededRandom(options.seed ?? 0x501));
  const editedAt = beforeCreated(builder, 26 * 3600);
  const modifiedAt = beforeCreated(builder, 26 * 3600 - 45);

  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
    setting.value = serverVersion;
  });
  if (!builder.getObject('harvesterhci.io/v1beta1', 'Version', 'harvester-system', target.harvester)) {
    builder.addObject({
      apiVersion: 'harvesterhci.io/v1beta1',
      kind: 'Version',
      metadata: { annotations: { 'harvesterhci.io/minFreeDiskSpaceGB': '30' }, creationTimestamp: beforeCreated(builder, 3 * 86400), generation: 1, name: target.harvester, namespace: 'harvester-system' },
      spec: {
        isoChecksum: new SeededRandom(7).hex(128),
        isoURL: `https://releases.rancher.com/harvester/${target.harvester}/harvester-${target.harvester}-amd64.iso`,
        minUpgradableVersion: target.minUpgradableVersion,
        releaseDate: target.releaseDate,
      },
    });
  }
  if (!builder.getObject('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', undefined, 'harvester-snapshot-validation-webhook')) {
    throw new Error('S01 needs the harvester-snapshot-validation-webhook ValidatingWebhookConfiguration (start from healthyCluster)');
  }

  // The chart and its bundle were edited (a re-render), and neither ignores the regenerated objects.
  for (const [apiVersion, kind, namespace, name] of [
    [...MANAGED_CHART, 'harvester'],
    [...FLEET_BUNDLE, 'mcc-harvester'],
  ] as const) {
    builder.updateObject(apiVersion, kind, namespace, name, (object) => {
      const patches = comparePatchesOf(object);
      const kept = patches.filter((patch) => !SNAPSHOT_WEBHOOK_COMPARE_PATCHES.some((fix) => sameTarget(patch, fix)));
      patches.splice(0, patches.length, ...kept);
      object.metadata.generation = Number(object.metadata.generation ?? 1) + 1;
      if (kind === 'ManagedChart') {
        const managedFields = (object.metadata.managedFields ??= []) as unknown[];
        managedFields.push({
          apiVersion,
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { 'f:values': { 'f:storageClass': { 'f:defaultStorageClass': {} } } } },
          manager: 'kubectl-edit',
          operation: 'Update',
          time: editedAt,
        });
      }
      object.status = modifiedFleetStatus(statusBasis(object, modifiedAt), CLUSTER, modified);
    });
  }
  setReadyBundleCount(builder, 1, 1);
}
