/**
 * helm-controller's objects as a bundle holds them (k3s-io/helm-controller v0.16, the one RKE2
 * v1.30 embeds): a HelmChart, the `helm-install-<chart>` / `helm-delete-<chart>` Job it applies
 * for it (restartPolicy OnFailure, backoffLimit 1000 unless the chart sets one — Harvester's
 * Addons set 5), that Job's pod, and the pod's log (klipper-helm-log.ts). The job runs in the
 * chart's namespace; the release goes to `spec.targetNamespace`.
 *
 * A Job in each state a triage meets: complete; crash-looping (the container restarts in place,
 * `.log.1` holding the run before); failed at its backoff limit (the Job controller deleted the
 * pod, so no log is left); running.
 */
import type { BundleBuilder, KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterNode } from './cluster-context.js';
import { klipperHelmLog, type KlipperHelmRun } from './klipper-helm-log.js';
import type { SeededRandom } from './random.js';

export const KLIPPER_HELM_IMAGE = 'rancher/klipper-helm:v0.9.3-build20241008';
export const HELM_CHART_FINALIZER = 'wrangler.cattle.io/on-helm-chart-remove';

export interface HelmChartSpec {
  namespace: string;
  name: string;
  created: string;
  /** Inline chart (RKE2's charts) or a repo chart (Harvester Addons). */
  source: { content: string } | { repo: string; chart: string; version: string };
  set?: Record<string, string>;
  targetNamespace?: string;
  backOffLimit?: number;
  bootstrap?: boolean;
  valuesContent?: string;
  owner?: KubeObject;
  annotations?: Record<string, string>;
}

/** A HelmChart as helm-controller left it after applying its install Job. */
export function addHelmChart(builder: BundleBuilder, random: SeededRandom, spec: HelmChartSpec): KubeObject {
  const chart: KubeObject = {
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChart',
    metadata: {
      annotations: { 'helmcharts.cattle.io/managed-by': 'helm-controller', ...spec.annotations },
      creationTimestamp: spec.created,
      finalizers: [HELM_CHART_FINALIZER],
      generation: 1,
      name: spec.name,
      namespace: spec.namespace,
      ...(spec.owner ? { ownerReferences: [{ apiVersion: spec.owner.apiVersion, kind: spec.owner.kind, name: spec.owner.metadata.name, uid: spec.owner.metadata.uid }] } : {}),
      uid: random.uuid(),
    },
    spec: {
      ...(spec.backOffLimit !== undefined ? { backOffLimit: spec.backOffLimit } : {}),
      ...(spec.bootstrap ? { bootstrap: true } : {}),
      ...('content' in spec.source ? { chartContent: spec.source.content } : { chart: spec.source.chart, repo: spec.source.repo, version: spec.source.version }),
      ...(spec.set ? { set: spec.set } : {}),
      ...(spec.targetNamespace ? { targetNamespace: spec.targetNamespace } : {}),
      ...(spec.valuesContent !== undefined ? { valuesContent: spec.valuesContent } : {}),
    },
    status: {
      conditions: [
        { message: `Applying HelmChart using Job ${spec.namespace}/helm-install-${spec.name}`, reason: 'Job created', status: 'True', type: 'JobCreated' },
        { status: 'False', type: 'Failed' },
      ],
      jobName: `helm-install-${spec.name}`,
    },
  };
  builder.addObject(chart);
  return builder.getObject('helm.cattle.io/v1', 'HelmChart', spec.namespace, spec.name)!;
}

export type HelmJobState =
  | { kind: 'complete' }
  /** The container exits non-zero and restarts in place; the last two runs are logged. */
  | { kind: 'crash-looping'; restarts: number; lastExit: string }
  /** Failed at the backoff limit; the pod is gone with its log. */
  | { kind: 'failed'; failures: number; failedAt: string }
  | { kind: 'running' };

export interface HelmJobSpec {
  chart: KubeObject;
  action: 'install' | 'delete';
  /** What the entry script did (and logs); for `failed`, nothing is logged. Repo and `--set` come from the chart. */
  run: Pick<KlipperHelmRun, 'action' | 'error' | 'listError' | 'revision' | 'start' | 'end'>;
  state: HelmJobState;
  node: ClusterNode;
  created: string;
}

/** The Job helm-controller applied for a chart, its pod and log, in the given state. */
export function addHelmJob(builder: BundleBuilder, random: SeededRandom, spec: HelmJobSpec): { job: string; pod?: string } {
  const chart = spec.chart;
  const chartName = chart.metadata.name;
  const namespace = chart.metadata.namespace!;
  const chartSpec = (chart.spec ?? {}) as Record<string, unknown>;
  const releaseNamespace = typeof chartSpec.targetNamespace === 'string' ? chartSpec.targetNamespace : namespace;
  const jobName = `helm-${spec.action}-${chartName}`;
  const jobUid = random.uuid();
  const backoffLimit = typeof chartSpec.backOffLimit === 'number' ? chartSpec.backOffLimit : 1000;
  const args = spec.action === 'delete' ? ['delete'] : ['install', ...setArgs(chartSpec)];
  const template = {
    metadata: {
      annotations: { 'helmcharts.helm.cattle.io/configHash': `SHA256=${random.hex(64).toUpperCase()}` },
      labels: { 'batch.kubernetes.io/job-name': jobName, 'helmcharts.helm.cattle.io/chart': chartName },
    },
    spec: {
      containers: [{
        args,
        env: [{ name: 'NAME', value: chartName }, { name: 'CHART_NAMESPACE', value: namespace }, { name: 'TARGET_NAMESPACE', value: releaseNamespace }, { name: 'FAILURE_POLICY', value: 'reinstall' }],
        image: KLIPPER_HELM_IMAGE,
        imagePullPolicy: 'IfNotPresent',
        name: 'helm',
      }],
      restartPolicy: 'OnFailure',
      serviceAccountName: `helm-${chartName}`,
    },
  };
  const { start, end } = spec.run;
  const status: Record<string, unknown> = { startTime: start, terminating: 0, uncountedTerminatedPods: {} };
  switch (spec.state.kind) {
    case 'complete':
      Object.assign(status, {
        completionTime: end,
        conditions: [
          { lastProbeTime: end, lastTransitionTime: end, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'SuccessCriteriaMet' },
          { lastProbeTime: end, lastTransitionTime: end, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'Complete' },
        ],
        ready: 0,
        succeeded: 1,
      });
      break;
    case 'crash-looping':
    case 'running':
      Object.assign(status, { active: 1, ready: spec.state.kind === 'running' ? 1 : 0 });
      break;
    case 'failed': {
      const at = spec.state.failedAt;
      Object.assign(status, {
        conditions: [
          { lastProbeTime: at, lastTransitionTime: at, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'FailureTarget' },
          { lastProbeTime: at, lastTransitionTime: at, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'Failed' },
        ],
        failed: spec.state.failures,
        ready: 0,
      });
      break;
    }
  }
  builder.addObject({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      creationTimestamp: spec.created,
      generation: 1,
      labels: { 'helmcharts.helm.cattle.io/chart': chartName, 'objectset.rio.cattle.io/hash': random.hex(40) },
      name: jobName,
      namespace,
      ownerReferences: [{ apiVersion: 'helm.cattle.io/v1', blockOwnerDeletion: true, controller: true, kind: 'HelmChart', name: chartName, uid: chart.metadata.uid }],
      uid: jobUid,
    },
    spec: { backoffLimit, completionMode: 'NonIndexed', completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': jobUid } }, suspend: false, template },
    status,
  });
  if (spec.state.kind === 'failed') return { job: jobName };

  const podName = `${jobName}-${random.podSuffix()}`;
  const node = spec.node;
  const containerId = () => `containerd://${random.hex(64)}`;
  const base = { containerID: containerId(), image: `docker.io/${KLIPPER_HELM_IMAGE}`, imageID: `docker.io/rancher/klipper-helm@sha256:${random.hex(64)}`, name: 'helm' };
  let phase: string;
  let containerStatus: Record<string, unknown>;
  let ready = false;
  switch (spec.state.kind) {
    case 'complete':
      phase = 'Succeeded';
      containerStatus = { ...base, lastState: {}, ready: false, restartCount: 0, started: false, state: { terminated: { containerID: base.containerID, exitCode: 0, finishedAt: end, reason: 'Completed', startedAt: start } } };
      break;
    case 'crash-looping':
      phase = 'Running';
      containerStatus = {
        ...base,
        lastState: { terminated: { containerID: containerId(), exitCode: 1, finishedAt: end, reason: 'Error', startedAt: start } },
        ready: false,
        restartCount: spec.state.restarts,
        started: false,
        state: { waiting: { message: `back-off 5m0s restarting failed container=helm pod=${podName}_${namespace}(${random.uuid()})`, reason: 'CrashLoopBackOff' } },
      };
      break;
    default:
      phase = 'Running';
      ready = true;
      containerStatus = { ...base, lastState: {}, ready: true, restartCount: 0, started: true, state: { running: { startedAt: start } } };
  }
  const podStart = spec.created;
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: podStart,
      generateName: `${jobName}-`,
      labels: { 'batch.kubernetes.io/controller-uid': jobUid, 'batch.kubernetes.io/job-name': jobName, 'controller-uid': jobUid, 'helmcharts.helm.cattle.io/chart': chartName, 'job-name': jobName },
      name: podName,
      namespace,
      ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'Job', name: jobName, uid: jobUid }],
      uid: random.uuid(),
    },
    spec: { ...template.spec, nodeName: node.name, hostNetwork: namespace === 'kube-system' },
    status: {
      conditions: [
        { lastProbeTime: null, lastTransitionTime: phase === 'Succeeded' ? end : podStart, status: phase === 'Succeeded' ? 'False' : 'True', type: 'PodReadyToStartContainers' },
        { lastProbeTime: null, lastTransitionTime: podStart, ...(phase === 'Succeeded' ? { reason: 'PodCompleted' } : {}), status: 'True', type: 'Initialized' },
        { lastProbeTime: null, lastTransitionTime: end, ...(phase === 'Succeeded' ? { reason: 'PodCompleted' } : ready ? {} : { message: 'containers with unready status: [helm]', reason: 'ContainersNotReady' }), status: ready ? 'True' : 'False', type: 'Ready' },
        { lastProbeTime: null, lastTransitionTime: end, ...(phase === 'Succeeded' ? { reason: 'PodCompleted' } : ready ? {} : { message: 'containers with unready status: [helm]', reason: 'ContainersNotReady' }), status: ready ? 'True' : 'False', type: 'ContainersReady' },
        { lastProbeTime: null, lastTransitionTime: podStart, status: 'True', type: 'PodScheduled' },
      ],
      containerStatuses: [containerStatus],
      hostIP: node.ip,
      phase,
      podIP: node.ip,
      podIPs: [{ ip: node.ip }],
      qosClass: 'BestEffort',
      startTime: podStart,
    },
  });
  const repo = typeof chartSpec.repo === 'string' ? { url: chartSpec.repo, chart: String(chartSpec.chart), version: String(chartSpec.version) } : undefined;
  const set = setArgs(chartSpec).join(' ');
  const run: KlipperHelmRun = { ...spec.run, chart: chartName, namespace: releaseNamespace, ...(repo ? { repo } : {}), ...(set && spec.action !== 'delete' ? { setArgs: set } : {}) };
  if (spec.state.kind === 'crash-looping') {
    // The run before this one failed the same way.
    const before = new Date(Date.parse(start) - 5 * 60_000).toISOString().replace('.000Z', 'Z');
    builder.addPodLog(namespace, podName, 'helm', klipperHelmLog({ ...run, start: before, end: before }), { previous: true });
  }
  builder.addPodLog(namespace, podName, 'helm', klipperHelmLog(run));
  return { job: jobName, pod: podName };
}

/** helm-controller's `--set` / `--set-string` arguments, keys sorted. */
export function setArgs(chartSpec: Record<string, unknown>): string[] {
  const set = (chartSpec.set ?? {}) as Record<string, unknown>;
  return Object.keys(set).sort().flatMap((key) => [typeof set[key] === 'string' ? '--set-string' : '--set', `${key}=${String(set[key])}`]);
}
