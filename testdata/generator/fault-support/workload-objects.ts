/**
 * What the node, pod and workload health faults share: finding a pod and its controller, changing a
 * container's status or a pod condition as the kubelet would, keeping the controller's counts true
 * to its pods, and a user workload (a Deployment in `default`) beside Harvester's own.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import type { PodLogLine } from '../../../packages/rules/src/testing/log-lines.js';
import { secondsBefore } from './longhorn-objects.js';

export const APPS = 'apps/v1';

type Fields = Record<string, unknown>;

/** The first pod of `namespace` whose name starts with `prefix` (on `node`, when given). */
export function podOf(builder: BundleBuilder, namespace: string, prefix: string, node?: string): KubeObject {
  const pod = builder
    .listObjects('v1', 'Pod', namespace)
    .find((candidate) => candidate.metadata.name.startsWith(prefix) && (node === undefined || nodeOf(candidate) === node));
  if (!pod) throw new Error(`no pod ${namespace}/${prefix}*${node ? ` on ${node}` : ''} in this bundle (start from healthyCluster)`);
  return pod;
}

export function nodeOf(pod: KubeObject): string | undefined {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName;
}

/** Changes the status of one container of a pod (`init`: an init container, added when the pod has none). */
export function updateContainerStatus(builder: BundleBuilder, pod: KubeObject, container: string, change: (status: Fields) => void, options: { init?: boolean } = {}): void {
  builder.updateObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, (object) => {
    const status = object.status as Fields;
    const list = (status[options.init ? 'initContainerStatuses' : 'containerStatuses'] ?? []) as Fields[];
    const entry = list.find((candidate) => candidate.name === container);
    if (!entry) throw new Error(`pod ${pod.metadata.namespace}/${pod.metadata.name} has no ${options.init ? 'init ' : ''}container ${container}`);
    change(entry);
  });
}

/** Sets a pod condition (Ready, ContainersReady, PodScheduled…) as the kubelet or the scheduler writes it. */
export function setPodCondition(builder: BundleBuilder, pod: KubeObject, type: string, condition: { status: string; reason?: string; message?: string; since: string }): void {
  builder.updateObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, (object) => {
    const status = object.status as Fields;
    const conditions = (status.conditions ?? []) as Fields[];
    const written = { lastProbeTime: null, lastTransitionTime: condition.since, ...(condition.message ? { message: condition.message } : {}), ...(condition.reason ? { reason: condition.reason } : {}), status: condition.status, type };
    const index = conditions.findIndex((candidate) => candidate.type === type);
    if (index < 0) conditions.push(written);
    else conditions[index] = written;
    status.conditions = conditions;
  });
}

/** The pod is not ready: its Ready and ContainersReady conditions turn False (reason, message) at `since`. */
export function podNotReady(builder: BundleBuilder, pod: KubeObject, since: string, reason = 'ContainersNotReady', message?: string): void {
  const containers = ((pod.spec as { containers: { name: string }[] }).containers ?? []).map((container) => container.name);
  const text = message ?? `containers with unready status: [${containers.join(' ')}]`;
  setPodCondition(builder, pod, 'Ready', { status: 'False', reason, message: text, since });
  setPodCondition(builder, pod, 'ContainersReady', { status: 'False', reason, message: text, since });
}

/** The controller that owns a pod: its DaemonSet or StatefulSet, or the Deployment behind its ReplicaSet. */
export function controllerOf(builder: BundleBuilder, pod: KubeObject): KubeObject | undefined {
  const owner = ownerOf(pod);
  const namespace = pod.metadata.namespace;
  if (!owner || owner.kind === 'Node') return undefined;
  if (owner.kind === 'ReplicaSet') {
    const replicaSet = builder.getObject(APPS, 'ReplicaSet', namespace, owner.name);
    const deploymentName = replicaSet ? ownerOf(replicaSet)?.name : owner.name.slice(0, owner.name.lastIndexOf('-'));
    return deploymentName ? builder.getObject(APPS, 'Deployment', namespace, deploymentName) : undefined;
  }
  return builder.getObject(APPS, owner.kind, namespace, owner.name);
}

/**
 * One pod of a controller stopped being available: the controller's status counts it, as the
 * Deployment, DaemonSet and StatefulSet controllers would (a Deployment below its minimum turns
 * Available False), and the ReplicaSet between a Deployment and its pod too.
 */
export function controllerLosesPod(builder: BundleBuilder, pod: KubeObject, since: string): KubeObject | undefined {
  const controller = controllerOf(builder, pod);
  if (!controller) return undefined;
  const { kind, metadata } = controller;
  builder.updateObject(APPS, kind, metadata.namespace, metadata.name, (object) => {
    const status = object.status as Fields;
    const less = (field: string) => Math.max(0, Number(status[field] ?? 0) - 1);
    if (kind === 'DaemonSet') {
      Object.assign(status, { numberAvailable: less('numberAvailable'), numberReady: less('numberReady'), numberUnavailable: Number(status.numberUnavailable ?? 0) + 1 });
    } else if (kind === 'StatefulSet') {
      const ready = less('readyReplicas');
      Object.assign(status, { availableReplicas: less('availableReplicas') });
      if (ready === 0) delete status.readyReplicas;
      else status.readyReplicas = ready;
    } else {
      const available = less('availableReplicas');
      const ready = less('readyReplicas');
      Object.assign(status, { availableReplicas: available, unavailableReplicas: Number(status.unavailableReplicas ?? 0) + 1 });
      if (ready === 0) delete status.readyReplicas;
      else status.readyReplicas = ready;
      // maxUnavailable 25% rounds down: with fewer than four replicas any unavailable pod is below the minimum.
      const replicas = Number((object.spec as Fields).replicas ?? 1);
      if (available < replicas - Math.floor(replicas / 4)) {
        status.conditions = ((status.conditions ?? []) as Fields[]).map((condition) =>
          condition.type === 'Available'
            ? { ...condition, lastTransitionTime: since, lastUpdateTime: since, message: 'Deployment does not have minimum availability.', reason: 'MinimumReplicasUnavailable', status: 'False' }
            : condition,
        );
      }
    }
  });
  const owner = ownerOf(pod);
  if (kind === 'Deployment' && owner && builder.getObject(APPS, 'ReplicaSet', pod.metadata.namespace, owner.name)) {
    builder.updateObject(APPS, 'ReplicaSet', pod.metadata.namespace, owner.name, (object) => {
      const status = object.status as Fields;
      Object.assign(status, { availableReplicas: Math.max(0, Number(status.availableReplicas ?? 0) - 1), readyReplicas: Math.max(0, Number(status.readyReplicas ?? 0) - 1) });
    });
  }
  return builder.getObject(APPS, kind, metadata.namespace, metadata.name);
}

export interface CrashLoopOptions {
  /** Restarts so far (default 9). */
  restarts?: number;
  /** The last run's exit (default Error, code 1) and when it ended (default 3 minutes before the bundle). */
  exit?: { reason: string; exitCode: number; secondsAgo?: number };
  /** The previous run's log and the current one's (the kubelet keeps both); absent: no log collected. */
  logs?: { previous: readonly PodLogLine[]; current: readonly PodLogLine[] };
  init?: boolean;
}

/** A container in CrashLoopBackOff: waiting, not ready, its last run terminated, the pod not ready. */
export function crashLoop(builder: BundleBuilder, pod: KubeObject, container: string, options: CrashLoopOptions = {}): void {
  const exit = options.exit ?? { reason: 'Error', exitCode: 1 };
  const ended = secondsBefore(builder, exit.secondsAgo ?? 180);
  const started = secondsBefore(builder, (exit.secondsAgo ?? 180) + 40);
  updateContainerStatus(builder, pod, container, (status) => {
    Object.assign(status, {
      lastState: { terminated: { containerID: `containerd://${'4e'.repeat(32)}`, exitCode: exit.exitCode, finishedAt: ended, reason: exit.reason, startedAt: started } },
      ready: false,
      restartCount: options.restarts ?? 9,
      started: false,
      state: { waiting: { message: `back-off 5m0s restarting failed container=${container} pod=${pod.metadata.name}_${pod.metadata.namespace}(${String(pod.metadata.uid)})`, reason: 'CrashLoopBackOff' } },
    });
  }, options.init ? { init: true } : {});
  podNotReady(builder, pod, secondsBefore(builder, 45 * 60));
  if (options.logs) {
    builder.addPodLog(pod.metadata.namespace!, pod.metadata.name, container, options.logs.previous, { previous: true });
    builder.addPodLog(pod.metadata.namespace!, pod.metadata.name, container, options.logs.current);
  }
}

/** A container waiting to be started for `reason` (ImagePullBackOff, CreateContainerConfigError…) with the kubelet's message. */
export function containerWaiting(builder: BundleBuilder, pod: KubeObject, container: string, reason: string, message: string, options: { init?: boolean } = {}): void {
  updateContainerStatus(builder, pod, container, (status) => {
    delete status.containerID;
    Object.assign(status, { lastState: {}, ready: false, restartCount: 0, started: false, state: { waiting: { message, reason } } });
  }, options);
  podNotReady(builder, pod, secondsBefore(builder, 30 * 60));
}

/**
 * A user workload beside Harvester's: Deployment `default/<name>` with its ReplicaSet and one
 * Running pod on the first node, shaped like the cluster's own (copied from a Harvester pod).
 */
export function addUserDeployment(builder: BundleBuilder, name = 'web-frontend', image = 'docker.io/library/nginx:1.27.3'): KubeObject {
  const template = podOf(builder, 'harvester-system', 'harvester-load-balancer-');
  const namespace = 'default';
  const hash = '7c9d5b8f6d';
  const podName = `${name}-${hash}-q4xwz`;
  const created = String(template.metadata.creationTimestamp);
  const deploymentUid = `0d1f${'5a'.repeat(14)}`;
  const replicaSetUid = `0d2f${'6b'.repeat(14)}`;
  const labels = { app: name, 'pod-template-hash': hash };
  const spec = { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ image, imagePullPolicy: 'IfNotPresent', name, resources: {} }] } } };
  builder.addObject({
    apiVersion: APPS, kind: 'Deployment',
    metadata: { creationTimestamp: created, generation: 1, labels: { app: name }, name, namespace, uid: deploymentUid },
    spec: { ...spec, progressDeadlineSeconds: 600, revisionHistoryLimit: 10, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' } },
    status: {
      availableReplicas: 1,
      conditions: [
        { lastTransitionTime: created, lastUpdateTime: created, message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
        { lastTransitionTime: created, lastUpdateTime: created, message: `ReplicaSet "${name}-${hash}" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
      observedGeneration: 1, readyReplicas: 1, replicas: 1, updatedReplicas: 1,
    },
  });
  builder.addObject({
    apiVersion: APPS, kind: 'ReplicaSet',
    metadata: { creationTimestamp: created, generation: 1, labels, name: `${name}-${hash}`, namespace, ownerReferences: [{ apiVersion: APPS, blockOwnerDeletion: true, controller: true, kind: 'Deployment', name, uid: deploymentUid }], uid: replicaSetUid },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { ...spec.template, metadata: { labels } } },
    status: { availableReplicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1, readyReplicas: 1, replicas: 1 },
  });
  const pod = structuredClone(template);
  const { uid: _uid, resourceVersion: _version, managedFields: _fields, ...metadata } = pod.metadata as Fields & KubeObject['metadata'];
  pod.metadata = {
    ...metadata,
    generateName: `${name}-${hash}-`,
    labels,
    name: podName,
    namespace,
    ownerReferences: [{ apiVersion: APPS, blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: `${name}-${hash}`, uid: replicaSetUid }],
  };
  const podSpec = pod.spec as Fields & { containers: Fields[] };
  podSpec.containers = [{ ...podSpec.containers[0], image, name }];
  podSpec.serviceAccount = 'default';
  podSpec.serviceAccountName = 'default';
  const status = pod.status as Fields & { containerStatuses: Fields[] };
  status.containerStatuses = [{ ...status.containerStatuses[0], image, imageID: `docker.io/library/nginx@sha256:${'3f'.repeat(32)}`, name }];
  builder.addObject(pod);
  return builder.getObject('v1', 'Pod', namespace, podName)!;
}

function ownerOf(object: KubeObject): { kind: string; name: string } | undefined {
  const owners = object.metadata.ownerReferences as { kind: string; name: string; controller?: boolean }[] | undefined;
  return owners?.find((owner) => owner.controller) ?? owners?.[0];
}

export interface WarningEventSpec {
  /** The object the event is about. */
  about: { apiVersion: string; kind: string; namespace?: string; name: string; uid?: string; fieldPath?: string };
  reason: string;
  message: string;
  component: string;
  count: number;
  /** Seconds before the bundle of the first and the last occurrence. */
  firstSecondsAgo: number;
  lastSecondsAgo: number;
}

/** A Warning event as the kit writes it: in `v1/events.yaml` and `events.k8s.io/v1/events.yaml`, one uid. */
export function addWarningEvent(builder: BundleBuilder, spec: WarningEventSpec): void {
  const namespace = spec.about.namespace ?? 'default';
  const name = `${spec.about.name}.${hexOf(`${spec.about.name}/${spec.reason}/${spec.lastSecondsAgo}`, 16)}`;
  const uid = `${hexOf(name, 8)}-${hexOf(`${name}-1`, 4)}-4${hexOf(`${name}-2`, 3)}-8${hexOf(`${name}-3`, 3)}-${hexOf(`${name}-4`, 12)}`;
  const first = secondsBefore(builder, spec.firstSecondsAgo);
  const last = secondsBefore(builder, spec.lastSecondsAgo);
  const involvedObject = { ...spec.about };
  const metadata = { creationTimestamp: first, name, namespace, uid };
  builder.addObject({
    apiVersion: 'v1', kind: 'Event', count: spec.count, eventTime: 'null', firstTimestamp: first, involvedObject, lastTimestamp: last, message: spec.message, metadata,
    reason: spec.reason, reportingComponent: spec.component, reportingInstance: '', source: { component: spec.component }, type: 'Warning',
  });
  builder.addObject({
    apiVersion: 'events.k8s.io/v1', kind: 'Event', deprecatedCount: spec.count, deprecatedFirstTimestamp: first, deprecatedLastTimestamp: last, deprecatedSource: { component: spec.component },
    eventTime: 'null', metadata, note: spec.message, reason: spec.reason, regarding: involvedObject, reportingController: spec.component, reportingInstance: '', type: 'Warning',
  });
}

/** A pod that waits for a node: Pending, PodScheduled False (Unschedulable) with the scheduler's message since `secondsAgo`. */
export function podUnschedulable(builder: BundleBuilder, pod: KubeObject, message: string, secondsAgo: number): KubeObject {
  const since = secondsBefore(builder, secondsAgo);
  builder.updateObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, (object) => {
    object.metadata.creationTimestamp = since;
    delete (object.spec as Fields).nodeName;
    object.status = {
      conditions: [{ lastProbeTime: null, lastTransitionTime: since, message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }],
      phase: 'Pending',
      qosClass: (object.status as Fields).qosClass,
    };
  });
  return builder.getObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name)!;
}

function hexOf(seed: string, length: number): string {
  let hash = 2166136261;
  let out = '';
  while (out.length < length) {
    for (const char of `${seed}${out.length}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
