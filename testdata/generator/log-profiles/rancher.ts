import type { LogProfile } from './profile.js';

/** Rancher (embedded in Harvester): its own `[ERROR]` lines. */
export const rancherProfile: LogProfile = {
  component: 'rancher',
  format: 'rancher',
  placement: (v) => ({ kind: 'pod', namespace: 'cattle-system', pod: v.replicaPod('rancher'), container: 'rancher' }),
  templates: [
    {
      id: 'rancher/provisioning-status-requeue',
      level: 'error',
      message: (v) => `error syncing 'fleet-local/local': handler provisioning-cluster-status: waiting for ${v.pick(['machine', 'bootstrap', 'plan'])} custom-${v.hex(12)} to be ready, requeuing`,
    },
    {
      id: 'rancher/tunnel-auth-failed',
      level: 'error',
      message: (v) => `Failed to handle tunnel request from remote address ${v.hostIp()}:${v.int(30000, 60000)} (X-Forwarded-For: ${v.hostIp()}): response 401: failed authentication`,
    },
    {
      id: 'rancher/planner-probes',
      level: 'info',
      message: (v) => `[planner] rkecluster fleet-local/local: configuring bootstrap node(s) custom-${v.hex(12)}: waiting for probes: ${v.pick(['kube-apiserver, kubelet', 'etcd', 'calico, etcd, kube-apiserver, kubelet'])}`,
    },
    {
      id: 'rancher/apiservice-unavailable',
      level: 'warning',
      message: (v) => `failed to get discovery for apiservice ${v.pick(['v1beta1.metrics.k8s.io', 'v1beta1.custom.metrics.k8s.io', 'v1.ext.cattle.io'])}: the server is currently unable to handle the request`,
    },
  ],
};
