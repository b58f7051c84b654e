/**
 * Pods and their controllers (Deployments, DaemonSets, StatefulSets, RKE2 static pods) of a
 * healthy Harvester cluster, in every namespace the kit collects. Every pod is Running and
 * Ready; daemonset pods are spread over the nodes.
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import { managedField, type ClusterContext, type ClusterNode } from './cluster-context.js';

export interface ContainerSpec {
  name: string;
  image: string;
}

export interface WorkloadSpec {
  namespace: string;
  name: string;
  kind: 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'StaticPod';
  containers: ContainerSpec[];
  /** Deployment/StatefulSet replicas (default 1). */
  replicas?: number;
  /** DaemonSets and static pods: only on control-plane nodes. */
  controlPlaneOnly?: boolean;
  hostNetwork?: boolean;
  priorityClassName?: string;
  serviceAccount?: string;
  labels?: Record<string, string>;
}

/** The pods created for one workload, for the pod-log writer. */
export interface WorkloadPods {
  spec: WorkloadSpec;
  pods: { name: string; node: ClusterNode }[];
}

/** The workloads of a Harvester v1.4 cluster (trimmed to the ones rules and logs refer to). */
export function harvesterWorkloads(context: ClusterContext): WorkloadSpec[] {
  const { release } = context;
  const harvesterImage = `rancher/harvester:${release.harvester}`;
  const lh = (component: string) => `longhornio/${component}:${release.longhorn}`;
  const virt = (component: string) => `registry.suse.com/suse/sles/15.6/${component}:${release.kubevirt}`;
  const bundleName = context.builder.bundleMetadata.bundleName || 'bundle';
  return [
    // harvester-system
    { namespace: 'harvester-system', name: 'harvester', kind: 'Deployment', containers: [{ name: 'apiserver', image: harvesterImage }], serviceAccount: 'harvester' },
    { namespace: 'harvester-system', name: 'harvester-webhook', kind: 'Deployment', containers: [{ name: 'harvester-webhook', image: `rancher/harvester-webhook:${release.harvester}` }], serviceAccount: 'harvester' },
    { namespace: 'harvester-system', name: 'harvester-load-balancer', kind: 'Deployment', containers: [{ name: 'harvester-load-balancer', image: 'rancher/harvester-load-balancer:v0.4.1' }] },
    { namespace: 'harvester-system', name: 'harvester-network-controller', kind: 'DaemonSet', containers: [{ name: 'harvester-network', image: 'rancher/harvester-network-controller:v0.5.6' }] },
    { namespace: 'harvester-system', name: 'harvester-network-controller-manager', kind: 'Deployment', containers: [{ name: 'harvester-network-manager', image: 'rancher/harvester-network-controller:v0.5.6' }] },
    { namespace: 'harvester-system', name: 'harvester-node-disk-manager', kind: 'DaemonSet', containers: [{ name: 'harvester-node-disk-manager', image: 'rancher/harvester-node-disk-manager:v0.7.6' }] },
    { namespace: 'harvester-system', name: 'harvester-node-manager', kind: 'DaemonSet', containers: [{ name: 'node-manager', image: 'rancher/harvester-node-manager:v0.3.4' }], hostNetwork: true },
    { namespace: 'harvester-system', name: 'kube-vip', kind: 'DaemonSet', containers: [{ name: 'kube-vip', image: 'ghcr.io/kube-vip/kube-vip-iptables:v0.8.1' }], controlPlaneOnly: true, hostNetwork: true },
    { namespace: 'harvester-system', name: 'virt-api', kind: 'Deployment', replicas: 2, containers: [{ name: 'virt-api', image: virt('virt-api') }], priorityClassName: 'kubevirt-cluster-critical' },
    { namespace: 'harvester-system', name: 'virt-controller', kind: 'Deployment', replicas: 2, containers: [{ name: 'virt-controller', image: virt('virt-controller') }], priorityClassName: 'kubevirt-cluster-critical' },
    { namespace: 'harvester-system', name: 'virt-handler', kind: 'DaemonSet', containers: [{ name: 'virt-handler', image: virt('virt-handler') }], priorityClassName: 'kubevirt-cluster-critical' },
    { namespace: 'harvester-system', name: 'virt-operator', kind: 'Deployment', containers: [{ name: 'virt-operator', image: virt('virt-operator') }], priorityClassName: 'kubevirt-cluster-critical' },
    { namespace: 'harvester-system', name: `supportbundle-manager-${bundleName}`, kind: 'Deployment', containers: [{ name: 'manager', image: 'rancher/support-bundle-kit:v0.0.46' }] },
    // longhorn-system
    { namespace: 'longhorn-system', name: 'longhorn-manager', kind: 'DaemonSet', containers: [{ name: 'longhorn-manager', image: lh('longhorn-manager') }, { name: 'pre-pull-share-manager-image', image: lh('longhorn-share-manager') }], serviceAccount: 'longhorn-service-account' },
    { namespace: 'longhorn-system', name: 'longhorn-csi-plugin', kind: 'DaemonSet', containers: [{ name: 'node-driver-registrar', image: 'longhornio/csi-node-driver-registrar:v2.12.0' }, { name: 'longhorn-liveness-probe', image: 'longhornio/livenessprobe:v2.14.0' }, { name: 'longhorn-csi-plugin', image: lh('longhorn-manager') }] },
    { namespace: 'longhorn-system', name: 'engine-image-ei-db6c2b6f', kind: 'DaemonSet', containers: [{ name: 'engine-image-ei-db6c2b6f', image: lh('longhorn-engine') }] },
    { namespace: 'longhorn-system', name: 'longhorn-ui', kind: 'Deployment', replicas: 2, containers: [{ name: 'longhorn-ui', image: lh('longhorn-ui') }] },
    { namespace: 'longhorn-system', name: 'csi-attacher', kind: 'Deployment', replicas: 3, containers: [{ name: 'csi-attacher', image: 'longhornio/csi-attacher:v4.7.0' }] },
    { namespace: 'longhorn-system', name: 'csi-provisioner', kind: 'Deployment', replicas: 3, containers: [{ name: 'csi-provisioner', image: 'longhornio/csi-provisioner:v4.0.1-20241007' }] },
    // cattle-system
    { namespace: 'cattle-system', name: 'rancher', kind: 'Deployment', containers: [{ name: 'rancher', image: `rancher/rancher:${release.rancher}` }], serviceAccount: 'rancher' },
    { namespace: 'cattle-system', name: 'rancher-webhook', kind: 'Deployment', containers: [{ name: 'rancher-webhook', image: 'rancher/rancher-webhook:v0.6.2' }] },
    { namespace: 'cattle-system', name: 'system-upgrade-controller', kind: 'Deployment', containers: [{ name: 'system-upgrade-controller', image: 'rancher/system-upgrade-controller:v0.14.2' }] },
    { namespace: 'cattle-system', name: 'harvester-cluster-repo', kind: 'Deployment', containers: [{ name: 'httpd', image: `rancher/harvester-cluster-repo:${release.harvester}` }] },
    // fleet
    { namespace: 'cattle-fleet-system', name: 'fleet-controller', kind: 'Deployment', containers: [{ name: 'fleet-controller', image: 'rancher/fleet:v0.11.3' }, { name: 'fleet-cleanup', image: 'rancher/fleet:v0.11.3' }, { name: 'fleet-agentmanagement', image: 'rancher/fleet:v0.11.3' }] },
    { namespace: 'cattle-fleet-system', name: 'gitjob', kind: 'Deployment', containers: [{ name: 'gitjob', image: 'rancher/fleet:v0.11.3' }] },
    { namespace: 'cattle-fleet-local-system', name: 'fleet-agent', kind: 'StatefulSet', containers: [{ name: 'fleet-agent', image: 'rancher/fleet-agent:v0.11.3' }] },
    { namespace: 'cattle-provisioning-capi-system', name: 'capi-controller-manager', kind: 'Deployment', containers: [{ name: 'manager', image: 'rancher/cluster-api-controller:v1.8.3' }] },
    // kube-system
    { namespace: 'kube-system', name: 'etcd', kind: 'StaticPod', containers: [{ name: 'etcd', image: 'rancher/hardened-etcd:v3.5.16-k3s1-build20241106' }], controlPlaneOnly: true, hostNetwork: true, priorityClassName: 'system-node-critical' },
    { namespace: 'kube-system', name: 'kube-apiserver', kind: 'StaticPod', containers: [{ name: 'kube-apiserver', image: `rancher/hardened-kubernetes:${release.kubernetes.replace('+', '-')}-build20241121` }], controlPlaneOnly: true, hostNetwork: true, priorityClassName: 'system-node-critical' },
    { namespace: 'kube-system', name: 'rke2-canal', kind: 'DaemonSet', containers: [{ name: 'calico-node', image: 'rancher/hardened-calico:v3.29.0-build20241104' }, { name: 'kube-flannel', image: 'rancher/hardened-flannel:v0.26.1-build20241107' }], hostNetwork: true, priorityClassName: 'system-node-critical' },
    { namespace: 'kube-system', name: 'rke2-coredns-rke2-coredns', kind: 'Deployment', containers: [{ name: 'coredns', image: 'rancher/hardened-coredns:v1.11.3-build20241018' }], priorityClassName: 'system-cluster-critical' },
    { namespace: 'kube-system', name: 'harvester-snapshot-validation-webhook', kind: 'Deployment', containers: [{ name: 'snapshot-validation-webhook', image: 'registry.k8s.io/sig-storage/snapshot-validation-webhook:v8.1.0' }] },
    // monitoring
    { namespace: 'cattle-monitoring-system', name: 'rancher-monitoring-operator', kind: 'Deployment', containers: [{ name: 'rancher-monitoring', image: 'rancher/mirrored-prometheus-operator-prometheus-operator:v0.65.1' }] },
  ];
}

/** Adds each workload's controller and pods; returns the pods for the log writer. */
export function addWorkloads(context: ClusterContext, workloads: WorkloadSpec[]): WorkloadPods[] {
  let podIpCounter = 10;
  return workloads.map((spec) => {
    const placements = placePods(context, spec);
    const controllerUid = context.random.uuid();
    const templateHash = context.random.podSuffix(10);
    const pods = placements.map(({ node, name }) => {
      const ip = spec.hostNetwork || spec.kind === 'StaticPod' ? node.ip : `10.52.${context.nodes.indexOf(node)}.${podIpCounter++}`;
      context.builder.addObject(podObject(context, spec, name, node, ip, controllerUid, templateHash));
      return { name, node };
    });
    if (spec.kind !== 'StaticPod') context.builder.addObject(controllerObject(context, spec, controllerUid, pods.length));
    return { spec, pods };
  });
}

function placePods(context: ClusterContext, spec: WorkloadSpec): { node: ClusterNode; name: string }[] {
  const eligible = spec.controlPlaneOnly ? context.nodes.filter((node) => node.controlPlane) : context.nodes;
  switch (spec.kind) {
    case 'DaemonSet':
      return eligible.map((node) => ({ node, name: `${spec.name}-${context.random.podSuffix()}` }));
    case 'StaticPod':
      return eligible.map((node) => ({ node, name: `${spec.name}-${node.name}` }));
    case 'StatefulSet':
      return Array.from({ length: spec.replicas ?? 1 }, (_, i) => ({ node: eligible[i % eligible.length]!, name: `${spec.name}-${i}` }));
    case 'Deployment': {
      const hash = context.random.podSuffix(9);
      const replicas = Math.min(spec.replicas ?? 1, eligible.length) || 1;
      return Array.from({ length: replicas }, (_, i) => ({ node: eligible[i % eligible.length]!, name: `${spec.name}-${hash}-${context.random.podSuffix()}` }));
    }
  }
}

export function podObject(
  context: ClusterContext,
  spec: WorkloadSpec,
  name: string,
  node: ClusterNode,
  ip: string,
  controllerUid: string,
  templateHash: string,
  ownerOverride?: Record<string, unknown>,
): KubeObject {
  const started = context.at(10 + context.nodes.indexOf(node) * 40 + context.random.int(0, 30));
  const ready = context.at(11 + context.nodes.indexOf(node) * 40 + context.random.int(0, 30));
  const owner = ownerOverride ??
    (spec.kind === 'StaticPod'
      ? { apiVersion: 'v1', controller: true, kind: 'Node', name: node.name, uid: context.random.uuid() }
      : {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: spec.kind === 'Deployment' ? 'ReplicaSet' : spec.kind,
          name: spec.kind === 'Deployment' ? name.split('-').slice(0, -1).join('-') : spec.name,
          uid: controllerUid,
        });
  const labels: Record<string, string> = {
    'app.kubernetes.io/name': spec.name,
    ...(spec.kind === 'Deployment' ? { 'pod-template-hash': name.split('-').at(-2)! } : {}),
    ...(spec.kind === 'DaemonSet' ? { 'controller-revision-hash': templateHash, 'pod-template-generation': '1' } : {}),
    ...(spec.kind === 'StaticPod' ? { component: spec.name, tier: 'control-plane' } : {}),
    ...spec.labels,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(spec.kind === 'StaticPod' ? { annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.hash': context.random.hex(32) } } : {}),
      creationTimestamp: started,
      ...(spec.kind === 'Deployment' || spec.kind === 'DaemonSet' ? { generateName: `${name.slice(0, name.lastIndexOf('-'))}-` } : {}),
      labels,
      managedFields: [
        managedField('v1', spec.kind === 'StaticPod' ? 'kubelet' : 'kube-controller-manager', started, {
          'f:metadata': { 'f:labels': { '.': {} }, 'f:ownerReferences': { '.': {} } },
          'f:spec': { 'f:containers': {} },
        }),
        managedField('v1', 'kubelet', ready, {
          'f:status': { 'f:conditions': {}, 'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {}, 'f:startTime': {} },
        }, { subresource: 'status' }),
      ],
      name,
      namespace: spec.namespace,
      ownerReferences: [owner],
    },
    spec: {
      containers: spec.containers.map((container) => ({
        image: container.image,
        imagePullPolicy: 'IfNotPresent',
        name: container.name,
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      })),
      dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      enableServiceLinks: true,
      ...(spec.hostNetwork ? { hostNetwork: true } : {}),
      nodeName: node.name,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: priorityValue(spec.priorityClassName),
      ...(spec.priorityClassName ? { priorityClassName: spec.priorityClassName } : {}),
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: spec.serviceAccount ?? 'default',
      serviceAccountName: spec.serviceAccount ?? 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    },
    status: {
      conditions: [
        podCondition('PodReadyToStartContainers', started),
        podCondition('Initialized', started),
        podCondition('Ready', ready),
        podCondition('ContainersReady', ready),
        podCondition('PodScheduled', started),
      ],
      containerStatuses: spec.containers.map((container) => ({
        containerID: `containerd://${context.random.hex(64)}`,
        image: `docker.io/${container.image}`,
        imageID: `docker.io/${container.image.split(':')[0]}@sha256:${context.random.hex(64)}`,
        lastState: {},
        name: container.name,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: started } },
      })),
      hostIP: node.ip,
      hostIPs: [{ ip: node.ip }],
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: 'BestEffort',
      startTime: started,
    },
  };
}

function podCondition(type: string, time: string) {
  return { lastProbeTime: null, lastTransitionTime: time, status: 'True', type };
}

function priorityValue(priorityClassName: string | undefined): number {
  switch (priorityClassName) {
    case 'system-node-critical':
      return 2_000_001_000;
    case 'system-cluster-critical':
      return 2_000_000_000;
    case 'kubevirt-cluster-critical':
      return 1_000_000_000;
    default:
      return 0;
  }
}

function controllerObject(context: ClusterContext, spec: WorkloadSpec, uid: string, podCount: number): KubeObject {
  const created = context.at(10);
  const metadata = {
    annotations: { 'meta.helm.sh/release-name': spec.namespace === 'harvester-system' ? 'harvester' : spec.name, 'meta.helm.sh/release-namespace': spec.namespace },
    creationTimestamp: created,
    generation: 1,
    labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': spec.name },
    name: spec.name,
    namespace: spec.namespace,
    uid,
  };
  const template = {
    metadata: { labels: { 'app.kubernetes.io/name': spec.name } },
    spec: { containers: spec.containers.map((c) => ({ image: c.image, imagePullPolicy: 'IfNotPresent', name: c.name, resources: {} })) },
  };
  const selector = { matchLabels: { 'app.kubernetes.io/name': spec.name } };
  if (spec.kind === 'DaemonSet') {
    return {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata,
      spec: { revisionHistoryLimit: 10, selector, template, updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' } },
      status: { currentNumberScheduled: podCount, desiredNumberScheduled: podCount, numberAvailable: podCount, numberMisscheduled: 0, numberReady: podCount, observedGeneration: 1, updatedNumberScheduled: podCount },
    };
  }
  if (spec.kind === 'StatefulSet') {
    return {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata,
      spec: { replicas: podCount, selector, serviceName: spec.name, template },
      status: { availableReplicas: podCount, collisionCount: 0, currentReplicas: podCount, observedGeneration: 1, readyReplicas: podCount, replicas: podCount, updatedReplicas: podCount },
    };
  }
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata,
    spec: { progressDeadlineSeconds: 600, replicas: podCount, revisionHistoryLimit: 10, selector, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' }, template },
    status: {
      availableReplicas: podCount,
      conditions: [
        { lastTransitionTime: created, lastUpdateTime: created, message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
        { lastTransitionTime: created, lastUpdateTime: created, message: `ReplicaSet "${spec.name}" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
      observedGeneration: 1,
      readyReplicas: podCount,
      replicas: podCount,
      updatedReplicas: podCount,
    },
  };
}
