import type { ResourceQuery } from '../resources/resource-query.js';

/**
 * The resources a timeline reads by default: what an incident on a Harvester cluster involves
 * (nodes, pods and their controllers, jobs, VMs, volumes, upgrades, charts and bundles) and
 * events. Reading every list of a large bundle costs about as much as the rest of an analysis;
 * `resources: 'all'` does it anyway.
 */
export const TIMELINE_RESOURCES: readonly ResourceQuery[] = [
  { group: '', resource: 'events' },
  { group: 'events.k8s.io', resource: 'events' },
  { group: '', resource: 'nodes' },
  { group: '', resource: 'pods' },
  { group: '', resource: 'persistentvolumeclaims' },
  { group: '', resource: 'persistentvolumes' },
  { group: '', resource: 'namespaces' },
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'daemonsets' },
  { group: 'apps', resource: 'statefulsets' },
  { group: 'batch', resource: 'jobs' },
  { group: 'harvesterhci.io', resource: 'upgrades' },
  { group: 'harvesterhci.io', resource: 'virtualmachinebackups' },
  { group: 'harvesterhci.io', resource: 'virtualmachinerestores' },
  { group: 'harvesterhci.io', resource: 'virtualmachineimages' },
  { group: 'kubevirt.io', resource: 'virtualmachines' },
  { group: 'kubevirt.io', resource: 'virtualmachineinstances' },
  { group: 'kubevirt.io', resource: 'virtualmachineinstancemigrations' },
  { group: 'cdi.kubevirt.io', resource: 'datavolumes' },
  { group: 'longhorn.io', resource: 'volumes' },
  { group: 'longhorn.io', resource: 'engines' },
  { group: 'longhorn.io', resource: 'replicas' },
  { group: 'longhorn.io', resource: 'nodes' },
  { group: 'longhorn.io', resource: 'backups' },
  { group: 'management.cattle.io', resource: 'managedcharts' },
  { group: 'fleet.cattle.io', resource: 'bundles' },
  { group: 'fleet.cattle.io', resource: 'bundledeployments' },
  { group: 'fleet.cattle.io', resource: 'clusters' },
  { group: 'provisioning.cattle.io', resource: 'clusters' },
  { group: 'cluster.x-k8s.io', resource: 'machines' },
  { group: 'upgrade.cattle.io', resource: 'plans' },
  { group: 'catalog.cattle.io', resource: 'apps' },
  { group: 'helm.cattle.io', resource: 'helmcharts' },
];
