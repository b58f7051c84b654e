/**
 * harvester-load-balancer cannot reach the API server's webhook and exits a minute after each start:
 * CrashLoopBackOff, its previous run's log (`.log.1`) and the current one's ending in errors, its
 * Deployment short of its only replica. Options: a user workload's container instead, an init
 * container, no log collected, or the near miss — the container restarted once and runs again.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { logrusLine, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addUserDeployment, controllerLosesPod, crashLoop, podOf, setPodCondition, updateContainerStatus } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export interface PodCrashLoopingOptions {
  /** A user Deployment (default/web-frontend) crash-loops instead of harvester-load-balancer. */
  user?: boolean;
  /** Its init container crash-loops (the user workload waits for its database). */
  init?: boolean;
  /** The kit collected no log of the container. */
  noLogs?: boolean;
  /** Near miss: the container exited once with an error and runs again. */
  recovered?: boolean;
}

export function podCrashLooping(builder: BundleBuilder, options: PodCrashLoopingOptions = {}): { pod: KubeObject; container: string } {
  const pod = options.user || options.init ? addUserDeployment(builder) : podOf(builder, 'harvester-system', 'harvester-load-balancer-');
  const namespace = pod.metadata.namespace!;
  if (options.init) return { pod: initCrashLoop(builder, pod), container: 'wait-for-db' };
  const container = (pod.spec as { containers: { name: string }[] }).containers[0]!.name;
  const run = (end: number) => [
    logrusLine(builder, end + 60, 'info', `Starting ${container}`),
    logrusLine(builder, end + 58, 'info', 'Starting loadbalancer.harvesterhci.io/v1beta1, Kind=LoadBalancer controller'),
    logrusLine(builder, end + 1, 'error', 'failed to sync ippool default/pool-vlan10: Internal error occurred: failed calling webhook "validator.harvester-load-balancer-webhook.harvesterhci.io": context deadline exceeded'),
    logrusLine(builder, end, 'fatal', 'leader election lost'),
  ];
  if (options.recovered) {
    updateContainerStatus(builder, pod, container, (status) => {
      Object.assign(status, {
        lastState: { terminated: { containerID: `containerd://${'7a'.repeat(32)}`, exitCode: 1, finishedAt: secondsBefore(builder, 540), reason: 'Error', startedAt: secondsBefore(builder, 600) } },
        restartCount: 1,
        state: { running: { startedAt: secondsBefore(builder, 530) } },
      });
    });
    builder.addPodLog(namespace, pod.metadata.name, container, run(540), { previous: true });
    return { pod, container };
  }
  crashLoop(builder, pod, container, {
    restarts: 11,
    exit: { reason: 'Error', exitCode: 1, secondsAgo: 200 },
    ...(options.noLogs ? {} : { logs: { previous: run(500), current: run(200) } }),
  });
  controllerLosesPod(builder, pod, secondsBefore(builder, 45 * 60));
  return { pod: builder.getObject('v1', 'Pod', namespace, pod.metadata.name)!, container };
}

/** The user workload gets an init container that waits for its database and exits when it cannot reach it. */
function initCrashLoop(builder: BundleBuilder, pod: KubeObject): KubeObject {
  const namespace = pod.metadata.namespace!;
  builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
    (object.spec as Record<string, unknown>).initContainers = [{ command: ['sh', '-c', 'until nc -z postgres 5432; do exit 1; done'], image: 'docker.io/library/busybox:1.37', imagePullPolicy: 'IfNotPresent', name: 'wait-for-db', resources: {} }];
    const status = object.status as Record<string, unknown>;
    status.phase = 'Pending';
    status.initContainerStatuses = [{ image: 'docker.io/library/busybox:1.37', imageID: `docker.io/library/busybox@sha256:${'5c'.repeat(32)}`, lastState: {}, name: 'wait-for-db', ready: false, restartCount: 0, started: false, state: { running: { startedAt: secondsBefore(builder, 900) } } }];
    for (const entry of status.containerStatuses as Record<string, unknown>[]) {
      delete entry.containerID;
      Object.assign(entry, { lastState: {}, ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } } });
    }
  });
  setPodCondition(builder, pod, 'Initialized', { status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait-for-db]', since: secondsBefore(builder, 900) });
  crashLoop(builder, pod, 'wait-for-db', {
    init: true,
    restarts: 6,
    exit: { reason: 'Error', exitCode: 1, secondsAgo: 150 },
    logs: {
      previous: [{ time: secondsBefore(builder, 451).replace('Z', '.118000000Z'), text: 'nc: bad address \'postgres\'' }],
      current: [{ time: secondsBefore(builder, 150).replace('Z', '.121000000Z'), text: 'nc: bad address \'postgres\'' }],
    },
  });
  controllerLosesPod(builder, pod, secondsBefore(builder, 15 * 60));
  return builder.getObject('v1', 'Pod', namespace, pod.metadata.name)!;
}
