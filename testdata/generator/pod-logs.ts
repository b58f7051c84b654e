/**
 * Container logs for the pods a triage usually opens first (harvester, harvester-webhook,
 * longhorn-manager, fleet-agent, rancher), in each component's own line format: logrus
 * `time=… level=… msg=…`, klog, and Rancher's `[INFO]` lines. Healthy clusters log routine work.
 */
import type { PodLogLine } from '../../packages/rules/src/testing/log-lines.js';
import type { ClusterContext } from './cluster-context.js';
import type { WorkloadPods } from './workloads.js';

/** `time="…" level=info msg="…"` as logrus prints it. */
export function logrus(time: string, level: string, message: string): PodLogLine {
  return { time: `${time.slice(0, 19)}.${String(Date.parse(time) % 997).padStart(3, '0')}Z`, text: `time="${time}" level=${level} msg="${message.replaceAll('"', '\\"')}"` };
}

export function addPodLogs(context: ClusterContext, workloads: readonly WorkloadPods[]): void {
  const pods = (namespace: string, name: string) => workloads.find((w) => w.spec.namespace === namespace && w.spec.name === name)?.pods ?? [];
  const t = (minutesBefore: number) => context.before(minutesBefore);
  const { builder, release } = context;

  for (const pod of pods('harvester-system', 'harvester')) {
    builder.addPodLog('harvester-system', pod.name, 'apiserver', [
      logrus(t(180), 'info', `Harvester ${release.harvester} is starting`),
      logrus(t(180), 'info', 'Starting harvesterhci.io/v1beta1, Kind=Setting controller'),
      logrus(t(180), 'info', 'Starting harvesterhci.io/v1beta1, Kind=Version controller'),
      logrus(t(179), 'info', 'Starting management.cattle.io/v3, Kind=ManagedChart controller'),
      logrus(t(120), 'info', 'Fetching upgrade info from https://harvester-upgrade-responder.rancher.io/v1/checkupgrade'),
      logrus(t(60), 'info', 'Fetching upgrade info from https://harvester-upgrade-responder.rancher.io/v1/checkupgrade'),
      logrus(t(2), 'info', `Support bundle ${builder.bundleMetadata.bundleName} state: generating`),
    ]);
  }
  for (const pod of pods('harvester-system', 'harvester-webhook')) {
    builder.addPodLog('harvester-system', pod.name, 'harvester-webhook', [
      logrus(t(180), 'info', 'Starting webhook server on :9443'),
      logrus(t(180), 'info', 'Registered validator for harvesterhci.io/v1beta1, Resource=upgrades'),
      logrus(t(180), 'info', 'Registered validator for harvesterhci.io/v1beta1, Resource=settings'),
      logrus(t(179), 'info', 'Sleeping for 15 seconds then applying webhook config'),
      logrus(t(178), 'info', 'Update ValidatingWebhookConfiguration harvester-validator'),
    ]);
  }
  for (const pod of pods('longhorn-system', 'longhorn-manager')) {
    builder.addPodLog('longhorn-system', pod.name, 'longhorn-manager', [
      logrus(t(170), 'info', `Starting longhorn manager ${release.longhorn}`),
      logrus(t(170), 'info', `Node controller is running on ${pod.node.name}`),
      logrus(t(90), 'info', 'Starting to purge snapshot'),
      { time: `${t(30).slice(0, 19)}.418093251Z`, text: `10.52.0.1 - - [${apacheTime(t(30))}] "GET /v1/volumes HTTP/1.1" 200 18721 "" "Go-http-client/1.1"` },
      logrus(t(5), 'info', 'Finished snapshot check'),
    ]);
  }
  for (const pod of pods('cattle-fleet-local-system', 'fleet-agent')) {
    builder.addPodLog('cattle-fleet-local-system', pod.name, 'fleet-agent', [
      `{"level":"info","ts":"${t(175)}","logger":"setup","msg":"starting manager"}`,
      `{"level":"info","ts":"${t(175)}","logger":"bundledeployment","msg":"Starting workers","controller":"bundledeployment","worker count":50}`,
      `{"level":"info","ts":"${t(174)}","logger":"bundledeployment.deploy-bundle","msg":"Deploying bundle","controller":"bundledeployment","name":"mcc-harvester","namespace":"cluster-fleet-local-local-1a3d67d0a899"}`,
      `{"level":"info","ts":"${t(173)}","logger":"bundledeployment.helm-deployer.install","msg":"Upgrading helm release","controller":"bundledeployment","name":"mcc-harvester","commit":"","dryRun":false}`,
      `{"level":"info","ts":"${t(10)}","logger":"clusterstatus.updateStatus","msg":"Reported resources","controller":"cluster","cluster":"local"}`,
    ]);
  }
  for (const pod of pods('cattle-system', 'rancher')) {
    builder.addPodLog('cattle-system', pod.name, 'rancher', [
      rancherLine(t(185), `[INFO] Rancher version ${release.rancher} (${context.random.hex(12)}) is starting`),
      rancherLine(t(185), '[INFO] Listening on /tmp/log.sock'),
      rancherLine(t(184), '[INFO] Running in single server mode, will not peer connections'),
      rancherLine(t(120), '[INFO] [planner] rkecluster fleet-local/local: reconciling: all machines are ready'),
      rancherLine(t(15), '[INFO] Watching metadata for harvesterhci.io/v1beta1, Kind=Setting'),
    ]);
  }
}

/** Rancher logs `2025/03/12 06:14:07 [INFO] …` itself, under the kubelet's timestamp. */
function rancherLine(time: string, text: string): PodLogLine {
  return { time, text: `${time.slice(0, 10).replaceAll('-', '/')} ${time.slice(11, 19)} ${text}` };
}

function apacheTime(time: string): string {
  const date = new Date(time);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  return `${String(date.getUTCDate()).padStart(2, '0')}/${month}/${date.getUTCFullYear()}:${time.slice(11, 19)} +0000`;
}

/**
 * A container that restarted: its pod's `restartCount` goes up and its previous run's log
 * (`<container>.log.1`, kit ≥ v0.0.26) is added, ending where the run crashed.
 */
export function restartContainer(context: ClusterContext, namespace: string, podPrefix: string, container: string, lines: readonly PodLogLine[]): string {
  const { builder } = context;
  const runs = (candidate: { [field: string]: unknown }) => ((candidate.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []).some((c) => c.name === container);
  const pod = builder.listObjects('v1', 'Pod', namespace).find((candidate) => candidate.metadata.name.startsWith(podPrefix) && runs(candidate));
  if (!pod) throw new Error(`no pod ${namespace}/${podPrefix}* with a container ${container} in this cluster`);
  builder.updateObject('v1', 'Pod', namespace, pod.metadata.name, (object) => {
    const statuses = ((object.status as { containerStatuses?: { name: string; restartCount: number }[] }).containerStatuses ?? []);
    for (const status of statuses) if (status.name === container) status.restartCount += 1;
  });
  builder.addPodLog(namespace, pod.metadata.name, container, lines, { previous: true });
  return pod.metadata.name;
}
