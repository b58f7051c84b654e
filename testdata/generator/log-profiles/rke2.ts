import type { LogProfile } from './profile.js';

/** rke2-server (journal): its own logrus lines, helm-controller's (embedded), and etcd's client. */
export const rke2Profile: LogProfile = {
  component: 'rke2',
  format: 'logrus',
  placement: () => ({ kind: 'journal', file: 'rke2-server.log', identifier: 'rke2[2100]' }),
  templates: [
    {
      id: 'rke2/proxy-dial-refused',
      level: 'error',
      message: () => 'Failed to connect to proxy. Empty dialer response',
      fields: (v) => [['error', `dial tcp ${v.hostIp()}:9345: connect: connection refused`]],
    },
    {
      id: 'rke2/tunnel-endpoints',
      level: 'warning',
      message: () => 'Unable to watch for tunnel endpoints: unknown (get endpoints)',
    },
    {
      id: 'rke2/etcd-defrag',
      level: 'error',
      message: (v) => `Failed to defragment etcd database: context deadline exceeded after ${v.duration()}`,
    },
    {
      id: 'helm-controller/chart-requeue',
      level: 'error',
      message: (v) => {
        const chart = v.pick(['rke2-canal', 'rke2-multus', 'rke2-coredns', 'rke2-ingress-nginx', 'rke2-metrics-server']);
        return `error syncing 'kube-system/${chart}': handler helm-controller-chart-registration: helmcharts.helm.cattle.io "${chart}" not found, requeuing`;
      },
    },
    {
      id: 'rke2/waiting-apiserver',
      level: 'info',
      message: () => 'Waiting for API server to become available',
    },
  ],
};

/** A helm-install job pod of helm-controller: the helm CLI's own output, no levels. */
export const helmInstallProfile: LogProfile = {
  component: 'helm-install',
  format: 'plain',
  placement: (v) => ({ kind: 'pod', namespace: 'kube-system', pod: v.daemonPod('helm-install-rke2-multus'), container: 'helm' }),
  templates: [
    {
      id: 'helm-install/name-in-use',
      level: 'error',
      message: () => `Error: INSTALLATION FAILED: cannot re-use a name that is still in use`,
    },
    {
      id: 'helm-install/upgrade-failed',
      level: 'error',
      message: (v) => `Error: UPGRADE FAILED: timed out waiting for the condition after ${v.duration()}`,
    },
    {
      id: 'helm-install/exec',
      level: 'info',
      message: (v) => `+ helm_v3 upgrade --set-string global.clusterCIDR=10.52.0.0/16 rke2-multus /tmp/rke2-multus.tgz --revision ${v.int(2, 40)}`,
    },
  ],
};
