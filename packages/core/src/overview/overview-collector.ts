import type { Bundle } from '../bundle.js';
import type { BundleFacts } from '../facts/bundle-facts.js';
import type { KubeObject } from '../resources/kube-object.js';
import { field, text } from '../resources/object-fields.js';
import { componentVersions } from './component-versions.js';
import { nodeOverviews } from './node-overview.js';
import type { ClusterOverview, FleetBundleReadiness, NamespacePods, NotReadyFleetBundle, OverviewSource, PodReadiness, StateCounts } from './overview-types.js';
import { notReadyReason } from './pod-readiness.js';

type Category = 'nodes' | 'pods' | 'virtualMachines' | 'volumes' | 'fleetBundles' | 'rancherSettings' | 'longhornSettings' | 'kubevirts' | 'longhornDaemonSets';

/** Pods named per namespace. */
const PODS_NAMED = 5;
const MESSAGE_CHARS = 300;

/**
 * Builds a `ClusterOverview` from objects handed over file by file — by `clusterOverview`, which
 * reads the lists itself, or by an analysis that hands over what it decodes anyway — keeping
 * counts, not objects (the few Nodes and settings excepted), so memory does not grow with the
 * bundle. Each file must be handed over once.
 */
export class OverviewCollector {
  readonly #bundle: Bundle;
  readonly #nodes: KubeObject[] = [];
  readonly #vms = new CountsBuilder();
  readonly #volumes = new CountsBuilder();
  readonly #pods = { total: 0, notReady: 0, namespaces: new Map<string, NamespacePods>(), sources: new Set<string>() };
  readonly #bundles = { total: 0, notReady: [] as NotReadyFleetBundle[], sources: new Set<string>() };
  readonly #settings: KubeObject[] = [];
  readonly #kubevirts: KubeObject[] = [];
  #longhornManager: KubeObject | undefined;

  constructor(bundle: Bundle) {
    this.#bundle = bundle;
  }

  /** Whether the overview counts the objects of this resource file. */
  wants(path: string): boolean {
    return this.#category(path) !== undefined;
  }

  /** The objects of one resource file (ignored when the overview does not count that list). */
  addObjects(objects: readonly KubeObject[], path: string): void {
    switch (this.#category(path)) {
      case 'nodes':
        this.#nodes.push(...objects.filter((object) => object.kind === 'Node'));
        return;
      case 'pods':
        this.#addPods(objects, path);
        return;
      case 'virtualMachines':
        this.#vms.add(path, objects.map((vm) => text(field(vm, 'status', 'printableStatus')) ?? 'unknown'));
        return;
      case 'volumes':
        this.#volumes.add(path, objects.map((volume) => `${text(field(volume, 'status', 'state')) ?? 'unknown'}/${text(field(volume, 'status', 'robustness')) ?? 'unknown'}`));
        return;
      case 'fleetBundles':
        this.#addFleetBundles(objects, path);
        return;
      case 'rancherSettings':
      case 'longhornSettings':
        this.#settings.push(...objects.filter((setting) => VERSION_SETTINGS.has(setting.metadata.name)));
        return;
      case 'kubevirts':
        this.#kubevirts.push(...objects);
        return;
      case 'longhornDaemonSets':
        this.#longhornManager ??= objects.find((daemonSet) => daemonSet.metadata.name === 'longhorn-manager');
        return;
      default:
    }
  }

  /** The overview; versions and node details are located (lines) and node files read here. */
  async finish(facts: BundleFacts): Promise<ClusterOverview> {
    return {
      versions: await componentVersions(this.#bundle, facts, { settings: this.#settings, kubevirts: this.#kubevirts, longhornManager: this.#longhornManager }),
      nodes: await nodeOverviews(this.#bundle, facts, this.#nodes),
      virtualMachines: this.#vms.result(),
      volumes: this.#volumes.result(),
      pods: this.#podReadiness(),
      fleetBundles: this.#fleetBundleReadiness(),
    };
  }

  #category(path: string): Category | undefined {
    const entry = this.#bundle.entry(path);
    if (entry?.type !== 'resource') return undefined;
    const { group, resource, namespace } = entry;
    if (group === '' && resource === 'nodes' && namespace === undefined) return 'nodes';
    if (group === '' && resource === 'pods') return 'pods';
    if (group === 'kubevirt.io' && resource === 'virtualmachines') return 'virtualMachines';
    if (group === 'kubevirt.io' && resource === 'kubevirts') return 'kubevirts';
    if (group === 'longhorn.io' && resource === 'volumes' && namespace === 'longhorn-system') return 'volumes';
    if (group === 'longhorn.io' && resource === 'settings' && namespace === 'longhorn-system') return 'longhornSettings';
    if (group === 'fleet.cattle.io' && resource === 'bundles') return 'fleetBundles';
    if (group === 'management.cattle.io' && resource === 'settings' && namespace === undefined) return 'rancherSettings';
    if (group === 'apps' && resource === 'daemonsets' && namespace === 'longhorn-system') return 'longhornDaemonSets';
    return undefined;
  }

  #addPods(pods: readonly KubeObject[], path: string): void {
    this.#pods.sources.add(path);
    for (const pod of pods) {
      if (pod.kind !== 'Pod') continue;
      const namespace = pod.metadata.namespace ?? '';
      let counts = this.#pods.namespaces.get(namespace);
      if (!counts) this.#pods.namespaces.set(namespace, (counts = { namespace, total: 0, notReady: 0, pods: [] }));
      counts.total += 1;
      this.#pods.total += 1;
      const reason = notReadyReason(pod);
      if (reason === undefined) continue;
      counts.notReady += 1;
      this.#pods.notReady += 1;
      counts.pods.push({ name: pod.metadata.name, reason, source: this.#sourceOf(pod, path) });
      if (counts.pods.length > PODS_NAMED) counts.pods = counts.pods.sort(byName).slice(0, PODS_NAMED);
    }
  }

  #addFleetBundles(bundles: readonly KubeObject[], path: string): void {
    this.#bundles.sources.add(path);
    for (const bundle of bundles) {
      if (bundle.kind !== 'Bundle') continue;
      this.#bundles.total += 1;
      const desired = field(bundle, 'status', 'summary', 'desiredReady');
      const ready = field(bundle, 'status', 'summary', 'ready');
      const conditions = field(bundle, 'status', 'conditions');
      const readyCondition = Array.isArray(conditions) ? (conditions.find((condition) => field(condition, 'type') === 'Ready') as Record<string, unknown> | undefined) : undefined;
      const behind = typeof desired === 'number' && desired > (typeof ready === 'number' ? ready : 0);
      if (!behind && field(readyCondition, 'status') !== 'False') continue;
      const entry: NotReadyFleetBundle = { namespace: bundle.metadata.namespace ?? '', name: bundle.metadata.name, source: this.#sourceOf(bundle, path) };
      const state = text(field(bundle, 'status', 'display', 'state'));
      const readyClusters = text(field(bundle, 'status', 'display', 'readyClusters'));
      const message = text(field(readyCondition, 'message'));
      if (state) entry.state = state;
      if (readyClusters) entry.readyClusters = readyClusters;
      if (message) entry.message = message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message;
      this.#bundles.notReady.push(entry);
    }
  }

  #podReadiness(): PodReadiness {
    const namespaces = [...this.#pods.namespaces.values()]
      .filter((counts) => counts.notReady > 0)
      .map((counts) => ({ ...counts, pods: [...counts.pods].sort(byName) }))
      .sort((a, b) => b.notReady - a.notReady || compareText(a.namespace, b.namespace));
    return { total: this.#pods.total, notReady: this.#pods.notReady, namespaces, sources: [...this.#pods.sources].sort(compareText) };
  }

  #fleetBundleReadiness(): FleetBundleReadiness {
    const notReady = [...this.#bundles.notReady].sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
    return { total: this.#bundles.total, notReady, sources: [...this.#bundles.sources].sort(compareText) };
  }

  #sourceOf(object: KubeObject, path: string): OverviewSource {
    const origin = this.#bundle.origin(object);
    return origin ? { path: origin.path, line: origin.line } : { path };
  }
}

/** Settings that name a version: Rancher's `server-version`, Longhorn's `current-longhorn-version`. */
const VERSION_SETTINGS = new Set(['server-version', 'current-longhorn-version']);

class CountsBuilder {
  readonly #counts = new Map<string, number>();
  readonly #sources = new Set<string>();
  #total = 0;

  add(path: string, states: readonly string[]): void {
    this.#sources.add(path);
    for (const state of states) {
      this.#total += 1;
      this.#counts.set(state, (this.#counts.get(state) ?? 0) + 1);
    }
  }

  result(): StateCounts {
    const states = [...this.#counts.entries()].map(([state, count]) => ({ state, count })).sort((a, b) => b.count - a.count || compareText(a.state, b.state));
    return { total: this.#total, states, sources: [...this.#sources].sort(compareText) };
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareText(a.name, b.name);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
