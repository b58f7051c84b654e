/**
 * Harvester's Addons (`harvesterhci.io/v1beta1`, from harvester/addons v1.4.2's
 * rancherd-22-addons.yaml): each is a HelmChart waiting to be enabled. The addon controller
 * (harvester pkg/controller/master/addon) creates the HelmChart of an enabled Addon, follows its
 * helm-install Job, and records the result in `status.status` and three wrangler conditions:
 * `InProgress`, `Completed`, `OperationFailed`. On a healthy cluster: vm-import-controller and
 * rancher-monitoring enabled and deployed, the rest disabled.
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterContext } from './cluster-context.js';
import { addHelmChart, addHelmJob } from './helm-jobs.js';
import type { SeededRandom } from './random.js';

export const HARVESTER_CHART_REPO = 'http://harvester-cluster-repo.cattle-system.svc/charts';

export interface AddonSpec {
  name: string;
  namespace: string;
  chart: string;
  version: string;
  valuesContent: string;
  experimental?: boolean;
}

export function harvesterAddons(context: ClusterContext): AddonSpec[] {
  const { release } = context;
  return [
    { name: 'vm-import-controller', namespace: 'harvester-system', chart: 'harvester-vm-import-controller', version: '1.4.2', valuesContent: 'image:\n  tag: v1.4.2\nfullnameOverride: harvester-vm-import-controller\n' },
    { name: 'pcidevices-controller', namespace: 'harvester-system', chart: 'harvester-pcidevices-controller', version: '1.4.2', valuesContent: 'image:\n  tag: v1.4.2\nfullnameOverride: harvester-pcidevices-controller\n' },
    { name: 'rancher-logging', namespace: 'cattle-logging-system', chart: 'rancher-logging', version: release.loggingChart, valuesContent: 'images:\n  fluentbit:\n    tag: 3.1.8\n' },
    { name: 'rancher-monitoring', namespace: 'cattle-monitoring-system', chart: 'rancher-monitoring', version: release.monitoringChart, valuesContent: 'alertmanager:\n  enabled: false\n' },
    { name: 'harvester-seeder', namespace: 'harvester-system', chart: 'harvester-seeder', version: '0.4.0', valuesContent: 'image:\n  tag: v0.4.0\nfullnameOverride: harvester-seeder\n', experimental: true },
    { name: 'nvidia-driver-toolkit', namespace: 'harvester-system', chart: 'nvidia-driver-runtime', version: '0.1.2', valuesContent: 'image:\n  repo: rancher/harvester-nvidia-driver-toolkit\n  tag: v1.4-20250103\n' },
  ];
}

/** An Addon object; `enabled` ones are deployed unless the caller changes their status. */
export function addonObject(context: ClusterContext, spec: AddonSpec, enabled: boolean, updated: string): KubeObject {
  return {
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'Addon',
    metadata: {
      annotations: { 'harvesterhci.io/addon-defaults': Buffer.from(spec.valuesContent).toString('base64') },
      creationTimestamp: context.at(10),
      generation: enabled ? 2 : 1,
      ...(spec.experimental ? { labels: { 'addon.harvesterhci.io/experimental': 'true' } } : {}),
      name: spec.name,
      namespace: spec.namespace,
    },
    spec: { chart: spec.chart, enabled, repo: HARVESTER_CHART_REPO, valuesContent: spec.valuesContent, version: spec.version },
    status: {
      conditions: [
        { lastUpdateTime: updated, status: 'True', type: 'Completed' },
        { status: 'False', type: 'InProgress' },
        { status: 'False', type: 'OperationFailed' },
      ],
      status: enabled ? 'AddonDeploySuccessful' : 'AddonDisabled',
    },
  };
}

/**
 * Every Addon; vm-import-controller was enabled a week after the install, so its HelmChart, the
 * Complete helm-install Job, its pod and log are there too (rancher-monitoring is shown deployed,
 * its chart being the ManagedChart fleet.ts models).
 */
export function addHarvesterAddons(context: ClusterContext, random: SeededRandom): void {
  const { builder } = context;
  for (const spec of harvesterAddons(context)) {
    const enabled = spec.name === 'vm-import-controller' || spec.name === 'rancher-monitoring';
    const enabledAt = context.at(7 * 24 * 60);
    builder.addObject(addonObject(context, spec, enabled, enabled ? context.at(7 * 24 * 60 + 2) : context.at(12)));
    if (spec.name !== 'vm-import-controller') continue;
    const addon = builder.getObject('harvesterhci.io/v1beta1', 'Addon', spec.namespace, spec.name)!;
    const chart = addHelmChart(builder, random, {
      namespace: spec.namespace,
      name: spec.name,
      created: enabledAt,
      source: { repo: HARVESTER_CHART_REPO, chart: spec.chart, version: spec.version },
      backOffLimit: 5,
      valuesContent: spec.valuesContent,
      owner: addon,
    });
    const start = context.at(7 * 24 * 60 + 1);
    const end = new Date(Date.parse(start) + 14_000).toISOString().replace('.000Z', 'Z');
    addHelmJob(builder, random, { chart, action: 'install', run: { action: 'install', start, end }, state: { kind: 'complete' }, node: context.nodes[0]!, created: start });
  }
}
