/**
 * The HelmCharts a healthy Harvester v1.4 cluster has, with what helm-controller left of their
 * runs: RKE2's bundled charts in kube-system (inline `chartContent`, each with its Complete
 * `helm-install-<chart>` Job, the Job's Completed pod and a log that ends `STATUS: deployed`),
 * and the HelmChart Harvester made for the one Addon that is enabled (harvester-addons.ts).
 * Nothing here may make a health check fire: these are the "completed helm-install-* pods" every
 * cluster shows.
 */
import type { ClusterContext } from './cluster-context.js';
import { addHelmChart, addHelmJob } from './helm-jobs.js';
import type { SeededRandom } from './random.js';

const RKE2_CHARTS: { name: string; bootstrap: boolean; seconds: number }[] = [
  { name: 'rke2-canal', bootstrap: true, seconds: 11 },
  { name: 'rke2-coredns', bootstrap: true, seconds: 12 },
  { name: 'rke2-ingress-nginx', bootstrap: false, seconds: 31 },
  { name: 'rke2-metrics-server', bootstrap: false, seconds: 48 },
  { name: 'rke2-multus', bootstrap: true, seconds: 10 },
];

const RKE2_SET = { 'global.clusterCIDR': '10.52.0.0/16', 'global.clusterDNS': '10.53.0.10', 'global.rke2DataDir': '/var/lib/rancher/rke2', 'global.serviceCIDR': '10.53.0.0/16' };

/** RKE2's charts, installed when the cluster was, each by its own Complete helm-install Job. */
export function addRke2HelmCharts(context: ClusterContext, random: SeededRandom): void {
  const { builder } = context;
  const node = context.nodes[0]!;
  RKE2_CHARTS.forEach((spec, index) => {
    const created = context.at(6 + index);
    const chart = addHelmChart(builder, random, {
      namespace: 'kube-system',
      name: spec.name,
      created,
      source: { content: random.base64(180) },
      set: RKE2_SET,
      bootstrap: spec.bootstrap,
      annotations: { 'helm.cattle.io/chart-url': `https://rke2-charts.rancher.io/assets/${spec.name}/${spec.name}.tgz` },
    });
    const start = context.at(7 + index);
    const end = new Date(Date.parse(start) + spec.seconds * 1000).toISOString().replace('.000Z', 'Z');
    addHelmJob(builder, random, { chart, action: 'install', run: { action: 'install', start, end }, state: { kind: 'complete' }, node, created });
  });
}
