/**
 * What a cluster that has been running for a while shows to `kubectl get`/`describe`/`logs`,
 * on top of `healthyCluster()` (which has the ReplicaSets, and RKE2's helm-install Jobs from
 * helm-charts.ts): a
 * controller in CrashLoopBackOff (with its previous run's log, `<container>.log.1`), a
 * longhorn-manager that restarted twice and recovered, Services (the management VIP's `ingress-expose`
 * LoadBalancer), the PersistentVolumes behind the VM disks, and the warning events of all this,
 * written — as the kit writes every event — in both `v1/events.yaml` and
 * `events.k8s.io/v1/events.yaml`.
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterContext } from './cluster-context.js';
import { addEventPair } from './events.js';
import { logrus } from './pod-logs.js';

export function addWorkloadHistory(context: ClusterContext): void {
  crashLoopingNetworkManager(context);
  restartedLonghornManager(context);
  addServices(context);
  addPersistentVolumes(context);
}

/** Every Deployment's ReplicaSet, owning the pods that the generator gave the Deployment (every cluster has them: healthyCluster adds them). */
export function addReplicaSets(context: ClusterContext): void {
  const { builder, random } = context;
  for (const deployment of builder.listObjects('apps/v1', 'Deployment')) {
    const namespace = deployment.metadata.namespace!;
    const pods = builder.listObjects('v1', 'Pod', namespace).filter((pod) => ownerOf(pod)?.kind === 'ReplicaSet' && String(ownerOf(pod)?.name).startsWith(`${deployment.metadata.name}-`));
    const byReplicaSet = new Map<string, KubeObject[]>();
    for (const pod of pods) {
      const name = String(ownerOf(pod)!.name);
      if (name.slice(deployment.metadata.name.length + 1).includes('-')) continue; // another Deployment's, with a longer name
      byReplicaSet.set(name, [...(byReplicaSet.get(name) ?? []), pod]);
    }
    for (const [name, owned] of byReplicaSet) {
      const uid = random.uuid();
      const hash = name.slice(name.lastIndexOf('-') + 1);
      const spec = deployment.spec as { replicas?: number; template: { metadata: { labels: Record<string, string> }; spec: unknown }; selector: { matchLabels: Record<string, string> } };
      const labels = { ...spec.template.metadata.labels, 'pod-template-hash': hash };
      builder.addObject({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(spec.replicas ?? 1), 'deployment.kubernetes.io/max-replicas': String((spec.replicas ?? 1) + 1), 'deployment.kubernetes.io/revision': '1' },
          creationTimestamp: deployment.metadata.creationTimestamp,
          generation: 1,
          labels,
          name,
          namespace,
          ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: deployment.metadata.name, uid: deployment.metadata.uid }],
          uid,
        },
        spec: { replicas: spec.replicas ?? 1, selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } }, template: { ...spec.template, metadata: { labels } } },
        status: { availableReplicas: owned.length, fullyLabeledReplicas: owned.length, observedGeneration: 1, readyReplicas: owned.length, replicas: owned.length },
      });
      for (const pod of owned) {
        builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
          (object.metadata.ownerReferences as Record<string, unknown>[])[0]!.uid = uid;
        });
      }
    }
  }
}

/**
 * harvester-network-controller-manager cannot reach the API server's webhook and exits every
 * few minutes: CrashLoopBackOff, 0/1 ready, 14 restarts, its Deployment unavailable.
 */
function crashLoopingNetworkManager(context: ClusterContext): void {
  const { builder } = context;
  const namespace = 'harvester-system';
  const pod = builder.listObjects('v1', 'Pod', namespace).find((candidate) => candidate.metadata.name.startsWith('harvester-network-controller-manager-'))!;
  const container = 'harvester-network-manager';
  const lastStart = context.before(4);
  const lastExit = context.before(3);
  builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
    const status = object.status as Record<string, unknown>;
    status.conditions = (status.conditions as Record<string, unknown>[]).map((condition) =>
      condition.type === 'Ready' || condition.type === 'ContainersReady'
        ? { ...condition, lastTransitionTime: context.before(95), message: `containers with unready status: [${container}]`, reason: 'ContainersNotReady', status: 'False' }
        : condition,
    );
    const [containerStatus] = status.containerStatuses as Record<string, unknown>[];
    Object.assign(containerStatus!, {
      lastState: { terminated: { containerID: `containerd://${context.random.hex(64)}`, exitCode: 1, finishedAt: lastExit, reason: 'Error', startedAt: lastStart } },
      ready: false,
      restartCount: 14,
      started: false,
      state: { waiting: { message: `back-off 5m0s restarting failed container=${container} pod=${pod.metadata.name}_${namespace}(${pod.metadata.uid})`, reason: 'CrashLoopBackOff' } },
    });
  });
  builder.updateObject('apps/v1', 'Deployment', namespace, 'harvester-network-controller-manager', (object) => {
    const status = object.status as Record<string, unknown>;
    Object.assign(status, { availableReplicas: 0, readyReplicas: 0, unavailableReplicas: 1 });
    status.conditions = (status.conditions as Record<string, unknown>[]).map((condition) =>
      condition.type === 'Available'
        ? { ...condition, lastTransitionTime: context.before(95), lastUpdateTime: context.before(95), message: 'Deployment does not have minimum availability.', reason: 'MinimumReplicasUnavailable', status: 'False' }
        : condition,
    );
  });
  const replicaSet = String(ownerOf(pod)!.name);
  builder.updateObject('apps/v1', 'ReplicaSet', namespace, replicaSet, (object) => {
    Object.assign(object.status as Record<string, unknown>, { availableReplicas: 0, readyReplicas: 0 });
  });

  const attempt = (start: string, end: string) => [
    logrus(start, 'info', 'Starting network controller manager'),
    logrus(start, 'info', 'Starting network.harvesterhci.io/v1beta1, Kind=ClusterNetwork controller'),
    logrus(end, 'error', 'failed to sync vlanconfig vlan10: Internal error occurred: failed calling webhook "validator.harvester-network-webhook.harvesterhci.io": context deadline exceeded'),
    logrus(end, 'fatal', 'network controller manager exited: leader election lost'),
  ];
  builder.addPodLog(namespace, pod.metadata.name, container, attempt(context.before(9), context.before(8)), { previous: true });
  builder.addPodLog(namespace, pod.metadata.name, container, attempt(lastStart, lastExit));
  addEventPair(context, {
    namespace,
    involved: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: String(pod.metadata.uid), fieldPath: `spec.containers{${container}}` },
    reason: 'BackOff',
    type: 'Warning',
    message: `Back-off restarting failed container ${container} in pod ${pod.metadata.name}_${namespace}(${pod.metadata.uid})`,
    component: 'kubelet',
    host: String((pod.spec as Record<string, unknown>).nodeName),
    first: context.before(92),
    last: context.before(1),
    count: 397,
  });
  addEventPair(context, {
    namespace,
    involved: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: String(pod.metadata.uid), fieldPath: `spec.containers{${container}}` },
    reason: 'Pulled',
    type: 'Normal',
    message: `Container image "rancher/harvester-network-controller:v0.5.6" already present on machine`,
    component: 'kubelet',
    host: String((pod.spec as Record<string, unknown>).nodeName),
    first: context.before(95),
    last: context.before(4),
    count: 15,
  });
}

/** The first longhorn-manager lost its API connection 47 minutes ago and came back after two restarts. */
function restartedLonghornManager(context: ClusterContext): void {
  const { builder } = context;
  const namespace = 'longhorn-system';
  const pod = builder.listObjects('v1', 'Pod', namespace).find((candidate) => candidate.metadata.name.startsWith('longhorn-manager-'))!;
  const started = context.before(46);
  builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
    const status = object.status as Record<string, unknown>;
    const [manager] = status.containerStatuses as Record<string, unknown>[];
    Object.assign(manager!, {
      lastState: { terminated: { containerID: `containerd://${context.random.hex(64)}`, exitCode: 1, finishedAt: context.before(47), reason: 'Error', startedAt: context.before(49) } },
      restartCount: 2,
      state: { running: { startedAt: started } },
    });
  });
  builder.addPodLog(namespace, pod.metadata.name, 'longhorn-manager', [
    logrus(context.before(49), 'info', 'Starting longhorn manager'),
    logrus(context.before(48), 'warning', 'Failed to list *v1beta2.Volume: Get "https://10.53.0.1:443/apis/longhorn.io/v1beta2/volumes": dial tcp 10.53.0.1:443: connect: connection refused'),
    logrus(context.before(47), 'fatal', 'Error starting manager: failed to wait for caches to sync'),
  ], { previous: true });
  addEventPair(context, {
    namespace,
    involved: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: String(pod.metadata.uid), fieldPath: 'spec.containers{longhorn-manager}' },
    reason: 'Started',
    type: 'Normal',
    message: 'Started container longhorn-manager',
    component: 'kubelet',
    host: String((pod.spec as Record<string, unknown>).nodeName),
    first: context.before(52),
    last: context.before(46),
    count: 3,
  });
}

function addServices(context: ClusterContext): void {
  const { builder, vip } = context;
  const service = (namespace: string, name: string, spec: Record<string, unknown>, status: Record<string, unknown> = { loadBalancer: {} }): void => {
    const clusterIP = spec.clusterIP as string;
    builder.addObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: context.at(8), name, namespace },
      spec: { clusterIPs: [clusterIP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', ...spec },
      status,
    });
  };
  service('default', 'kubernetes', { clusterIP: '10.53.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' });
  service('kube-system', 'rke2-coredns-rke2-coredns', {
    clusterIP: '10.53.0.10',
    ports: [{ name: 'udp-53', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'tcp-53', port: 53, protocol: 'TCP', targetPort: 53 }],
    selector: { 'app.kubernetes.io/instance': 'rke2-coredns', 'app.kubernetes.io/name': 'rke2-coredns', 'k8s-app': 'kube-dns' },
    type: 'ClusterIP',
  });
  service(
    'kube-system',
    'ingress-expose',
    {
      allocateLoadBalancerNodePorts: true,
      clusterIP: '10.53.145.209',
      externalTrafficPolicy: 'Cluster',
      ports: [{ name: 'https-internal', nodePort: 30443, port: 443, protocol: 'TCP', targetPort: 443 }, { name: 'http', nodePort: 31080, port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { 'app.kubernetes.io/name': 'rke2-ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      type: 'LoadBalancer',
    },
    { loadBalancer: { ingress: [{ ip: vip, ipMode: 'VIP' }] } },
  );
  service('harvester-system', 'harvester', {
    clusterIP: '10.53.66.172',
    ports: [{ name: 'https', port: 8443, protocol: 'TCP', targetPort: 8443 }, { name: 'profile', port: 6060, protocol: 'TCP', targetPort: 6060 }],
    selector: { 'app.kubernetes.io/name': 'harvester' },
    type: 'ClusterIP',
  });
  service('longhorn-system', 'longhorn-frontend', {
    clusterIP: '10.53.22.157',
    ports: [{ name: 'http', nodePort: 30088, port: 80, protocol: 'TCP', targetPort: 'http' }],
    selector: { app: 'longhorn-ui' },
    type: 'NodePort',
  });
}

/** The Longhorn-provisioned PersistentVolume bound to each claim. */
function addPersistentVolumes(context: ClusterContext): void {
  const { builder } = context;
  for (const claim of builder.listObjects('v1', 'PersistentVolumeClaim')) {
    const spec = claim.spec as { volumeName?: string; storageClassName?: string; accessModes: string[]; volumeMode?: string; resources: { requests: { storage: string } } };
    if (!spec.volumeName) continue;
    builder.addObject({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        annotations: { 'pv.kubernetes.io/provisioned-by': 'driver.longhorn.io', 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' },
        creationTimestamp: claim.metadata.creationTimestamp,
        finalizers: ['kubernetes.io/pv-protection', 'external-attacher/driver-longhorn-io'],
        name: spec.volumeName,
      },
      spec: {
        accessModes: spec.accessModes,
        capacity: { storage: spec.resources.requests.storage },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace, uid: claim.metadata.uid },
        csi: { driver: 'driver.longhorn.io', fsType: 'ext4', volumeAttributes: { migratable: 'true', numberOfReplicas: '3', staleReplicaTimeout: '30' }, volumeHandle: spec.volumeName },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: spec.storageClassName,
        volumeMode: spec.volumeMode ?? 'Filesystem',
      },
      status: { lastPhaseTransitionTime: claim.metadata.creationTimestamp, phase: 'Bound' },
    });
  }
}

function ownerOf(object: KubeObject): Record<string, unknown> | undefined {
  const owners = object.metadata.ownerReferences;
  return Array.isArray(owners) ? (owners[0] as Record<string, unknown> | undefined) : undefined;
}
