import type { KubeObject } from '../../resources/kube-object.js';
import { ageAt, parseTimestamp } from '../human-duration.js';
import { AGE, NAME, ageOf, column, field, integer, list, nameOf, record, text, type Cell, type PrintContext, type ResourcePrinter } from './printer.js';

/**
 * `kubectl get pods`: READY, STATUS and RESTARTS worked out as kube-apiserver's `printPod` does
 * (init containers, sidecars, waiting and terminated reasons, Terminating, NodeLost), so a
 * CrashLoopBackOff or an `Init:1/2` reads here as it would on the cluster.
 */
export const podPrinter: ResourcePrinter = {
  columns: () => [
    NAME,
    column('Ready'),
    column('Status'),
    column('Restarts'),
    AGE,
    column('IP', 'string', 1),
    column('Node', 'string', 1),
    column('Nominated Node', 'string', 1),
    column('Readiness Gates', 'string', 1),
  ],
  cells: (pod, context) => {
    const summary = podSummary(pod);
    // RESTARTS names the time of the last restart since Kubernetes 1.22.
    const restarts =
      summary.restarts !== 0 && summary.lastRestart !== undefined && (context.serverMinor === undefined || context.serverMinor >= 22)
        ? `${summary.restarts} (${ageAt(new Date(summary.lastRestart).toISOString(), context.now)} ago)`
        : String(summary.restarts);
    const podIP = text(field(pod, 'status', 'podIPs', 0, 'ip')) || text(field(pod, 'status', 'podIP')) || '<none>';
    const readinessGates = list(field(pod, 'spec', 'readinessGates'));
    const gates =
      readinessGates.length === 0
        ? '<none>'
        : `${readinessGates.filter((gate) => conditionStatus(pod, text(field(gate, 'conditionType'))) === 'True').length}/${readinessGates.length}`;
    const cells: Cell[] = [
      nameOf(pod),
      `${summary.ready}/${summary.total}`,
      summary.status,
      restarts,
      ageOf(pod, context),
      podIP,
      text(field(pod, 'spec', 'nodeName')) || '<none>',
      text(field(pod, 'status', 'nominatedNodeName')) || '<none>',
      gates,
    ];
    return cells;
  },
};

export interface PodSummary {
  ready: number;
  total: number;
  /** What kubectl's STATUS column says: Running, CrashLoopBackOff, Init:0/1, Completed, … */
  status: string;
  restarts: number;
  /** When a container last terminated before a restart (ms), if known. */
  lastRestart: number | undefined;
}

export function podSummary(pod: KubeObject): PodSummary {
  const spec = record(pod.spec);
  const status = record(pod.status);
  let restarts = 0;
  let restartableInitRestarts = 0;
  let total = list(spec.containers).length;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const phase = text(status.phase);
  let reason = text(status.reason) || phase;
  for (const condition of list(status.conditions)) {
    if (field(condition, 'type') === 'PodScheduled' && field(condition, 'reason') === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, unknown>();
  for (const container of list(spec.initContainers)) {
    initContainers.set(text(field(container, 'name')), container);
    if (isRestartable(container)) total += 1;
  }
  const initCount = list(spec.initContainers).length;

  let initializing = false;
  const initStatuses = list(status.initContainerStatuses);
  for (let index = 0; index < initStatuses.length; index += 1) {
    const container = initStatuses[index];
    const count = integer(field(container, 'restartCount'));
    restarts += count;
    const finished = parseTimestamp(field(container, 'lastState', 'terminated', 'finishedAt'));
    if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
    const restartable = isRestartable(initContainers.get(text(field(container, 'name'))));
    if (restartable) {
      restartableInitRestarts += count;
      if (finished !== undefined && (lastRestartableInitRestart === undefined || finished > lastRestartableInitRestart)) lastRestartableInitRestart = finished;
    }
    const terminated = field(container, 'state', 'terminated');
    const waiting = field(container, 'state', 'waiting');
    if (terminated !== undefined && integer(field(terminated, 'exitCode')) === 0) continue;
    if (restartable && field(container, 'started') === true) {
      if (field(container, 'ready') === true) ready += 1;
      continue;
    }
    if (terminated !== undefined) {
      const terminatedReason = text(field(terminated, 'reason'));
      const signal = integer(field(terminated, 'signal'));
      reason = terminatedReason ? `Init:${terminatedReason}` : signal !== 0 ? `Init:Signal:${signal}` : `Init:ExitCode:${integer(field(terminated, 'exitCode'))}`;
    } else if (waiting !== undefined && text(field(waiting, 'reason')) !== '' && field(waiting, 'reason') !== 'PodInitializing') {
      reason = `Init:${text(field(waiting, 'reason'))}`;
    } else {
      reason = `Init:${index}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionStatus(pod, 'Initialized') === 'True') {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = list(status.containerStatuses);
    for (let index = statuses.length - 1; index >= 0; index -= 1) {
      const container = statuses[index];
      restarts += integer(field(container, 'restartCount'));
      const finished = parseTimestamp(field(container, 'lastState', 'terminated', 'finishedAt'));
      if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
      const waitingReason = text(field(container, 'state', 'waiting', 'reason'));
      const terminated = field(container, 'state', 'terminated');
      if (waitingReason !== '') {
        reason = waitingReason;
      } else if (terminated !== undefined && text(field(terminated, 'reason')) !== '') {
        reason = text(field(terminated, 'reason'));
      } else if (terminated !== undefined) {
        const signal = integer(field(terminated, 'signal'));
        reason = signal !== 0 ? `Signal:${signal}` : `ExitCode:${integer(field(terminated, 'exitCode'))}`;
      } else if (field(container, 'ready') === true && field(container, 'state', 'running') !== undefined) {
        hasRunning = true;
        ready += 1;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionStatus(pod, 'Ready') === 'True' ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp !== undefined && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp !== undefined && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  return { ready, total, status: reason, restarts, lastRestart };
}

function isRestartable(container: unknown): boolean {
  return field(container, 'restartPolicy') === 'Always';
}

function conditionStatus(object: KubeObject, type: string): string | undefined {
  const condition = list(field(object, 'status', 'conditions')).find((item) => field(item, 'type') === type);
  return condition === undefined ? undefined : text(field(condition, 'status'));
}
