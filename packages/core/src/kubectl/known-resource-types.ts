/**
 * The resource types kubectl would discover on a Harvester cluster, with their short names,
 * scope and categories: the Kubernetes API (as `kubectl api-resources` lists it) and the CRDs
 * Harvester installs (KubeVirt, Longhorn, Fleet, Rancher, RKE2, CDI, CAPI, monitoring). A
 * bundle's own `customresourcedefinitions.yaml`, when it has one, takes precedence; this table
 * lets short names work on bundles without it (the kit's CRD list is often several MiB and is
 * sometimes left out when a bundle is trimmed, as in the real v1.0 sample).
 */
export interface KnownResourceType {
  group: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames?: readonly string[];
  /** When the singular is not the kind in lower case. */
  singular?: string;
  categories?: readonly string[];
  /** Versions the cluster serves (orders API groups as discovery does); the bundle's own win. */
  served?: readonly string[];
  notCollected?: string;
}

const NS = true;
const CLUSTER = false;
const ALL = ['all'] as const;

function type(
  group: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames: readonly string[] = [],
  extra: Omit<KnownResourceType, 'group' | 'resource' | 'kind' | 'namespaced' | 'shortNames'> = {},
): KnownResourceType {
  return { group, resource, kind, namespaced, shortNames, ...extra };
}

const SECRETS_EXCLUDED =
  'support-bundle-kit never collects Secrets (only fleet-local machine-plan Secrets, with most keys removed)';
const EXCLUDED_BY_HARVESTER = 'Harvester tells support-bundle-kit to leave this type out of bundles';

export const KNOWN_RESOURCE_TYPES: readonly KnownResourceType[] = [
  // core
  type('', 'componentstatuses', 'ComponentStatus', CLUSTER, ['cs']),
  type('', 'configmaps', 'ConfigMap', NS, ['cm']),
  type('', 'endpoints', 'Endpoints', NS, ['ep'], { singular: 'endpoints' }),
  type('', 'events', 'Event', NS, ['ev']),
  type('', 'limitranges', 'LimitRange', NS, ['limits']),
  type('', 'namespaces', 'Namespace', CLUSTER, ['ns']),
  type('', 'nodes', 'Node', CLUSTER, ['no']),
  type('', 'persistentvolumeclaims', 'PersistentVolumeClaim', NS, ['pvc']),
  type('', 'persistentvolumes', 'PersistentVolume', CLUSTER, ['pv']),
  type('', 'pods', 'Pod', NS, ['po'], { categories: ALL }),
  type('', 'podtemplates', 'PodTemplate', NS),
  type('', 'replicationcontrollers', 'ReplicationController', NS, ['rc'], { categories: ALL }),
  type('', 'resourcequotas', 'ResourceQuota', NS, ['quota']),
  type('', 'secrets', 'Secret', NS, [], { notCollected: SECRETS_EXCLUDED }),
  type('', 'serviceaccounts', 'ServiceAccount', NS, ['sa']),
  type('', 'services', 'Service', NS, ['svc'], { categories: ALL }),
  // Kubernetes groups
  type('admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', CLUSTER),
  type('admissionregistration.k8s.io', 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', CLUSTER),
  type('admissionregistration.k8s.io', 'validatingadmissionpolicies', 'ValidatingAdmissionPolicy', CLUSTER),
  type('admissionregistration.k8s.io', 'validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', CLUSTER),
  type('apiextensions.k8s.io', 'customresourcedefinitions', 'CustomResourceDefinition', CLUSTER, ['crd', 'crds']),
  type('apiregistration.k8s.io', 'apiservices', 'APIService', CLUSTER),
  type('apps', 'controllerrevisions', 'ControllerRevision', NS),
  type('apps', 'daemonsets', 'DaemonSet', NS, ['ds'], { categories: ALL }),
  type('apps', 'deployments', 'Deployment', NS, ['deploy'], { categories: ALL }),
  type('apps', 'replicasets', 'ReplicaSet', NS, ['rs'], { categories: ALL }),
  type('apps', 'statefulsets', 'StatefulSet', NS, ['sts'], { categories: ALL }),
  type('autoscaling', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', NS, ['hpa'], { categories: ALL }),
  type('batch', 'cronjobs', 'CronJob', NS, ['cj'], { categories: ALL }),
  type('batch', 'jobs', 'Job', NS, [], { categories: ALL }),
  type('certificates.k8s.io', 'certificatesigningrequests', 'CertificateSigningRequest', CLUSTER, ['csr']),
  type('coordination.k8s.io', 'leases', 'Lease', NS),
  type('discovery.k8s.io', 'endpointslices', 'EndpointSlice', NS),
  type('events.k8s.io', 'events', 'Event', NS, ['ev']),
  type('extensions', 'ingresses', 'Ingress', NS, ['ing']),
  type('flowcontrol.apiserver.k8s.io', 'flowschemas', 'FlowSchema', CLUSTER),
  type('flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', 'PriorityLevelConfiguration', CLUSTER),
  type('metrics.k8s.io', 'nodes', 'NodeMetrics', CLUSTER),
  type('metrics.k8s.io', 'pods', 'PodMetrics', NS),
  type('networking.k8s.io', 'ingressclasses', 'IngressClass', CLUSTER),
  type('networking.k8s.io', 'ingresses', 'Ingress', NS, ['ing']),
  type('networking.k8s.io', 'networkpolicies', 'NetworkPolicy', NS, ['netpol']),
  type('node.k8s.io', 'runtimeclasses', 'RuntimeClass', CLUSTER),
  type('policy', 'poddisruptionbudgets', 'PodDisruptionBudget', NS, ['pdb']),
  type('policy', 'podsecuritypolicies', 'PodSecurityPolicy', CLUSTER, ['psp']),
  type('rbac.authorization.k8s.io', 'clusterrolebindings', 'ClusterRoleBinding', CLUSTER),
  type('rbac.authorization.k8s.io', 'clusterroles', 'ClusterRole', CLUSTER),
  type('rbac.authorization.k8s.io', 'rolebindings', 'RoleBinding', NS),
  type('rbac.authorization.k8s.io', 'roles', 'Role', NS),
  type('scheduling.k8s.io', 'priorityclasses', 'PriorityClass', CLUSTER, ['pc']),
  type('storage.k8s.io', 'csidrivers', 'CSIDriver', CLUSTER),
  type('storage.k8s.io', 'csinodes', 'CSINode', CLUSTER),
  type('storage.k8s.io', 'csistoragecapacities', 'CSIStorageCapacity', NS),
  type('storage.k8s.io', 'storageclasses', 'StorageClass', CLUSTER, ['sc']),
  type('storage.k8s.io', 'volumeattachments', 'VolumeAttachment', CLUSTER),
  type('snapshot.storage.k8s.io', 'volumesnapshotclasses', 'VolumeSnapshotClass', CLUSTER, ['vsclass', 'vsclasses'], { served: ['v1'] }),
  type('snapshot.storage.k8s.io', 'volumesnapshotcontents', 'VolumeSnapshotContent', CLUSTER, ['vsc', 'vscs'], { served: ['v1'] }),
  type('snapshot.storage.k8s.io', 'volumesnapshots', 'VolumeSnapshot', NS, ['vs'], { served: ['v1'] }),
  // KubeVirt and CDI (virt-operator's CRDs)
  type('kubevirt.io', 'kubevirts', 'KubeVirt', NS, ['kv', 'kvs'], { categories: ALL, served: ['v1', 'v1alpha3'] }),
  type('kubevirt.io', 'virtualmachines', 'VirtualMachine', NS, ['vm', 'vms'], { categories: ALL, served: ['v1', 'v1alpha3'] }),
  type('kubevirt.io', 'virtualmachineinstances', 'VirtualMachineInstance', NS, ['vmi', 'vmis'], { categories: ALL, served: ['v1', 'v1alpha3'] }),
  type('kubevirt.io', 'virtualmachineinstancemigrations', 'VirtualMachineInstanceMigration', NS, ['vmim', 'vmims'], { categories: ALL, served: ['v1', 'v1alpha3'] }),
  type('kubevirt.io', 'virtualmachineinstancepresets', 'VirtualMachineInstancePreset', NS, ['vmipreset', 'vmipresets'], { categories: ALL, served: ['v1', 'v1alpha3'] }),
  type('kubevirt.io', 'virtualmachineinstancereplicasets', 'VirtualMachineInstanceReplicaSet', NS, ['vmirs', 'vmirss'], { categories: ALL, served: ['v1', 'v1alpha3'] }),
  type('snapshot.kubevirt.io', 'virtualmachinesnapshots', 'VirtualMachineSnapshot', NS, ['vmsnapshot', 'vmsnapshots'], { categories: ALL, served: ['v1alpha1', 'v1beta1'] }),
  type('snapshot.kubevirt.io', 'virtualmachinesnapshotcontents', 'VirtualMachineSnapshotContent', NS, ['vmsnapshotcontent', 'vmsnapshotcontents'], { categories: ALL, served: ['v1alpha1', 'v1beta1'] }),
  type('snapshot.kubevirt.io', 'virtualmachinerestores', 'VirtualMachineRestore', NS, ['vmrestore', 'vmrestores'], { categories: ALL, served: ['v1alpha1', 'v1beta1'] }),
  type('cdi.kubevirt.io', 'datavolumes', 'DataVolume', NS, ['dv', 'dvs'], { categories: ALL, served: ['v1beta1'] }),
  // Harvester
  type('harvesterhci.io', 'addons', 'Addon', NS),
  type('harvesterhci.io', 'blockdevices', 'BlockDevice', NS, ['bd', 'bds']),
  type('harvesterhci.io', 'keypairs', 'KeyPair', NS, ['kp', 'kps']),
  type('harvesterhci.io', 'preferences', 'Preference', NS, ['preference', 'preferences']),
  type('harvesterhci.io', 'resourcequotas', 'ResourceQuota', NS, ['hrq', 'hrqs']),
  type('harvesterhci.io', 'schedulevmbackups', 'ScheduleVMBackup', NS, ['svmbackup', 'svmbackups']),
  type('harvesterhci.io', 'settings', 'Setting', CLUSTER),
  type('harvesterhci.io', 'supportbundles', 'SupportBundle', NS, ['sb', 'sbs']),
  type('harvesterhci.io', 'upgradelogs', 'UpgradeLog', NS),
  type('harvesterhci.io', 'upgrades', 'Upgrade', NS),
  type('harvesterhci.io', 'versions', 'Version', NS),
  type('harvesterhci.io', 'virtualmachinebackups', 'VirtualMachineBackup', NS, ['vmbackup', 'vmbackups']),
  type('harvesterhci.io', 'virtualmachineimages', 'VirtualMachineImage', NS, ['vmimage', 'vmimages']),
  type('harvesterhci.io', 'virtualmachinerestores', 'VirtualMachineRestore', NS, ['vmrestore', 'vmrestores']),
  type('harvesterhci.io', 'virtualmachinetemplates', 'VirtualMachineTemplate', NS, ['vmtemplate', 'vmtemplates']),
  type('harvesterhci.io', 'virtualmachinetemplateversions', 'VirtualMachineTemplateVersion', NS, ['vmtemplateversion', 'vmtemplateversions']),
  type('network.harvesterhci.io', 'clusternetworks', 'ClusterNetwork', CLUSTER),
  type('network.harvesterhci.io', 'linkmonitors', 'LinkMonitor', CLUSTER),
  type('network.harvesterhci.io', 'nodenetworks', 'NodeNetwork', CLUSTER),
  type('network.harvesterhci.io', 'vlanconfigs', 'VlanConfig', CLUSTER),
  type('network.harvesterhci.io', 'vlanstatuses', 'VlanStatus', CLUSTER),
  type('loadbalancer.harvesterhci.io', 'ippools', 'IPPool', CLUSTER),
  type('loadbalancer.harvesterhci.io', 'loadbalancers', 'LoadBalancer', NS),
  type('k8s.cni.cncf.io', 'network-attachment-definitions', 'NetworkAttachmentDefinition', NS, ['net-attach-def'], { singular: 'network-attachment-definition' }),
  // Longhorn (v1beta1 up to Longhorn 1.2, v1beta2 after; both served for years)
  ...longhorn([
    ['backingimagedatasources', 'BackingImageDataSource', 'lhbids'],
    ['backingimagemanagers', 'BackingImageManager', 'lhbim'],
    ['backingimages', 'BackingImage', 'lhbi'],
    ['backupbackingimages', 'BackupBackingImage', 'lhbbi'],
    ['backups', 'Backup', 'lhb'],
    ['backuptargets', 'BackupTarget', 'lhbt'],
    ['backupvolumes', 'BackupVolume', 'lhbv'],
    ['engineimages', 'EngineImage', 'lhei'],
    ['engines', 'Engine', 'lhe'],
    ['instancemanagers', 'InstanceManager', 'lhim'],
    ['nodes', 'Node', 'lhn'],
    ['orphans', 'Orphan', 'lho'],
    ['recurringjobs', 'RecurringJob', 'lhrj'],
    ['replicas', 'Replica', 'lhr'],
    ['settings', 'Setting', 'lhs'],
    ['sharemanagers', 'ShareManager', 'lhsm'],
    ['snapshots', 'Snapshot', 'lhsnap'],
    ['supportbundles', 'SupportBundle', 'lhbundle'],
    ['systembackups', 'SystemBackup', 'lhsb'],
    ['systemrestores', 'SystemRestore', 'lhsr'],
    ['volumeattachments', 'VolumeAttachment', 'lhva'],
    ['volumes', 'Volume', 'lhv'],
  ]),
  // Fleet
  type('fleet.cattle.io', 'bundledeployments', 'BundleDeployment', NS),
  type('fleet.cattle.io', 'bundlenamespacemappings', 'BundleNamespaceMapping', NS),
  type('fleet.cattle.io', 'bundles', 'Bundle', NS),
  type('fleet.cattle.io', 'clustergroups', 'ClusterGroup', NS),
  type('fleet.cattle.io', 'clusterregistrations', 'ClusterRegistration', NS),
  type('fleet.cattle.io', 'clusterregistrationtokens', 'ClusterRegistrationToken', NS),
  type('fleet.cattle.io', 'clusters', 'Cluster', NS),
  type('fleet.cattle.io', 'contents', 'Content', CLUSTER),
  type('fleet.cattle.io', 'gitreporestrictions', 'GitRepoRestriction', NS),
  type('fleet.cattle.io', 'gitrepos', 'GitRepo', NS),
  // Rancher
  type('management.cattle.io', 'apiservices', 'APIService', CLUSTER),
  type('management.cattle.io', 'authconfigs', 'AuthConfig', CLUSTER, [], { notCollected: EXCLUDED_BY_HARVESTER }),
  type('management.cattle.io', 'clusterregistrationtokens', 'ClusterRegistrationToken', NS),
  type('management.cattle.io', 'clusters', 'Cluster', CLUSTER),
  type('management.cattle.io', 'features', 'Feature', CLUSTER),
  type('management.cattle.io', 'fleetworkspaces', 'FleetWorkspace', CLUSTER),
  type('management.cattle.io', 'managedcharts', 'ManagedChart', NS),
  type('management.cattle.io', 'settings', 'Setting', CLUSTER),
  type('management.cattle.io', 'tokens', 'Token', CLUSTER, [], { notCollected: EXCLUDED_BY_HARVESTER }),
  type('management.cattle.io', 'users', 'User', CLUSTER, [], { notCollected: EXCLUDED_BY_HARVESTER }),
  type('provisioning.cattle.io', 'clusters', 'Cluster', NS),
  type('rke.cattle.io', 'custommachines', 'CustomMachine', NS),
  type('rke.cattle.io', 'etcdsnapshots', 'ETCDSnapshot', NS),
  type('rke.cattle.io', 'rkebootstraps', 'RKEBootstrap', NS),
  type('rke.cattle.io', 'rkeclusters', 'RKECluster', NS),
  type('rke.cattle.io', 'rkecontrolplanes', 'RKEControlPlane', NS),
  type('catalog.cattle.io', 'apps', 'App', NS, ['app']),
  type('catalog.cattle.io', 'clusterrepos', 'ClusterRepo', CLUSTER),
  type('catalog.cattle.io', 'operations', 'Operation', NS),
  type('upgrade.cattle.io', 'plans', 'Plan', NS),
  type('cluster.x-k8s.io', 'clusters', 'Cluster', NS, ['cl'], { served: ['v1beta1'] }),
  type('cluster.x-k8s.io', 'machinedeployments', 'MachineDeployment', NS, ['md'], { served: ['v1beta1'] }),
  type('cluster.x-k8s.io', 'machinehealthchecks', 'MachineHealthCheck', NS, ['mhc', 'mhcs'], { served: ['v1beta1'] }),
  type('cluster.x-k8s.io', 'machines', 'Machine', NS, ['ma'], { served: ['v1beta1'] }),
  type('cluster.x-k8s.io', 'machinesets', 'MachineSet', NS, ['ms'], { served: ['v1beta1'] }),
  // RKE2 / k3s
  type('helm.cattle.io', 'helmchartconfigs', 'HelmChartConfig', NS),
  type('helm.cattle.io', 'helmcharts', 'HelmChart', NS),
  type('k3s.cattle.io', 'addons', 'Addon', NS),
  // rancher-monitoring
  type('monitoring.coreos.com', 'alertmanagers', 'Alertmanager', NS, ['am']),
  type('monitoring.coreos.com', 'podmonitors', 'PodMonitor', NS, ['pmon']),
  type('monitoring.coreos.com', 'prometheuses', 'Prometheus', NS, ['prom'], { singular: 'prometheus' }),
  type('monitoring.coreos.com', 'prometheusrules', 'PrometheusRule', NS, ['promrule']),
  type('monitoring.coreos.com', 'servicemonitors', 'ServiceMonitor', NS, ['smon']),
];

function longhorn(entries: readonly [string, string, string][]): KnownResourceType[] {
  return entries.map(([resource, kind, shortName]) =>
    type('longhorn.io', resource, kind, NS, [shortName], { served: ['v1beta1', 'v1beta2'] }),
  );
}
