/**
 * What a cluster that has run for a month shows and that is not a problem: the ReplicaSets
 * between its Deployments and their pods, one of RKE2's completed `helm-install-*` Jobs
 * (helm-charts.ts) re-run lately and needing a second try, a DaemonSet pod that
 * restarted once twenty days ago, and the Warning events every cluster logs — the kubelet's
 * DNSConfigForming for a node whose resolv.conf lists more than three nameservers, a readiness
 * probe blip, a volume that was not attachable for a moment when its VM started, the BackOff of
 * the helm-install pod's failed first try. Healthy clusters have all of it, so the health checks'
 * quiet test proves they tell it apart from a failure.
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterContext } from './cluster-context.js';
import { addEventPair } from './events.js';
import { logrus } from './pod-logs.js';
import { addReplicaSets } from './workload-history.js';

const DAY_MINUTES = 24 * 60;

export function addRoutineHistory(context: ClusterContext): void {
  addReplicaSets(context);
  helmInstallRetriedLately(context);
  restartedLastMonth(context);
  addBenignWarningEvents(context);
}

/**
 * RKE2 re-applied its ingress-nginx chart 52 minutes ago (an rke2-server restart); the
 * helm-install pod's first try failed while the API server was coming back, the second completed.
 */
function helmInstallRetriedLately(context: ClusterContext): void {
  const { builder, random } = context;
  const namespace = 'kube-system';
  const jobName = 'helm-install-rke2-ingress-nginx';
  const pod = builder.listObjects('v1', 'Pod', namespace).find((candidate) => candidate.metadata.name.startsWith(`${jobName}-`))!;
  const [start, firstExit, secondStart, end] = [context.before(52), context.before(51), context.before(50), context.before(49)];
  builder.updateObject('batch/v1', 'Job', namespace, jobName, (job) => {
    const status = job.status as Record<string, unknown>;
    Object.assign(status, { startTime: start, completionTime: end });
    status.conditions = (status.conditions as Record<string, unknown>[]).map((condition) => ({ ...condition, lastProbeTime: end, lastTransitionTime: end }));
  });
  builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
    object.metadata.creationTimestamp = start;
    const status = object.status as Record<string, unknown>;
    status.startTime = start;
    status.conditions = (status.conditions as Record<string, unknown>[]).map((condition) => ({
      ...condition,
      lastTransitionTime: condition.type === 'Initialized' || condition.type === 'PodScheduled' ? start : end,
    }));
    const [helm] = status.containerStatuses as Record<string, unknown>[];
    Object.assign(helm!, {
      lastState: { terminated: { containerID: `containerd://${random.hex(64)}`, exitCode: 1, finishedAt: firstExit, reason: 'Error', startedAt: start } },
      restartCount: 1,
      state: { terminated: { containerID: `containerd://${random.hex(64)}`, exitCode: 0, finishedAt: end, reason: 'Completed', startedAt: secondStart } },
    });
  });
  addEventPair(context, {
    namespace,
    involved: involvedPod(pod, 'spec.containers{helm}'),
    reason: 'BackOff',
    type: 'Warning',
    message: `Back-off restarting failed container helm in pod ${pod.metadata.name}_${namespace}`,
    component: 'kubelet',
    host: context.nodes[0]!.name,
    first: firstExit,
    last: firstExit,
    count: 1,
  });
}

/**
 * The first node's harvester-node-manager pod restarted once, twenty days ago (the kubelet stopped it
 * when its liveness probe timed out), and has run since.
 */
function restartedLastMonth(context: ClusterContext): void {
  const { builder, random } = context;
  const namespace = 'harvester-system';
  const container = 'node-manager';
  const pod = builder
    .listObjects('v1', 'Pod', namespace)
    .find((candidate) => candidate.metadata.name.startsWith('harvester-node-manager-') && (candidate.spec as { nodeName?: string }).nodeName === context.nodes[0]!.name)!;
  const crashed = context.before(20 * DAY_MINUTES);
  const restarted = context.before(20 * DAY_MINUTES - 1);
  builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
    const status = object.status as Record<string, unknown>;
    status.conditions = (status.conditions as Record<string, unknown>[]).map((condition) =>
      condition.type === 'Ready' || condition.type === 'ContainersReady' ? { ...condition, lastTransitionTime: restarted } : condition,
    );
    const [manager] = status.containerStatuses as Record<string, unknown>[];
    Object.assign(manager!, {
      lastState: { terminated: { containerID: `containerd://${random.hex(64)}`, exitCode: 143, finishedAt: crashed, reason: 'Error', startedAt: (object.status as { startTime: string }).startTime } },
      restartCount: 1,
      state: { running: { startedAt: restarted } },
    });
  });
  // The kubelet stopped it (SIGTERM, exit 143) when its liveness probe timed out during a node-wide I/O stall.
  builder.addPodLog(namespace, pod.metadata.name, container, [
    logrus(context.before(20 * DAY_MINUTES + 3), 'info', 'Starting node-manager'),
    logrus(context.before(20 * DAY_MINUTES + 2), 'info', 'ksmtuned: no change to the node\'s memory settings'),
    logrus(crashed, 'info', 'Received signal terminated, shutting down'),
  ], { previous: true });
  builder.addPodLog(namespace, pod.metadata.name, container, [
    logrus(restarted, 'info', 'Starting node-manager'),
    logrus(context.before(90), 'info', 'ksmtuned: no change to the node\'s memory settings'),
  ]);
}

/** Warning events a healthy cluster logs: repeated but harmless, or a blip that is over. */
function addBenignWarningEvents(context: ClusterContext): void {
  const { builder } = context;
  const node = context.nodes[0]!;
  const podOf = (namespace: string, prefix: string, onNode = node.name): KubeObject =>
    builder.listObjects('v1', 'Pod', namespace).find((candidate) => candidate.metadata.name.startsWith(prefix) && (candidate.spec as { nodeName?: string }).nodeName === onNode)!;
  const involved = (pod: KubeObject, fieldPath?: string) => involvedPod(pod, fieldPath);

  // The node's resolv.conf (from DHCP) lists four nameservers; the kubelet says so on every sync of a pod there.
  const harvester = podOf('harvester-system', 'harvester-');
  addEventPair(context, {
    namespace: 'harvester-system',
    involved: involved(harvester),
    reason: 'DNSConfigForming',
    type: 'Warning',
    message: 'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 192.168.122.1 1.1.1.1 8.8.8.8',
    component: 'kubelet',
    host: node.name,
    first: context.before(6 * DAY_MINUTES),
    last: context.before(2),
    count: 412,
  });
  // virt-api answered its readiness probe late twice, forty minutes ago, and has been ready since.
  const virtApi = podOf('harvester-system', 'virt-api-');
  addEventPair(context, {
    namespace: 'harvester-system',
    involved: involved(virtApi, 'spec.containers{virt-api}'),
    reason: 'Unhealthy',
    type: 'Warning',
    message: `Readiness probe failed: Get "https://${String((virtApi.status as { podIP: string }).podIP)}:8443/apis/subresources.kubevirt.io/v1/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    component: 'kubelet',
    host: node.name,
    first: context.before(41),
    last: context.before(40),
    count: 2,
  });
  // The first VM's volume was not attachable for a moment when the VM started. The claim is that
  // VM's bound disk: the first claim by name may be one still waiting for its consumer, with no volume.
  const launcher = builder.listObjects('v1', 'Pod', 'default').find((candidate) => candidate.metadata.name.startsWith('virt-launcher-'));
  const vmName = (launcher?.metadata.labels as Record<string, string> | undefined)?.['vm.kubevirt.io/name'];
  const volume = builder
    .listObjects('v1', 'PersistentVolumeClaim', 'default')
    .filter((candidate) => vmName !== undefined && candidate.metadata.name.startsWith(`${vmName}-disk-`))
    .map((candidate) => (candidate.spec as { volumeName?: string }).volumeName)
    .find((name): name is string => typeof name === 'string');
  if (launcher && volume) {
    addEventPair(context, {
      namespace: 'default',
      involved: involved(launcher),
      reason: 'FailedAttachVolume',
      type: 'Warning',
      message: `AttachVolume.Attach failed for volume "${volume}" : rpc error: code = Aborted desc = volume ${volume} is not ready for workloads`,
      component: 'attachdetach-controller',
      host: '',
      first: context.before(601),
      last: context.before(600),
      count: 2,
    });
  }
}

/** An event's reference to a pod (with its uid when the pod has one). */
function involvedPod(pod: KubeObject, fieldPath?: string): { apiVersion: string; kind: string; name: string; uid?: string; fieldPath?: string } {
  return { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, ...(typeof pod.metadata.uid === 'string' ? { uid: pod.metadata.uid } : {}), ...(fieldPath ? { fieldPath } : {}) };
}
