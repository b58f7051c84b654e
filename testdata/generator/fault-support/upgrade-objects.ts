/**
 * The objects of a Harvester upgrade in flight, shared by the upgrade-flow faults: the `Upgrade`
 * CR (labels, conditions and per-node states of the v1.4.2 job controller, signatures.md §0.4),
 * its `UpgradeLog`, and the upgrade job pods (`hvst-upgrade-<id>-apply-manifests-<suffix>`,
 * `…-pre-drain-<node>-<suffix>`, `…-post-drain-<node>-<suffix>`) with their logs.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import type { PodLogLine } from '../../../packages/rules/src/testing/log-lines.js';
import { beforeCreated } from './fleet-objects.js';

export const UPGRADE_API = 'harvesterhci.io/v1beta1';

export type UpgradeState =
  | 'PreparingLoggingInfra' | 'LoggingInfraPrepared' | 'CreatingUpgradeImage' | 'PreparingRepo' | 'RepoPrepared'
  | 'PreparingNodes' | 'UpgradingSystemServices' | 'UpgradingNodes' | 'Succeeded' | 'Failed';

/** Conditions in the order the job controller sets them, and the state each one is True from. */
const CONDITION_ORDER: [type: string, trueFrom: UpgradeState][] = [
  ['LogReady', 'LoggingInfraPrepared'],
  ['ImageReady', 'PreparingRepo'],
  ['RepoReady', 'RepoPrepared'],
  ['NodesPrepared', 'UpgradingSystemServices'],
  ['SystemServicesUpgraded', 'UpgradingNodes'],
  ['NodesUpgraded', 'Succeeded'],
];
const STATE_ORDER: UpgradeState[] = [
  'PreparingLoggingInfra', 'LoggingInfraPrepared', 'CreatingUpgradeImage', 'PreparingRepo', 'RepoPrepared',
  'PreparingNodes', 'UpgradingSystemServices', 'UpgradingNodes', 'Succeeded',
];

export interface UpgradeOptions {
  /** `hvst-upgrade-<5 chars>`. Default `hvst-upgrade-7xk2p`. */
  name?: string;
  /** The running (previous) version and the target. */
  from: string;
  to: string;
  state: UpgradeState;
  /** `status.nodeStatuses`: node → state (and optional reason/message). */
  nodeStatuses?: Record<string, { state: string; reason?: string; message?: string }>;
  /** Seconds before the bundle was created when the upgrade started. Default 3 h. */
  startedSecondsAgo?: number;
  /** Extra labels (e.g. harvesterhci.io/read-message). */
  labels?: Record<string, string>;
  /** Replace the computed status entirely (S35: a wiped status). */
  status?: Record<string, unknown>;
}

/** Adds the latest Upgrade CR (and its UpgradeLog) in harvester-system; returns the Upgrade. */
export function addUpgrade(builder: BundleBuilder, options: UpgradeOptions): KubeObject {
  const name = options.name ?? 'hvst-upgrade-7xk2p';
  const started = beforeCreated(builder, options.startedSecondsAgo ?? 3 * 3600);
  const reached = STATE_ORDER.indexOf(options.state === 'Failed' ? 'UpgradingNodes' : options.state);
  const conditions = [
    { lastUpdateTime: started, status: options.state === 'Succeeded' ? 'True' : 'Unknown', type: 'Completed' },
    ...CONDITION_ORDER.filter(([, from]) => STATE_ORDER.indexOf(from) <= reached + 1).map(([type, from]) => ({
      lastUpdateTime: started,
      status: STATE_ORDER.indexOf(from) <= reached ? 'True' : 'Unknown',
      type,
    })),
  ];
  const upgrade: KubeObject = {
    apiVersion: UPGRADE_API,
    kind: 'Upgrade',
    metadata: {
      creationTimestamp: started,
      generation: 1,
      labels: { 'harvesterhci.io/latestUpgrade': 'true', 'harvesterhci.io/upgradeState': options.state, ...options.labels },
      name,
      namespace: 'harvester-system',
    },
    spec: { image: '', logEnabled: true, version: options.to },
    status: options.status ?? {
      conditions,
      imageID: `harvester-system/${name}`,
      previousVersion: options.from,
      upgradeLog: `${name}-upgradelog`,
      ...(reached >= STATE_ORDER.indexOf('RepoPrepared') ? { repoInfo: `release:\n  harvester: ${options.to}\n  os: Harvester ${options.to}\n` } : {}),
      ...(options.nodeStatuses ? { nodeStatuses: options.nodeStatuses } : {}),
    },
  };
  builder.addObject(upgrade);
  builder.addObject({
    apiVersion: UPGRADE_API,
    kind: 'UpgradeLog',
    metadata: {
      creationTimestamp: started,
      generation: 1,
      labels: { 'harvesterhci.io/upgrade': name },
      name: `${name}-upgradelog`,
      namespace: 'harvester-system',
      ownerReferences: [{ apiVersion: UPGRADE_API, kind: 'Upgrade', name, uid: upgrade.metadata.uid ?? '' }],
    },
    spec: { upgradeName: name },
    status: { conditions: [{ lastUpdateTime: started, status: 'True', type: 'Started' }, { lastUpdateTime: started, status: 'True', type: 'UpgradeLogReady' }] },
  });
  return upgrade;
}

export interface JobPodOptions {
  namespace?: string;
  /** The job name, e.g. `hvst-upgrade-7xk2p-apply-manifests`. */
  job: string;
  container: string;
  node: string;
  image: string;
  lines: readonly PodLogLine[];
  phase?: 'Running' | 'Pending' | 'Failed';
  /** Seconds before the bundle was created. Default 1 h. */
  startedSecondsAgo?: number;
}

/** A running upgrade job pod with its log; returns the pod name. */
export function addJobPod(builder: BundleBuilder, options: JobPodOptions): string {
  const namespace = options.namespace ?? 'harvester-system';
  const pod = `${options.job}-${suffix(options.job)}`;
  const started = beforeCreated(builder, options.startedSecondsAgo ?? 3600);
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: started,
      generateName: `${options.job}-`,
      labels: { 'batch.kubernetes.io/job-name': options.job, 'job-name': options.job },
      name: pod,
      namespace,
      ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'Job', name: options.job, uid: '00000000-0000-4000-8000-000000000001' }],
    },
    spec: {
      containers: [{ image: options.image, imagePullPolicy: 'IfNotPresent', name: options.container }],
      nodeName: options.node,
      restartPolicy: 'Never',
      serviceAccountName: 'harvester',
    },
    status: {
      containerStatuses: [{ image: options.image, name: options.container, ready: true, restartCount: 0, started: true, state: { running: { startedAt: started } } }],
      phase: options.phase ?? 'Running',
      startTime: started,
    },
  });
  builder.addPodLog(namespace, pod, options.container, options.lines);
  return pod;
}

/** Timed pod-log lines, one every `stepSeconds`, ending `endSecondsAgo` before the bundle. */
export function timedLines(builder: BundleBuilder, texts: readonly string[], stepSeconds: number, endSecondsAgo = 20): PodLogLine[] {
  return texts.map((text, index) => ({ time: beforeCreated(builder, endSecondsAgo + (texts.length - 1 - index) * stepSeconds), text }));
}

/** A deterministic 5-character pod suffix from a name. */
export function suffix(seed: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let hash = 2166136261;
  for (const character of seed) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i += 1) {
    out += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length) + i * 7919;
  }
  return out;
}

/** Sets `server-version` (faults for older releases start from a v1.4 healthy cluster). */
export function setServerVersion(builder: BundleBuilder, version: string): void {
  builder.updateObject(UPGRADE_API, 'Setting', undefined, 'server-version', (setting) => {
    setting.value = version;
  });
}
