/**
 * A cluster in trouble, for the pattern and timeline tests and commands: the healthy generated
 * cluster, in the middle of an upgrade that failed on one node, with a pod that was OOM-killed,
 * a warning event that repeats, and realistic warning and error lines from every log profile
 * (one template looping every 30 s). It is built in memory; no committed fixture changes.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { formatJournalLine } from '../../../packages/rules/src/testing/log-lines.js';
import { generateHealthyCluster } from '../healthy-cluster.js';
import { addLabelledLogs, labelledLogs, type LabelledLine } from './labelled-logs.js';

export interface IncidentBundle {
  builder: BundleBuilder;
  /** The labelled lines written into its logs. */
  lines: LabelledLine[];
  createdAt: string;
  nodes: string[];
  /** Names used by the incident's objects. */
  upgrade: string;
  failedNode: string;
  oomPod: string;
}

export const INCIDENT_LOOP_TEMPLATE = 'harvester/upgrade-requeue-managedchart';

export function incidentBundle(options: { seed?: number } = {}): IncidentBundle {
  const context = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: options.seed ?? 41 });
  const { builder } = context;
  const createdAt = builder.createdAt;
  const nodes = context.nodes.map((node) => node.name);
  const failedNode = nodes[1]!;
  const upgrade = 'hvst-upgrade-x7k2p';
  const at = (minutesBefore: number) => context.before(minutesBefore);

  builder.addObject({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'Upgrade',
    metadata: {
      creationTimestamp: at(180),
      labels: { 'harvesterhci.io/latestUpgrade': 'true', 'harvesterhci.io/upgradeState': 'UpgradingNodes' },
      name: upgrade,
      namespace: 'harvester-system',
    },
    spec: { image: '', logEnabled: true, version: 'v1.4.2' },
    status: {
      conditions: [
        { lastUpdateTime: at(170), status: 'True', type: 'ImageReady' },
        { lastUpdateTime: at(150), status: 'True', type: 'RepoReady' },
        { lastUpdateTime: at(120), status: 'True', type: 'SystemServicesUpgraded' },
        { lastUpdateTime: at(20), message: `Job has reached the specified backoff limit`, reason: 'BackoffLimitExceeded', status: 'False', type: 'NodesUpgraded' },
      ],
      nodeStatuses: {
        [nodes[0]!]: { state: 'Succeeded' },
        [failedNode]: { message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', state: 'Failed' },
        [nodes[2]!]: { state: 'Images preloaded' },
      },
      previousVersion: 'v1.4.1',
    },
  });
  builder.addObject(job(`${upgrade}-apply-manifests`, at(130), at(121), true));
  builder.addObject(job(`${upgrade}-post-drain-${failedNode}`, at(60), at(20), false));

  const oomPod = `virt-launcher-web-01-${context.random.podSuffix()}`;
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: at(400),
      name: oomPod,
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'kubevirt.io/v1', controller: true, kind: 'VirtualMachineInstance', name: 'web-01', uid: context.random.uuid() }],
    },
    spec: { containers: [{ image: 'registry.suse.com/suse/sles/15.5/virt-launcher:1.1.1', name: 'compute' }], nodeName: failedNode },
    status: {
      conditions: [{ lastProbeTime: null, lastTransitionTime: at(45), status: 'True', type: 'Ready' }],
      containerStatuses: [
        {
          lastState: { terminated: { exitCode: 137, finishedAt: at(50), reason: 'OOMKilled', startedAt: at(400) } },
          name: 'compute',
          ready: true,
          restartCount: 1,
          state: { running: { startedAt: at(49) } },
        },
      ],
      phase: 'Running',
    },
  });
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Event',
    count: 42,
    eventTime: 'null',
    firstTimestamp: at(55),
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: oomPod, namespace: 'default' },
    lastTimestamp: at(5),
    message: `Back-off restarting failed container compute in pod ${oomPod}_default`,
    metadata: { creationTimestamp: at(55), name: `${oomPod}.${context.random.hex(16)}`, namespace: 'default' },
    reason: 'BackOff',
    reportingComponent: '',
    reportingInstance: '',
    source: { component: 'kubelet', host: failedNode },
    type: 'Warning',
  });

  const lines = labelledLogs({
    seed: options.seed ?? 41,
    linesPerTemplate: 12,
    createdAt,
    nodes,
    loops: [{ template: INCIDENT_LOOP_TEMPLATE, intervalSeconds: 30, count: 40, endMinutesBefore: 3 }],
  });
  // Each node's current boot starts its kernel log; the failed node rebooted 40 minutes ago
  // (its boot before is kernel.log.1).
  const banner = (node: string, file: string, minutesBefore: number): LabelledLine => {
    const time = new Date(Date.parse(at(minutesBefore))).toISOString();
    return {
      template: 'kernel/boot-banner',
      level: 'info',
      component: 'kernel',
      path: `nodes/${node}.zip!/${node}/logs/${file}`,
      line: formatJournalLine({ time, identifier: 'kernel', text: 'Linux version 5.14.21-150500.55.88-default (geeko@buildhost) #1 SMP PREEMPT_DYNAMIC' }, node, true),
      time,
    };
  };
  const boots = [...nodes.map((node) => banner(node, 'kernel.log', node === failedNode ? 40 : 30 * 24 * 60)), banner(failedNode, 'kernel.log.1', 30 * 24 * 60)];
  const all = [...boots, ...lines].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  addLabelledLogs(builder, all);
  return { builder, lines: all, createdAt, nodes, upgrade, failedNode, oomPod };
}

function job(name: string, started: string, finished: string, succeeded: boolean): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: started, name, namespace: 'harvester-system' },
    spec: { backoffLimit: 6 },
    status: succeeded
      ? { completionTime: finished, conditions: [{ lastProbeTime: finished, lastTransitionTime: finished, status: 'True', type: 'Complete' }], startTime: started, succeeded: 1 }
      : { conditions: [{ lastProbeTime: finished, lastTransitionTime: finished, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'Failed' }], failed: 7, startTime: started },
  };
}
