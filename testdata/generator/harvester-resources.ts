/**
 * Harvester's own cluster objects: settings (as the harvester collector writes them), Version
 * CRs for the releases the version syncer found, the SupportBundle CR being generated,
 * admission webhooks, the default StorageClass and the KubeVirt priority class.
 */
import { type ClusterContext } from './cluster-context.js';
import { newerReleases, type HarvesterRelease } from './harvester-releases.js';

/** Settings a v1.4 cluster has, `[name, default, value?]`; redacted ones included to show the filter. */
function settings(release: HarvesterRelease): [string, string, string?][] {
  return [
    ['additional-ca', ''],
    ['auto-disk-provision-paths', ''],
    ['backup-target', '', '{"type":"","endpoint":""}'],
    ['cluster-registration-url', ''],
    ['containerd-registry', '{}'],
    ['default-storage-class', 'harvester-longhorn'],
    ['default-vm-termination-grace-period-seconds', '120'],
    ['log-level', 'info'],
    ['ntp-servers', '', '{"ntpServers":["0.suse.pool.ntp.org","1.suse.pool.ntp.org"]}'],
    ['overcommit-config', '{"cpu":1600,"memory":150,"storage":200}'],
    ['release-download-url', 'https://releases.rancher.com/harvester'],
    ['server-version', '', release.harvester],
    ['ssl-certificates', '{}'],
    ['storage-network', ''],
    ['support-bundle-expiration', '30'],
    ['support-bundle-image', '{"repository":"rancher/support-bundle-kit","tag":"v0.0.46","imagePullPolicy":"IfNotPresent"}'],
    ['support-bundle-namespaces', ''],
    ['support-bundle-node-collection-timeout', '30'],
    ['support-bundle-timeout', '10'],
    ['ui-source', 'auto'],
    ['upgrade-checker-enabled', 'true'],
    ['upgrade-checker-url', 'https://harvester-upgrade-responder.rancher.io/v1/checkupgrade'],
    ['vm-force-reset-policy', '{"enable":true,"period":15}'],
  ];
}

/**
 * What Harvester's setting controllers record in `status.conditions` (type `configured`): a
 * setting with a syncer that ran is `True`, or `False` with the syncer's error as message; the
 * backup-target controller sets `False` without a message for the default (empty) target. A
 * setting no controller touched has no status.
 */
function settingStatus(context: ClusterContext, name: string): Record<string, unknown> {
  if (name === 'backup-target') return { conditions: [{ lastUpdateTime: context.at(14), status: 'False', type: 'configured' }] };
  if (name === 'ntp-servers') return { conditions: [{ lastUpdateTime: context.at(13), status: 'True', type: 'configured' }] };
  return {};
}

export function addHarvesterResources(context: ClusterContext): void {
  const { builder, release, random } = context;
  for (const [name, defaultValue, value] of settings(release)) {
    builder.addObject({
      apiVersion: 'harvesterhci.io/v1beta1',
      kind: 'Setting',
      metadata: { creationTimestamp: context.at(12), generation: value === undefined ? 1 : 2, name },
      default: defaultValue,
      ...(value === undefined ? {} : { value }),
      status: settingStatus(context, name),
    });
  }

  for (const newer of newerReleases(release.harvester)) addVersion(context, newer);

  const bundleName = builder.bundleMetadata.bundleName;
  builder.addObject({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'SupportBundle',
    metadata: { creationTimestamp: builder.createdAt, generation: 1, name: bundleName, namespace: 'harvester-system' },
    spec: { description: 'upgrade to the next release is refused', issueURL: '' },
    status: {
      conditions: [{ lastUpdateTime: builder.createdAt, status: 'True', type: 'Initialized' }],
      filename: '',
      filesize: 0,
      progress: 20,
      state: 'generating',
    },
  });

  const webhookCa = random.pemBase64();
  const webhooks: [string, string, string, string][] = [
    ['harvester-validator', 'validator.harvesterhci.io', 'harvester-system', 'harvester-webhook'],
    ['harvester-snapshot-validation-webhook', 'snapshot-validation-webhook.csi.kubernetes.io', 'kube-system', 'harvester-snapshot-validation-webhook'],
    ['longhorn-webhook-validator', 'validator.longhorn.io', 'longhorn-system', 'longhorn-admission-webhook'],
    ['rancher.cattle.io', 'rancher.cattle.io.clusters.management.cattle.io', 'cattle-system', 'rancher-webhook'],
  ];
  for (const [name, webhookName, namespace, service] of webhooks) {
    builder.addObject({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { creationTimestamp: context.at(15), generation: 3, name },
      webhooks: [
        {
          admissionReviewVersions: ['v1', 'v1beta1'],
          clientConfig: {
            caBundle: webhookCa,
            service: { name: service, namespace, path: name === 'harvester-snapshot-validation-webhook' ? '/volumesnapshot' : '/v1/webhook/validation', port: 443 },
          },
          failurePolicy: 'Fail',
          matchPolicy: 'Equivalent',
          name: webhookName,
          namespaceSelector: {},
          objectSelector: {},
          rules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: ['*'], scope: '*' }],
          sideEffects: 'None',
          timeoutSeconds: 10,
        },
      ],
    });
  }

  builder.addObject({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      creationTimestamp: context.at(20),
      name: 'harvester-longhorn',
    },
    allowVolumeExpansion: true,
    parameters: { migratable: 'true', numberOfReplicas: String(Math.min(3, context.nodes.length)), staleReplicaTimeout: '30' },
    provisioner: 'driver.longhorn.io',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  builder.addObject({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { creationTimestamp: context.at(20), generation: 1, name: 'kubevirt-cluster-critical' },
    description: 'This priority class should be used for core kubevirt components only.',
    preemptionPolicy: 'PreemptLowerPriority',
    value: 1_000_000_000,
  });
}

/** A Version CR as the version syncer creates it in harvester-system. */
export function addVersion(context: ClusterContext, release: HarvesterRelease): void {
  context.builder.addObject({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'Version',
    metadata: {
      annotations: { 'harvesterhci.io/minFreeDiskSpaceGB': '30' },
      creationTimestamp: context.before(60 * 24 * 2),
      generation: 1,
      name: release.harvester,
      namespace: 'harvester-system',
    },
    spec: {
      isoChecksum: context.random.hex(128),
      isoURL: `https://releases.rancher.com/harvester/${release.harvester}/harvester-${release.harvester}-amd64.iso`,
      minUpgradableVersion: release.minUpgradableVersion,
      releaseDate: release.releaseDate,
    },
  });
}
