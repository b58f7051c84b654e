/**
 * The `fleet-local/harvester` ManagedChart as the Harvester installer creates it
 * (harvester-installer `rancherd-10-harvester.yaml`), with the `spec.diff.comparePatches` each
 * release ships (signatures.md §5b). The two snapshot-validation-webhook entries are in the
 * installer template from v1.4.2 only; their absence on v1.4.0/v1.4.1 is the root of S01.
 */
import { versionAtLeast, type HarvesterRelease } from './harvester-releases.js';

export interface ComparePatch {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  jsonPointers?: string[];
  operations?: { op: string; path: string }[];
}

const LONGHORN_CRD_POINTERS = ['/status/acceptedNames', '/status/conditions', '/status/storedVersions'];

/** Longhorn CRDs (installer PR #345, #701) and the default StorageClass (PR #481). */
const LONGHORN_COMPARE_PATCHES: ComparePatch[] = [
  ...['engineimages', 'nodes', 'volumes', 'settings', 'replicas', 'instancemanagers', 'engines'].map((plural) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    jsonPointers: LONGHORN_CRD_POINTERS,
    kind: 'CustomResourceDefinition',
    name: `${plural}.longhorn.io`,
  })),
  { apiVersion: 'storage.k8s.io/v1', jsonPointers: ['/metadata/annotations'], kind: 'StorageClass', name: 'harvester-longhorn' },
];

/** The fix for S01 (installer PR #939, harvester PR #7482): no namespace, no operations. */
export const SNAPSHOT_WEBHOOK_COMPARE_PATCHES: readonly ComparePatch[] = [
  { apiVersion: 'v1', jsonPointers: ['/data'], kind: 'Secret', name: 'snapshot-validation-webhook-tls' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    jsonPointers: ['/webhooks'],
    kind: 'ValidatingWebhookConfiguration',
    name: 'harvester-snapshot-validation-webhook',
  },
];

export function harvesterComparePatches(release: HarvesterRelease): ComparePatch[] {
  const patches = structuredClone(LONGHORN_COMPARE_PATCHES);
  if (versionAtLeast(release.harvester, 'v1.4.2')) patches.push(...structuredClone([...SNAPSHOT_WEBHOOK_COMPARE_PATCHES]));
  return patches;
}

/** `spec` of the `harvester` ManagedChart. */
export function harvesterManagedChartSpec(release: HarvesterRelease, vip: string): Record<string, unknown> {
  return {
    chart: 'harvester',
    defaultNamespace: 'harvester-system',
    diff: { comparePatches: harvesterComparePatches(release) },
    releaseName: 'harvester',
    repoName: 'harvester-charts',
    targets: [
      {
        clusterName: 'local',
        clusterSelector: { matchExpressions: [{ key: 'provisioning.cattle.io/unmanaged-system-agent', operator: 'DoesNotExist' }] },
      },
    ],
    // v1.4.2's template also raised the Helm timeout (the v1.4.0 → v1.4.1 workaround for #7375).
    ...(versionAtLeast(release.harvester, 'v1.4.2') ? { timeoutSeconds: 600 } : {}),
    values: {
      containers: { apiserver: { hciMode: true, image: { imagePullPolicy: 'IfNotPresent' } } },
      'harvester-load-balancer': { enabled: true },
      'harvester-network-controller': { enabled: true, image: { pullPolicy: 'IfNotPresent' }, vipEnabled: true },
      'harvester-node-disk-manager': { enabled: true, image: { pullPolicy: 'IfNotPresent' }, labelFilter: ['COS_*', 'HARV_*'] },
      'harvester-node-manager': { enabled: true },
      'kube-vip': { enabled: true },
      'kube-vip-cloud-provider': { enabled: true },
      kubevirt: { spec: { monitorAccount: 'rancher-monitoring-operator', monitorNamespace: 'cattle-monitoring-system' } },
      longhorn: {
        defaultSettings: { defaultDataPath: '/var/lib/harvester/defaultdisk', taintToleration: 'kubevirt.io/drain:NoSchedule' },
        enabled: true,
      },
      promote: { clusterPodCIDR: '10.52.0.0/16', clusterServiceCIDR: '10.53.0.0/16', clusterDNS: '10.53.0.10' },
      rancherEmbedded: true,
      service: { vip: { enabled: true, hwAddress: '', ip: vip, mode: 'static' } },
      'snapshot-validation-webhook': { enabled: true },
      storageClass: { defaultStorageClass: true },
      webhook: { image: { imagePullPolicy: 'IfNotPresent' } },
    },
    version: release.chart,
  };
}
