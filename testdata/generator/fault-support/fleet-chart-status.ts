/**
 * Shared by the Fleet / ManagedChart faults (signatures.md §2): put a ManagedChart and its
 * `mcc-<chart>` Bundle into a non-ready Fleet state with the exact status shape and Ready
 * message of rancher/fleet v0.11 (§0.2), and add what an upgrade leaves behind (Upgrade CR,
 * apply-manifests pod log). Faults call these; they never touch healthy-cluster.ts.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import type { PodLogLine } from '../../../packages/rules/src/testing/log-lines.js';
import { FLEET_BUNDLE, MANAGED_CHART, beforeCreated, setReadyBundleCount, statusBasis } from './fleet-objects.js';

export const LOCAL_CLUSTER = 'fleet-local/local';

export type FleetBundleState = 'ErrApplied' | 'WaitApplied' | 'Modified' | 'OutOfSync' | 'Pending' | 'NotReady';

/** One `modifiedStatus` entry (fleet `ModifiedStatus`: `missing` = Create, `delete` = extra). */
export interface ModifiedEntry {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  patch?: string;
  missing?: boolean;
  delete?: boolean;
}

/** One `nonReadyStatus` entry (fleet `NonReadyStatus` with its summary). */
export interface NonReadyEntry {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  state: string;
  message: string[];
  error?: boolean;
}

export interface NotReadyStatus {
  state: FleetBundleState;
  /** The per-cluster message, e.g. an ErrApplied Helm error: `[Cluster fleet-local/local: <message>]`. */
  clusterMessage?: string;
  modified?: ModifiedEntry[];
  nonReady?: NonReadyEntry[];
}

function gvkPrefix(entry: { apiVersion: string; kind: string; namespace?: string; name: string }): string {
  const slash = entry.apiVersion.indexOf('/');
  const group = slash < 0 ? entry.apiVersion : entry.apiVersion.slice(0, slash);
  return `${entry.kind.toLowerCase()}.${group} ${entry.namespace ? `${entry.namespace}/` : ''}${entry.name}`;
}

/** `ModifiedStatus.String()`: `… missing`, `… extra`, `… modified <patch>`. */
export function modifiedString(entry: ModifiedEntry): string {
  if (entry.missing) return `${gvkPrefix(entry)} missing`;
  if (entry.delete) return `${gvkPrefix(entry)} extra`;
  return `${gvkPrefix(entry)} modified ${entry.patch ?? '{}'}`;
}

/**
 * `NonReadyStatus.String()`: `deployment.apps harvester-system/harvester [progressing] Available: 2/3`
 * — `[progressing]` for a transitioning summary, `[error]` for an error, whatever its state (the
 * real v1.0 sample shows state `bound` rendered as `[progressing]`).
 */
export function nonReadyString(entry: NonReadyEntry): string {
  return `${gvkPrefix(entry)} [${entry.error ? 'error' : 'progressing'}] ${entry.message.join(', ')}`;
}

/** The Ready condition message (summary.go ReadyMessage): state part, ≤4 modified, ≤4 non-ready, sorted, "; ". */
export function readyMessage(status: NotReadyStatus, cluster = LOCAL_CLUSTER): string {
  const head = `${status.state}(1) [Cluster ${cluster}${status.clusterMessage ? `: ${status.clusterMessage}` : ''}]`;
  const parts = [head, ...(status.modified ?? []).slice(0, 4).map(modifiedString), ...(status.nonReady ?? []).slice(0, 4).map(nonReadyString)];
  return parts.sort().join('; ');
}

const SUMMARY_KEY: Record<FleetBundleState, string> = {
  ErrApplied: 'errApplied',
  WaitApplied: 'waitApplied',
  Modified: 'modified',
  OutOfSync: 'outOfSync',
  Pending: 'pending',
  NotReady: 'notReady',
};

/** A full Fleet BundleStatus for one target cluster in the given non-ready state. */
export function notReadyFleetStatus(object: KubeObject, at: string, status: NotReadyStatus): Record<string, unknown> {
  const basis = statusBasis(object, at);
  const resource: Record<string, unknown> = { bundleState: status.state };
  if (status.clusterMessage) resource.message = status.clusterMessage;
  if (status.modified?.length) {
    resource.modifiedStatus = status.modified.map((entry) => ({
      apiVersion: entry.apiVersion,
      kind: entry.kind,
      ...(entry.delete ? { delete: true } : {}),
      ...(entry.missing ? { missing: true } : {}),
      name: entry.name,
      ...(entry.namespace ? { namespace: entry.namespace } : {}),
      ...(entry.patch ? { patch: entry.patch } : {}),
    }));
  }
  resource.name = LOCAL_CLUSTER;
  if (status.nonReady?.length) {
    resource.nonReadyStatus = status.nonReady.map((entry, index) => ({
      apiVersion: entry.apiVersion,
      kind: entry.kind,
      name: entry.name,
      ...(entry.namespace ? { namespace: entry.namespace } : {}),
      summary: { ...(entry.error ? { error: true } : {}), message: entry.message, state: entry.state, transitioning: !entry.error },
      uid: `0c5c0e5e-4f0b-4a3e-9d1a-${String(index).padStart(12, '0')}`,
    }));
  }
  const summary = { desiredReady: 1, [SUMMARY_KEY[status.state]]: 1, nonReadyResources: [resource], ready: 0 };
  return {
    conditions: [
      { lastUpdateTime: basis.readyAt, message: readyMessage(status), status: 'False', type: 'Ready' },
      { lastUpdateTime: basis.processedAt, status: 'True', type: 'Processed' },
    ],
    display: { readyClusters: '0/1', state: status.state },
    maxNew: 50,
    maxUnavailable: 1,
    maxUnavailablePartitions: 0,
    observedGeneration: basis.observedGeneration,
    partitions: [{ count: 1, maxUnavailable: 1, name: 'All', summary, unavailable: 1 }],
    resourcesSha256Sum: basis.resourcesSha256Sum,
    summary,
    unavailable: 1,
    unavailablePartitions: 0,
  };
}

/**
 * Puts ManagedChart `fleet-local/<chart>` and Bundle `fleet-local/mcc-<chart>` into `status`
 * (Rancher copies the Bundle status into the ManagedChart), `secondsAgo` before the bundle.
 */
export function setChartNotReady(builder: BundleBuilder, chart: string, status: NotReadyStatus, secondsAgo = 3 * 3600): void {
  const at = beforeCreated(builder, secondsAgo);
  builder.updateObject(...MANAGED_CHART, chart, (object) => {
    object.status = notReadyFleetStatus(object, at, status);
  });
  if (builder.getObject(...FLEET_BUNDLE, `mcc-${chart}`)) {
    builder.updateObject(...FLEET_BUNDLE, `mcc-${chart}`, (object) => {
      object.status = notReadyFleetStatus(object, at, status);
    });
  }
  const notReady = builder.listObjects(...FLEET_BUNDLE).filter((bundle) => (bundle.status as { display?: { readyClusters?: string } }).display?.readyClusters !== '1/1').length;
  setReadyBundleCount(builder, notReady, status.state === 'Modified' ? notReady : 0);
}

/** Sets a non-chart Bundle (e.g. `local-managed-system-agent`) to `status`. */
export function setBundleNotReady(builder: BundleBuilder, bundle: string, status: NotReadyStatus, secondsAgo = 3 * 3600): void {
  const at = beforeCreated(builder, secondsAgo);
  builder.updateObject(...FLEET_BUNDLE, bundle, (object) => {
    object.status = notReadyFleetStatus(object, at, status);
  });
}

/** The running release as the cluster reports it (setting server-version; the fact readers trust it first). */
export function setServerVersion(builder: BundleBuilder, version: string): void {
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
    setting.value = version;
  });
}

/** Changes a ManagedChart and its Bundle spec the same way (Rancher copies spec.diff/paused to the Bundle). */
export function editChart(builder: BundleBuilder, chart: string, edit: (spec: Record<string, unknown>, kind: 'ManagedChart' | 'Bundle') => void): void {
  builder.updateObject(...MANAGED_CHART, chart, (object) => {
    edit((object.spec ??= {}) as Record<string, unknown>, 'ManagedChart');
    object.metadata.generation = Number(object.metadata.generation ?? 1) + 1;
  });
  if (builder.getObject(...FLEET_BUNDLE, `mcc-${chart}`)) {
    builder.updateObject(...FLEET_BUNDLE, `mcc-${chart}`, (object) => {
      edit((object.spec ??= {}) as Record<string, unknown>, 'Bundle');
      object.metadata.generation = Number(object.metadata.generation ?? 1) + 1;
    });
  }
}

export interface UpgradeOptions {
  /** `hvst-upgrade-<5 chars>`. */
  name: string;
  /** Target release, e.g. `v1.4.0`. */
  version: string;
  previousVersion: string;
  /** `harvesterhci.io/upgradeState` label (signatures.md §0.4). */
  state: string;
  latest?: boolean;
  secondsAgo?: number;
}

/** An Upgrade CR in harvester-system, as the upgrade controller labels it. */
export function addUpgrade(builder: BundleBuilder, options: UpgradeOptions): void {
  const created = beforeCreated(builder, options.secondsAgo ?? 5 * 3600);
  const done = options.state === 'Succeeded' || options.state === 'Failed';
  builder.addObject({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'Upgrade',
    metadata: {
      creationTimestamp: created,
      generation: 1,
      labels: { 'harvesterhci.io/latestUpgrade': String(options.latest ?? true), 'harvesterhci.io/upgradeState': options.state },
      name: options.name,
      namespace: 'harvester-system',
    },
    spec: { image: '', logEnabled: false, version: options.version },
    status: {
      conditions: [
        { status: 'True', type: 'ImageReady' },
        { status: 'True', type: 'RepoReady' },
        { status: 'True', type: 'NodesPrepared' },
        { status: done ? (options.state === 'Succeeded' ? 'True' : 'False') : 'Unknown', type: 'SystemServicesUpgraded' },
        { status: done ? (options.state === 'Succeeded' ? 'True' : 'False') : 'Unknown', type: 'Completed' },
      ],
      previousVersion: options.previousVersion,
      repoInfo: `release:\n  harvester: ${options.version}\n`,
      upgradeLog: '',
    },
  });
}

/**
 * The apply-manifests job pod's log (`logs/harvester-system/<upgrade>-apply-manifests-<hash>/apply.log`):
 * `lines` repeated `times`, each followed by the retry sleep, one every 5 seconds.
 */
export function addApplyManifestsLog(builder: BundleBuilder, upgrade: string, lines: readonly string[], times = 6, pod = `${upgrade}-apply-manifests-7xk2p`): string {
  const start = Date.parse(builder.createdAt) - 20 * 60_000;
  const out: PodLogLine[] = [
    { time: nanoTime(start - 60_000), text: '+ wait_for_managed_charts' },
  ];
  let clock = start;
  for (let round = 0; round < times; round += 1) {
    for (const text of lines) {
      out.push({ time: nanoTime(clock), text });
      clock += 1;
    }
    out.push({ time: nanoTime(clock), text: 'Sleep for 5 seconds to retry' });
    clock += 5000;
  }
  builder.addPodLog('harvester-system', pod, 'apply', out);
  return `logs/harvester-system/${pod}/apply.log`;
}

function nanoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000001Z');
}
