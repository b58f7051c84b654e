import type { ResourceQuery } from '../resources/resource-query.js';

/**
 * The lists the overview counts. Most are read by rules anyway (nodes, pods, volumes, Fleet
 * bundles), so an analysis hands their objects over while they are decoded; the settings and
 * KubeVirt lists that give versions are small.
 */
export const OVERVIEW_RESOURCES: readonly ResourceQuery[] = [
  { group: '', resource: 'nodes', namespace: null },
  { group: '', resource: 'pods' },
  { group: 'kubevirt.io', resource: 'virtualmachines' },
  { group: 'longhorn.io', resource: 'volumes', namespace: 'longhorn-system' },
  { group: 'fleet.cattle.io', resource: 'bundles' },
  { group: 'management.cattle.io', resource: 'settings', namespace: null },
  { group: 'longhorn.io', resource: 'settings', namespace: 'longhorn-system' },
  { group: 'kubevirt.io', resource: 'kubevirts' },
  // The longhorn-manager image names Longhorn's version where no setting does (before v1.3).
  { group: 'apps', resource: 'daemonsets', namespace: 'longhorn-system' },
];
