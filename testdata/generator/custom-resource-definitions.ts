/**
 * `yamls/cluster/apiextensions.k8s.io/v1/customresourcedefinitions.yaml`: the CRDs of the
 * custom resources the generated cluster holds, with the names, scope, versions and
 * `additionalPrinterColumns` of the real definitions (virt-operator's crds.go for KubeVirt 1.3,
 * longhorn-manager k8s/crds.yaml at v1.7.2, fleet-crd v0.11, harvester-crd at v1.4.1,
 * helm-controller, and Rancher's ManagedChart, which declares no columns). The OpenAPI schemas
 * are cut to `x-kubernetes-preserve-unknown-fields`: the real ones make this list several MiB,
 * and nothing that reads a bundle's CRDs for kubectl's purposes looks at them.
 */
import type { ClusterContext } from './cluster-context.js';

type Column = [name: string, type: string, jsonPath: string, priority?: number];

interface CrdSpec {
  group: string;
  plural: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  categories?: string[];
  /** Served versions, the storage one last. */
  versions: string[];
  columns?: Column[];
}

const AGE: Column = ['Age', 'date', '.metadata.creationTimestamp'];
const READY: Column = ['Ready', 'string', ".status.conditions[?(@.type=='Ready')].status"];
const FLEET_STATUS: Column = ['Status', 'string', '.status.conditions[?(@.type=="Ready")].message'];
const KUBEVIRT_VERSIONS = ['v1alpha3', 'v1'];
const LONGHORN_VERSIONS = ['v1beta1', 'v1beta2'];

export const HARVESTER_CRDS: readonly CrdSpec[] = [
  { group: 'kubevirt.io', plural: 'virtualmachines', kind: 'VirtualMachine', scope: 'Namespaced', shortNames: ['vm', 'vms'], categories: ['all'], versions: KUBEVIRT_VERSIONS, columns: [AGE, ['Status', 'string', '.status.printableStatus'], READY] },
  {
    group: 'kubevirt.io',
    plural: 'virtualmachineinstances',
    kind: 'VirtualMachineInstance',
    scope: 'Namespaced',
    shortNames: ['vmi', 'vmis'],
    categories: ['all'],
    versions: KUBEVIRT_VERSIONS,
    columns: [
      AGE,
      ['Phase', 'string', '.status.phase'],
      ['IP', 'string', '.status.interfaces[0].ipAddress'],
      ['NodeName', 'string', '.status.nodeName'],
      READY,
      ['Live-Migratable', 'string', ".status.conditions[?(@.type=='LiveMigratable')].status", 1],
      ['Paused', 'string', ".status.conditions[?(@.type=='Paused')].status", 1],
    ],
  },
  { group: 'kubevirt.io', plural: 'virtualmachineinstancemigrations', kind: 'VirtualMachineInstanceMigration', scope: 'Namespaced', shortNames: ['vmim', 'vmims'], categories: ['all'], versions: KUBEVIRT_VERSIONS, columns: [['Phase', 'string', '.status.phase'], ['VMI', 'string', '.spec.vmiName']] },
  { group: 'kubevirt.io', plural: 'kubevirts', kind: 'KubeVirt', scope: 'Namespaced', shortNames: ['kv', 'kvs'], categories: ['all'], versions: KUBEVIRT_VERSIONS, columns: [AGE, ['Phase', 'string', '.status.phase']] },
  {
    group: 'longhorn.io',
    plural: 'volumes',
    kind: 'Volume',
    scope: 'Namespaced',
    shortNames: ['lhv'],
    versions: LONGHORN_VERSIONS,
    columns: [
      ['Data Engine', 'string', '.spec.dataEngine'],
      ['State', 'string', '.status.state'],
      ['Robustness', 'string', '.status.robustness'],
      ['Scheduled', 'string', ".status.conditions[?(@.type=='Schedulable')].status"],
      ['Size', 'string', '.spec.size'],
      ['Node', 'string', '.status.currentNodeID'],
      AGE,
    ],
  },
  {
    group: 'longhorn.io',
    plural: 'replicas',
    kind: 'Replica',
    scope: 'Namespaced',
    shortNames: ['lhr'],
    versions: LONGHORN_VERSIONS,
    columns: [['Data Engine', 'string', '.spec.dataEngine'], ['State', 'string', '.status.currentState'], ['Node', 'string', '.spec.nodeID'], ['Disk', 'string', '.spec.diskID'], ['InstanceManager', 'string', '.status.instanceManagerName'], ['Image', 'string', '.status.currentImage'], AGE],
  },
  {
    group: 'longhorn.io',
    plural: 'engines',
    kind: 'Engine',
    scope: 'Namespaced',
    shortNames: ['lhe'],
    versions: LONGHORN_VERSIONS,
    columns: [['Data Engine', 'string', '.spec.dataEngine'], ['State', 'string', '.status.currentState'], ['Node', 'string', '.spec.nodeID'], ['InstanceManager', 'string', '.status.instanceManagerName'], ['Image', 'string', '.status.currentImage'], AGE],
  },
  { group: 'longhorn.io', plural: 'nodes', kind: 'Node', scope: 'Namespaced', shortNames: ['lhn'], versions: LONGHORN_VERSIONS, columns: [READY, ['AllowScheduling', 'boolean', '.spec.allowScheduling'], ['Schedulable', 'string', ".status.conditions[?(@.type=='Schedulable')].status"], AGE] },
  { group: 'longhorn.io', plural: 'settings', kind: 'Setting', scope: 'Namespaced', shortNames: ['lhs'], versions: LONGHORN_VERSIONS, columns: [['Value', 'string', '.value'], ['Applied', 'boolean', '.status.applied'], AGE] },
  { group: 'longhorn.io', plural: 'instancemanagers', kind: 'InstanceManager', scope: 'Namespaced', shortNames: ['lhim'], versions: LONGHORN_VERSIONS, columns: [['Data Engine', 'string', '.spec.dataEngine'], ['State', 'string', '.status.currentState'], ['Type', 'string', '.spec.type'], ['Node', 'string', '.spec.nodeID'], AGE] },
  { group: 'fleet.cattle.io', plural: 'bundles', kind: 'Bundle', scope: 'Namespaced', versions: ['v1alpha1'], columns: [['BundleDeployments-Ready', 'string', '.status.display.readyClusters'], FLEET_STATUS] },
  { group: 'fleet.cattle.io', plural: 'clusters', kind: 'Cluster', scope: 'Namespaced', versions: ['v1alpha1'], columns: [['Bundles-Ready', 'string', '.status.display.readyBundles'], ['Last-Seen', 'string', '.status.agent.lastSeen'], FLEET_STATUS] },
  { group: 'fleet.cattle.io', plural: 'clustergroups', kind: 'ClusterGroup', scope: 'Namespaced', versions: ['v1alpha1'], columns: [['Clusters-Ready', 'string', '.status.display.readyClusters'], ['Bundles-Ready', 'string', '.status.display.readyBundles'], FLEET_STATUS] },
  { group: 'management.cattle.io', plural: 'managedcharts', kind: 'ManagedChart', scope: 'Namespaced', versions: ['v3'] },
  {
    group: 'helm.cattle.io',
    plural: 'helmcharts',
    kind: 'HelmChart',
    scope: 'Namespaced',
    versions: ['v1'],
    columns: [
      ['Job', 'string', '.status.jobName'],
      ['Chart', 'string', '.spec.chart'],
      ['TargetNamespace', 'string', '.spec.targetNamespace'],
      ['Version', 'string', '.spec.version'],
      ['Repo', 'string', '.spec.repo'],
      ['HelmVersion', 'string', '.spec.helmVersion'],
      ['Bootstrap', 'string', '.spec.bootstrap'],
    ],
  },
  { group: 'harvesterhci.io', plural: 'settings', kind: 'Setting', scope: 'Cluster', versions: ['v1beta1'], columns: [['VALUE', 'string', '.value']] },
  { group: 'harvesterhci.io', plural: 'supportbundles', kind: 'SupportBundle', scope: 'Namespaced', shortNames: ['sb', 'sbs'], versions: ['v1beta1'], columns: [['ISSUE_URL', 'string', '.spec.issueURL'], ['DESCRIPTION', 'string', '.spec.description'], ['AGE', 'date', '.metadata.creationTimestamp']] },
  { group: 'harvesterhci.io', plural: 'upgrades', kind: 'Upgrade', scope: 'Namespaced', versions: ['v1beta1'] },
  { group: 'harvesterhci.io', plural: 'versions', kind: 'Version', scope: 'Namespaced', versions: ['v1beta1'], columns: [['ISO-URL', 'string', '.spec.isoURL'], ['ReleaseDate', 'string', '.spec.releaseDate'], ['MinUpgradableVersion', 'string', '.spec.minUpgradableVersion']] },
  {
    group: 'harvesterhci.io',
    plural: 'virtualmachineimages',
    kind: 'VirtualMachineImage',
    scope: 'Namespaced',
    shortNames: ['vmimage', 'vmimages'],
    versions: ['v1beta1'],
    columns: [['DISPLAY-NAME', 'string', '.spec.displayName'], ['SIZE', 'integer', '.status.size'], ['VIRTUALSIZE', 'integer', '.status.virtualSize'], ['AGE', 'date', '.metadata.creationTimestamp']],
  },
];

/** Adds a CustomResourceDefinition (Established) for each spec. */
export function addCustomResourceDefinitions(context: ClusterContext, specs: readonly CrdSpec[] = HARVESTER_CRDS): void {
  for (const spec of specs) {
    const established = context.at(3);
    const names = {
      kind: spec.kind,
      listKind: `${spec.kind}List`,
      plural: spec.plural,
      singular: spec.kind.toLowerCase(),
      ...(spec.shortNames ? { shortNames: spec.shortNames } : {}),
      ...(spec.categories ? { categories: spec.categories } : {}),
    };
    context.builder.addObject({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { creationTimestamp: established, generation: 1, name: `${spec.plural}.${spec.group}` },
      spec: {
        conversion: { strategy: 'None' },
        group: spec.group,
        names,
        scope: spec.scope,
        versions: spec.versions.map((name, index) => ({
          ...(spec.columns ? { additionalPrinterColumns: spec.columns.map(([column, type, jsonPath, priority]) => ({ jsonPath, name: column, type, ...(priority ? { priority } : {}) })) } : {}),
          name,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          served: true,
          storage: index === spec.versions.length - 1,
          subresources: { status: {} },
        })),
      },
      status: {
        acceptedNames: names,
        conditions: [
          { lastTransitionTime: established, message: 'no conflicts found', reason: 'NoConflicts', status: 'True', type: 'NamesAccepted' },
          { lastTransitionTime: established, message: 'the initial names have been accepted', reason: 'InitialNamesAccepted', status: 'True', type: 'Established' },
        ],
        storedVersions: [spec.versions[spec.versions.length - 1]],
      },
    });
  }
}
