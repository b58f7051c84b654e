/**
 * The Rancher/Fleet side of the `local` cluster in `fleet-local`: ManagedCharts and their Fleet
 * Bundles (`mcc-*`), the Fleet Cluster and ClusterGroup, the provisioning Cluster, the CAPI
 * Cluster and Machines, and the machine-plan secrets the kit keeps. All Ready (1/1).
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import { managedField, type ClusterContext } from './cluster-context.js';
import { readyFleetStatus } from './fleet-status.js';
import { harvesterManagedChartSpec } from './harvester-managed-chart.js';

const CLUSTER_SELECTOR = { matchExpressions: [{ key: 'provisioning.cattle.io/unmanaged-system-agent', operator: 'DoesNotExist' }] };
const HARVESTER_REPO = 'http://harvester-cluster-repo.cattle-system.svc/charts';

/** The ManagedCharts of a Harvester v1.4 cluster, by name, with their chart spec. */
export function managedChartSpecs(context: ClusterContext): Record<string, Record<string, unknown>> {
  const { release } = context;
  const chart = (name: string, namespace: string, version: string, repoName = 'harvester-charts', values: Record<string, unknown> = {}) => ({
    chart: name,
    defaultNamespace: namespace,
    releaseName: name,
    repoName,
    targets: [{ clusterName: 'local', clusterSelector: CLUSTER_SELECTOR }],
    ...(Object.keys(values).length ? { values } : {}),
    version,
  });
  return {
    harvester: harvesterManagedChartSpec(release, context.vip),
    'harvester-crd': chart('harvester-crd', 'harvester-system', release.chart),
    'local-managed-system-upgrade-controller': chart('system-upgrade-controller', 'cattle-system', '105.0.1', 'rancher-charts'),
    'rancher-monitoring': chart('rancher-monitoring', 'cattle-monitoring-system', release.monitoringChart, 'harvester-charts', {
      alertmanager: { enabled: false },
      grafana: { persistence: { enabled: true, size: '2Gi', storageClassName: 'harvester-longhorn' } },
      prometheus: { prometheusSpec: { evaluationInterval: '1m', retention: '5d', retentionSize: '50GiB', scrapeInterval: '1m' } },
    }),
    'rancher-monitoring-crd': chart('rancher-monitoring-crd', 'cattle-monitoring-system', release.monitoringChart),
  };
}

export function addFleet(context: ClusterContext): void {
  const { builder, random } = context;
  const charts = managedChartSpecs(context);
  const chartNames = Object.keys(charts);
  chartNames.forEach((name, index) => {
    const spec = charts[name]!;
    const created = context.at(8 + index);
    const times = {
      readyAt: context.at(40 + index),
      processedAt: context.at(40 + index),
      observedGeneration: 2,
      resourcesSha256Sum: random.hex(64),
    };
    builder.addObject({
      apiVersion: 'management.cattle.io/v3',
      kind: 'ManagedChart',
      metadata: {
        creationTimestamp: created,
        generation: 2,
        managedFields: [
          managedField('management.cattle.io/v3', 'rancherd', created, { 'f:spec': { '.': {}, 'f:chart': {}, 'f:values': {}, 'f:version': {} } }),
          managedField('management.cattle.io/v3', 'rancher', times.readyAt, { 'f:status': { '.': {}, 'f:conditions': {}, 'f:display': {}, 'f:summary': {} } }),
        ],
        name,
        namespace: 'fleet-local',
      },
      spec,
      status: readyFleetStatus(times),
    });
    builder.addObject(fleetBundle(context, name, spec, created, times));
  });

  const agentTimes = { readyAt: context.at(35), processedAt: context.at(35), observedGeneration: 1, resourcesSha256Sum: random.hex(64) };
  for (const name of ['fleet-agent-local', 'local-managed-system-agent']) {
    builder.addObject({
      apiVersion: 'fleet.cattle.io/v1alpha1',
      kind: 'Bundle',
      metadata: {
        creationTimestamp: context.at(7),
        generation: 1,
        labels: { 'objectset.rio.cattle.io/hash': random.hex(40) },
        name,
        namespace: 'fleet-local',
      },
      spec: {
        defaultNamespace: name === 'fleet-agent-local' ? 'cattle-fleet-local-system' : 'cattle-system',
        targets: [{ clusterName: 'local', clusterSelector: CLUSTER_SELECTOR }],
      },
      status: readyFleetStatus(agentTimes),
    });
  }

  const bundleCount = chartNames.length + 2;
  builder.addObject({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind: 'Cluster',
    metadata: {
      creationTimestamp: context.at(6),
      generation: 1,
      labels: { 'management.cattle.io/cluster-display-name': 'local', 'management.cattle.io/cluster-name': 'local', name: 'local' },
      name: 'local',
      namespace: 'fleet-local',
    },
    spec: { agentNamespace: 'cattle-fleet-local-system', clientID: random.podSuffix(20), kubeConfigSecret: 'local-kubeconfig' },
    status: {
      agent: { lastSeen: context.before(3), namespace: 'cattle-fleet-local-system' },
      agentDeployedGeneration: 1,
      conditions: [
        { lastUpdateTime: context.at(36), status: 'True', type: 'Processed' },
        { lastUpdateTime: context.at(45), status: 'True', type: 'Ready' },
        { lastUpdateTime: context.at(7), status: 'True', type: 'Imported' },
        { lastUpdateTime: context.at(7), status: 'True', type: 'Reconciled' },
      ],
      desiredReadyGitRepos: 0,
      display: { readyBundles: `${bundleCount}/${bundleCount}` },
      namespace: 'cluster-fleet-local-local-1a3d67d0a899',
      readyGitRepos: 0,
      summary: { desiredReady: bundleCount, ready: bundleCount },
    },
  });
  builder.addObject({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind: 'ClusterGroup',
    metadata: { creationTimestamp: context.at(6), generation: 1, name: 'default', namespace: 'fleet-local' },
    spec: { selector: { matchLabels: { name: 'local' } } },
    status: { clusterCount: 1, display: { readyBundles: `${bundleCount}/${bundleCount}`, readyClusters: '1/1' }, nonReadyClusterCount: 0, summary: { desiredReady: bundleCount, ready: bundleCount } },
  });

  addProvisioningAndCapi(context);
}

/** The `mcc-<chart>` Bundle Rancher's ManagedChart controller applies (wrangler names its owner in annotations). */
function fleetBundle(
  context: ClusterContext,
  chart: string,
  chartSpec: Record<string, unknown>,
  created: string,
  times: Parameters<typeof readyFleetStatus>[0],
): KubeObject {
  return {
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind: 'Bundle',
    metadata: {
      annotations: {
        'objectset.rio.cattle.io/id': 'mcc-bundle',
        'objectset.rio.cattle.io/owner-gvk': 'management.cattle.io/v3, Kind=ManagedChart',
        'objectset.rio.cattle.io/owner-name': chart,
        'objectset.rio.cattle.io/owner-namespace': 'fleet-local',
      },
      creationTimestamp: created,
      generation: 2,
      labels: { 'objectset.rio.cattle.io/hash': context.random.hex(40) },
      name: `mcc-${chart}`,
      namespace: 'fleet-local',
    },
    spec: {
      defaultNamespace: chartSpec.defaultNamespace,
      ...(chartSpec.diff ? { diff: structuredClone(chartSpec.diff) } : {}),
      helm: {
        chart: chartSpec.chart,
        releaseName: chartSpec.releaseName,
        repo: HARVESTER_REPO,
        takeOwnership: true,
        ...(chartSpec.timeoutSeconds ? { timeoutSeconds: chartSpec.timeoutSeconds } : {}),
        ...(chartSpec.values ? { values: structuredClone(chartSpec.values) } : {}),
        version: chartSpec.version,
      },
      targets: [{ clusterName: 'local', clusterSelector: CLUSTER_SELECTOR, ignore: {} }],
    },
    status: readyFleetStatus(times),
  };
}

function addProvisioningAndCapi(context: ClusterContext): void {
  const { builder, release, random } = context;
  builder.addObject({
    apiVersion: 'provisioning.cattle.io/v1',
    kind: 'Cluster',
    metadata: {
      annotations: { 'objectset.rio.cattle.io/id': 'provisioning-cluster-create' },
      creationTimestamp: context.at(5),
      finalizers: ['wrangler.cattle.io/provisioning-cluster-remove'],
      generation: 3,
      labels: { 'objectset.rio.cattle.io/hash': random.hex(40), 'provider.cattle.io': 'harvester' },
      name: 'local',
      namespace: 'fleet-local',
    },
    spec: { kubernetesVersion: release.kubernetes, localClusterAuthEndpoint: {}, rkeConfig: { machinePoolDefaults: {}, upgradeStrategy: { controlPlaneConcurrency: '1', workerConcurrency: '1' } } },
    status: {
      clientSecretName: 'local-kubeconfig',
      clusterName: 'local',
      conditions: ['Ready', 'Provisioned', 'Updated', 'Connected', 'RKECluster', 'Reconciling'].map((type) => ({
        lastUpdateTime: context.at(30),
        status: type === 'Reconciling' ? 'False' : 'True',
        type,
      })),
      fleetWorkspaceName: 'fleet-local',
      observedGeneration: 3,
      ready: true,
    },
  });
  // Rancher owns the CAPI Cluster by the provisioning Cluster, and each CAPI Machine by the CAPI Cluster.
  const provisioningUid = builder.getObject('provisioning.cattle.io/v1', 'Cluster', 'fleet-local', 'local')?.metadata.uid;
  builder.addObject({
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: {
      creationTimestamp: context.at(5),
      finalizers: ['cluster.cluster.x-k8s.io'],
      generation: 2,
      labels: { 'cluster.x-k8s.io/cluster-name': 'local' },
      name: 'local',
      namespace: 'fleet-local',
      ownerReferences: [{ apiVersion: 'provisioning.cattle.io/v1', blockOwnerDeletion: true, controller: true, kind: 'Cluster', name: 'local', uid: provisioningUid }],
    },
    spec: {
      controlPlaneEndpoint: { host: 'localhost', port: 6443 },
      controlPlaneRef: { apiVersion: 'rke.cattle.io/v1', kind: 'RKEControlPlane', name: 'local', namespace: 'fleet-local' },
      infrastructureRef: { apiVersion: 'rke.cattle.io/v1', kind: 'RKECluster', name: 'local', namespace: 'fleet-local' },
    },
    status: {
      conditions: ['Ready', 'ControlPlaneInitialized', 'ControlPlaneReady', 'InfrastructureReady'].map((type) => ({
        lastTransitionTime: context.at(30),
        status: 'True',
        type,
      })),
      controlPlaneReady: true,
      infrastructureReady: true,
      observedGeneration: 2,
      phase: 'Provisioned',
    },
  });
  const capiUid = builder.getObject('cluster.x-k8s.io/v1beta1', 'Cluster', 'fleet-local', 'local')?.metadata.uid;
  context.nodes.forEach((node, index) => {
    const nodeUid = builder.getObject('v1', 'Node', undefined, node.name)?.metadata.uid;
    builder.addObject({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Machine',
      metadata: {
        creationTimestamp: context.at(5 + index * 40),
        finalizers: ['machine.cluster.x-k8s.io'],
        generation: 2,
        labels: {
          'cluster.x-k8s.io/cluster-name': 'local',
          ...(node.controlPlane ? { 'cluster.x-k8s.io/control-plane': 'true', 'rke.cattle.io/control-plane-role': 'true', 'rke.cattle.io/etcd-role': 'true' } : {}),
          'rke.cattle.io/worker-role': 'true',
        },
        name: node.machine,
        namespace: 'fleet-local',
        ownerReferences: [{ apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', name: 'local', uid: capiUid }],
      },
      spec: {
        bootstrap: {
          configRef: { apiVersion: 'rke.cattle.io/v1', kind: 'RKEBootstrap', name: node.machine, namespace: 'fleet-local' },
          dataSecretName: `${node.machine}-machine-bootstrap`,
        },
        clusterName: 'local',
        infrastructureRef: { apiVersion: 'rke.cattle.io/v1', kind: 'CustomMachine', name: node.machine, namespace: 'fleet-local' },
        nodeDeletionTimeout: '10s',
        providerID: `rke2://${node.name}`,
      },
      status: {
        addresses: [{ address: node.ip, type: 'InternalIP' }, { address: node.name, type: 'Hostname' }],
        bootstrapReady: true,
        conditions: ['Ready', 'BootstrapReady', 'InfrastructureReady', 'NodeHealthy'].map((type) => ({
          lastTransitionTime: context.at(8 + index * 40),
          status: 'True',
          type,
        })),
        infrastructureReady: true,
        lastUpdated: context.at(8 + index * 40),
        nodeInfo: { architecture: 'amd64', kubeletVersion: release.kubernetes, operatingSystem: 'linux', osImage: `Harvester ${release.harvester}` },
        nodeRef: { apiVersion: 'v1', kind: 'Node', name: node.name, uid: nodeUid },
        observedGeneration: 2,
        phase: 'Running',
      },
    });
    // The kit keeps only these secrets, with their data reduced to an allow-list.
    builder.addObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        creationTimestamp: context.at(5 + index * 40),
        labels: { 'rke.cattle.io/machine-name': node.machine },
        name: `${node.machine}-machine-plan`,
        namespace: 'fleet-local',
      },
      type: 'rke.cattle.io/machine-plan',
      data: {
        'applied-checksum': Buffer.from(random.hex(64)).toString('base64'),
        'applied-output': random.base64(48),
        'failure-count': Buffer.from('0').toString('base64'),
        plan: random.base64(64), // dropped by the kit
        'success-count': Buffer.from('1').toString('base64'),
      },
    });
  });
}
