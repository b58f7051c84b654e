import type { PrinterColumn } from './printer-column.js';

/**
 * `additionalPrinterColumns` of the CRDs Harvester installs, copied from their definitions
 * (virt-operator's crds.go, longhorn-manager k8s/crds.yaml at v1.2.4 for v1beta1 and v1.7.2 for
 * v1beta2, fleet-crd v0.11, harvester-crd at v1.4.1 (which also carries the external-snapshotter's),
 * helm-controller). Used when the bundle has
 * no `customresourcedefinitions.yaml` to read them from. Keyed by `group/resource`, then by
 * version where the columns changed between versions (`*` for any other).
 */
type ColumnSpec = [name: string, type: PrinterColumn['type'], jsonPath: string, priority?: number];

const AGE: ColumnSpec = ['Age', 'date', '.metadata.creationTimestamp'];

function columns(...specs: ColumnSpec[]): PrinterColumn[] {
  return specs.map(([name, type, jsonPath, priority]) => ({ name, type, jsonPath, priority: priority ?? 0 }));
}

/** wrangler's `WithColumn`: a string column. */
function strings(...specs: [name: string, jsonPath: string][]): PrinterColumn[] {
  return specs.map(([name, jsonPath]) => ({ name, type: 'string', jsonPath, priority: 0 }));
}

const READY_CONDITION = ".status.conditions[?(@.type=='Ready')].status";
const FLEET_READY_MESSAGE = '.status.conditions[?(@.type=="Ready")].message';

export const KNOWN_PRINTER_COLUMNS: Readonly<Record<string, Readonly<Record<string, readonly PrinterColumn[]>>>> = {
  'kubevirt.io/virtualmachines': { '*': columns(AGE, ['Status', 'string', '.status.printableStatus'], ['Ready', 'string', READY_CONDITION]) },
  'kubevirt.io/virtualmachineinstances': {
    '*': columns(
      AGE,
      ['Phase', 'string', '.status.phase'],
      ['IP', 'string', '.status.interfaces[0].ipAddress'],
      ['NodeName', 'string', '.status.nodeName'],
      ['Ready', 'string', READY_CONDITION],
      ['Live-Migratable', 'string', ".status.conditions[?(@.type=='LiveMigratable')].status", 1],
      ['Paused', 'string', ".status.conditions[?(@.type=='Paused')].status", 1],
    ),
  },
  'kubevirt.io/virtualmachineinstancemigrations': { '*': columns(['Phase', 'string', '.status.phase'], ['VMI', 'string', '.spec.vmiName']) },
  'kubevirt.io/kubevirts': { '*': columns(AGE, ['Phase', 'string', '.status.phase']) },
  'longhorn.io/volumes': {
    v1beta1: columns(
      ['State', 'string', '.status.state'],
      ['Robustness', 'string', '.status.robustness'],
      ['Scheduled', 'string', ".status.conditions['scheduled']['status']"],
      ['Size', 'string', '.spec.size'],
      ['Node', 'string', '.status.currentNodeID'],
      AGE,
    ),
    '*': columns(
      ['Data Engine', 'string', '.spec.dataEngine'],
      ['State', 'string', '.status.state'],
      ['Robustness', 'string', '.status.robustness'],
      ['Scheduled', 'string', ".status.conditions[?(@.type=='Schedulable')].status"],
      ['Size', 'string', '.spec.size'],
      ['Node', 'string', '.status.currentNodeID'],
      AGE,
    ),
  },
  'longhorn.io/replicas': {
    v1beta1: columns(['State', 'string', '.status.currentState'], ['Node', 'string', '.spec.nodeID'], ['Disk', 'string', '.spec.diskID'], ['InstanceManager', 'string', '.status.instanceManagerName'], ['Image', 'string', '.status.currentImage'], AGE),
    '*': columns(['Data Engine', 'string', '.spec.dataEngine'], ['State', 'string', '.status.currentState'], ['Node', 'string', '.spec.nodeID'], ['Disk', 'string', '.spec.diskID'], ['InstanceManager', 'string', '.status.instanceManagerName'], ['Image', 'string', '.status.currentImage'], AGE),
  },
  'longhorn.io/engines': {
    v1beta1: columns(['State', 'string', '.status.currentState'], ['Node', 'string', '.spec.nodeID'], ['InstanceManager', 'string', '.status.instanceManagerName'], ['Image', 'string', '.status.currentImage'], AGE),
    '*': columns(['Data Engine', 'string', '.spec.dataEngine'], ['State', 'string', '.status.currentState'], ['Node', 'string', '.spec.nodeID'], ['InstanceManager', 'string', '.status.instanceManagerName'], ['Image', 'string', '.status.currentImage'], AGE),
  },
  'longhorn.io/nodes': {
    v1beta1: columns(['Ready', 'string', ".status.conditions['Ready']['status']"], ['AllowScheduling', 'boolean', '.spec.allowScheduling'], ['Schedulable', 'string', ".status.conditions['Schedulable']['status']"], AGE),
    '*': columns(['Ready', 'string', READY_CONDITION], ['AllowScheduling', 'boolean', '.spec.allowScheduling'], ['Schedulable', 'string', ".status.conditions[?(@.type=='Schedulable')].status"], AGE),
  },
  'longhorn.io/settings': {
    v1beta1: columns(['Value', 'string', '.value'], AGE),
    '*': columns(['Value', 'string', '.value'], ['Applied', 'boolean', '.status.applied'], AGE),
  },
  'longhorn.io/instancemanagers': {
    v1beta1: columns(['State', 'string', '.status.currentState'], ['Type', 'string', '.spec.type'], ['Node', 'string', '.spec.nodeID'], AGE),
    '*': columns(['Data Engine', 'string', '.spec.dataEngine'], ['State', 'string', '.status.currentState'], ['Type', 'string', '.spec.type'], ['Node', 'string', '.spec.nodeID'], AGE),
  },
  'longhorn.io/engineimages': {
    v1beta1: columns(['State', 'string', '.status.state'], ['Image', 'string', '.spec.image'], ['RefCount', 'integer', '.status.refCount'], ['BuildDate', 'date', '.status.buildDate'], AGE),
    '*': columns(['Incompatible', 'boolean', '.status.incompatible'], ['State', 'string', '.status.state'], ['Image', 'string', '.spec.image'], ['RefCount', 'integer', '.status.refCount'], ['BuildDate', 'date', '.status.buildDate'], AGE),
  },
  'longhorn.io/sharemanagers': { '*': columns(['State', 'string', '.status.state'], ['Node', 'string', '.status.ownerID'], AGE) },
  'longhorn.io/backingimages': {
    v1beta1: columns(['Image', 'string', '.spec.image'], AGE),
    '*': columns(['UUID', 'string', '.status.uuid'], ['SourceType', 'string', '.spec.sourceType'], ['Size', 'string', '.status.size'], ['VirtualSize', 'string', '.status.virtualSize'], AGE),
  },
  'longhorn.io/backuptargets': {
    v1beta1: columns(['URL', 'string', '.spec.backupTargetURL'], ['Credential', 'string', '.spec.credentialSecret'], ['Interval', 'string', '.spec.pollInterval'], ['Available', 'boolean', '.status.available'], ['LastSyncedAt', 'string', '.status.lastSyncedAt']),
    '*': columns(['URL', 'string', '.spec.backupTargetURL'], ['Credential', 'string', '.spec.credentialSecret'], ['LastBackupAt', 'string', '.spec.pollInterval'], ['Available', 'boolean', '.status.available'], ['LastSyncedAt', 'string', '.status.lastSyncedAt']),
  },
  'longhorn.io/backups': { '*': columns(['SnapshotName', 'string', '.status.snapshotName'], ['SnapshotSize', 'string', '.status.size'], ['SnapshotCreatedAt', 'string', '.status.snapshotCreatedAt'], ['State', 'string', '.status.state'], ['LastSyncedAt', 'string', '.status.lastSyncedAt']) },
  'longhorn.io/backupvolumes': { '*': columns(['CreatedAt', 'string', '.status.createdAt'], ['LastBackupName', 'string', '.status.lastBackupName'], ['LastBackupAt', 'string', '.status.lastBackupAt'], ['LastSyncedAt', 'string', '.status.lastSyncedAt']) },
  'longhorn.io/snapshots': { '*': columns(['Volume', 'string', '.spec.volume'], ['CreationTime', 'string', '.status.creationTime'], ['ReadyToUse', 'boolean', '.status.readyToUse'], ['RestoreSize', 'string', '.status.restoreSize'], ['Size', 'string', '.status.size'], AGE) },
  'longhorn.io/recurringjobs': { '*': columns(['Groups', 'string', '.spec.groups'], ['Task', 'string', '.spec.task'], ['Cron', 'string', '.spec.cron'], ['Retain', 'integer', '.spec.retain'], ['Concurrency', 'integer', '.spec.concurrency'], AGE, ['Labels', 'string', '.spec.labels']) },
  'longhorn.io/volumeattachments': { '*': columns(AGE) },
  'longhorn.io/orphans': { '*': columns(['Type', 'string', '.spec.orphanType'], ['Node', 'string', '.spec.nodeID']) },
  'fleet.cattle.io/bundles': { '*': columns(['BundleDeployments-Ready', 'string', '.status.display.readyClusters'], ['Status', 'string', FLEET_READY_MESSAGE]) },
  'fleet.cattle.io/bundledeployments': { '*': columns(['Deployed', 'string', '.status.display.deployed'], ['Monitored', 'string', '.status.display.monitored'], ['Status', 'string', FLEET_READY_MESSAGE]) },
  'fleet.cattle.io/clusters': { '*': columns(['Bundles-Ready', 'string', '.status.display.readyBundles'], ['Last-Seen', 'string', '.status.agent.lastSeen'], ['Status', 'string', FLEET_READY_MESSAGE]) },
  'fleet.cattle.io/clustergroups': { '*': columns(['Clusters-Ready', 'string', '.status.display.readyClusters'], ['Bundles-Ready', 'string', '.status.display.readyBundles'], ['Status', 'string', FLEET_READY_MESSAGE]) },
  'fleet.cattle.io/clusterregistrations': { '*': columns(['Cluster-Name', 'string', '.status.clusterName'], ['Labels', 'string', '.spec.clusterLabels']) },
  'fleet.cattle.io/gitrepos': { '*': columns(['Repo', 'string', '.spec.repo'], ['Commit', 'string', '.status.commit'], ['BundleDeployments-Ready', 'string', '.status.display.readyBundleDeployments'], ['Status', 'string', FLEET_READY_MESSAGE]) },
  'harvesterhci.io/settings': { '*': columns(['VALUE', 'string', '.value']) },
  'harvesterhci.io/keypairs': { '*': columns(['FINGER_PRINT', 'string', '.status.fingerPrint'], ['AGE', 'date', '.metadata.creationTimestamp']) },
  'harvesterhci.io/supportbundles': { '*': columns(['ISSUE_URL', 'string', '.spec.issueURL'], ['DESCRIPTION', 'string', '.spec.description'], ['AGE', 'date', '.metadata.creationTimestamp']) },
  'harvesterhci.io/upgradelogs': { '*': columns(['UPGRADE', 'string', '.spec.upgradeName']) },
  'harvesterhci.io/versions': { '*': columns(['ISO-URL', 'string', '.spec.isoURL'], ['ReleaseDate', 'string', '.spec.releaseDate'], ['MinUpgradableVersion', 'string', '.spec.minUpgradableVersion']) },
  'harvesterhci.io/virtualmachinebackups': { '*': columns(['SOURCE_KIND', 'string', '.spec.source.kind'], ['SOURCE_NAME', 'string', '.spec.source.name'], ['TYPE', 'string', '.spec.type'], ['READY_TO_USE', 'boolean', '.status.readyToUse'], ['AGE', 'date', '.metadata.creationTimestamp'], ['ERROR', 'date', '.status.error.message']) },
  'harvesterhci.io/virtualmachineimages': { '*': columns(['DISPLAY-NAME', 'string', '.spec.displayName'], ['SIZE', 'integer', '.status.size'], ['VIRTUALSIZE', 'integer', '.status.virtualSize'], ['AGE', 'date', '.metadata.creationTimestamp']) },
  'harvesterhci.io/virtualmachinerestores': { '*': columns(['TARGET_KIND', 'string', '.spec.target.kind'], ['TARGET_NAME', 'string', '.spec.target.name'], ['COMPLETE', 'boolean', '.status.complete'], ['AGE', 'date', '.metadata.creationTimestamp'], ['ERROR', 'date', '.status.error.message']) },
  'harvesterhci.io/addons': { '*': columns(['HelmRepo', 'string', '.spec.repo'], ['ChartName', 'string', '.spec.chart'], ['Enabled', 'boolean', '.spec.enabled']) },
  'harvesterhci.io/schedulevmbackups': { '*': columns(['Cron', 'string', '.spec.cron'], ['Retain', 'integer', '.spec.retain'], ['MaxFailure', 'integer', '.spec.maxFailure'], ['SpecSuspend', 'boolean', '.spec.suspend'], ['Source', 'string', '.spec.vmbackup.source.name'], ['Suspended', 'string', '.status.suspended'], ['Failure', 'integer', '.status.failure']) },
  'snapshot.storage.k8s.io/volumesnapshots': {
    '*': columns(
      ['ReadyToUse', 'boolean', '.status.readyToUse'],
      ['SourcePVC', 'string', '.spec.source.persistentVolumeClaimName'],
      ['SourceSnapshotContent', 'string', '.spec.source.volumeSnapshotContentName'],
      ['RestoreSize', 'string', '.status.restoreSize'],
      ['SnapshotClass', 'string', '.spec.volumeSnapshotClassName'],
      ['SnapshotContent', 'string', '.status.boundVolumeSnapshotContentName'],
      ['CreationTime', 'date', '.status.creationTime'],
      AGE,
    ),
  },
  'snapshot.storage.k8s.io/volumesnapshotcontents': {
    '*': columns(
      ['ReadyToUse', 'boolean', '.status.readyToUse'],
      ['RestoreSize', 'integer', '.status.restoreSize'],
      ['DeletionPolicy', 'string', '.spec.deletionPolicy'],
      ['Driver', 'string', '.spec.driver'],
      ['VolumeSnapshotClass', 'string', '.spec.volumeSnapshotClassName'],
      ['VolumeSnapshot', 'string', '.spec.volumeSnapshotRef.name'],
      ['VolumeSnapshotNamespace', 'string', '.spec.volumeSnapshotRef.namespace'],
      AGE,
    ),
  },
  'snapshot.storage.k8s.io/volumesnapshotclasses': { '*': columns(['Driver', 'string', '.driver'], ['DeletionPolicy', 'string', '.deletionPolicy'], AGE) },
  'helm.cattle.io/helmcharts': {
    '*': strings(['Job', '.status.jobName'], ['Chart', '.spec.chart'], ['TargetNamespace', '.spec.targetNamespace'], ['Version', '.spec.version'], ['Repo', '.spec.repo'], ['HelmVersion', '.spec.helmVersion'], ['Bootstrap', '.spec.bootstrap']),
  },
};

/** The built-in columns of a custom resource type at the bundle's version; undefined when unknown. */
export function knownPrinterColumns(group: string, resource: string, version: string | undefined): readonly PrinterColumn[] | undefined {
  const byVersion = KNOWN_PRINTER_COLUMNS[`${group}/${resource}`];
  if (!byVersion) return undefined;
  return (version !== undefined ? byVersion[version] : undefined) ?? byVersion['*'];
}
