import type { FactSource } from '../facts/bundle-facts.js';

/** Where a fact of the overview was read: a bundle path and, when known, its 1-based line. */
export interface OverviewSource {
  path: string;
  line?: number;
}

/**
 * What a support engineer reads first about a cluster, from what the bundle holds: versions,
 * nodes, and the counts and states of VMs, volumes, pods and Fleet bundles. Every fact says
 * where it was read; a list the bundle does not hold has no `sources` (renderings say "not in
 * this bundle", never "0").
 */
export interface ClusterOverview {
  versions: ComponentVersion[];
  nodes: NodeOverview[];
  /** KubeVirt VirtualMachines by `status.printableStatus`. */
  virtualMachines: StateCounts;
  /** Longhorn volumes by `state/robustness` (`attached/healthy`, `detached/unknown`). */
  volumes: StateCounts;
  pods: PodReadiness;
  fleetBundles: FleetBundleReadiness;
}

export type OverviewComponent = 'harvester' | 'kubernetes' | 'rancher' | 'longhorn' | 'kubevirt';

export interface ComponentVersion {
  component: OverviewComponent;
  version: string;
  source: FactSource;
}

export interface NodeOverview {
  name: string;
  /** From `node-role.kubernetes.io/<role>` and `node-role.harvesterhci.io/<role>` labels, sorted. */
  roles: string[];
  /** The Ready condition's status (`True`, `False`, `Unknown`); absent when the node records none. */
  ready?: string;
  readyReason?: string;
  /** The Ready condition's lastTransitionTime. */
  readySince?: string;
  /** `spec.unschedulable`. */
  cordoned: boolean;
  kernel?: NodeDetail;
  os?: NodeDetail;
  kubelet?: NodeDetail;
  /** The bundle holds this node's node bundle (logs, configs). */
  nodeBundle: boolean;
  /** The node's item in nodes.yaml; absent for a node known only from its node bundle. */
  source?: OverviewSource;
}

export interface NodeDetail {
  value: string;
  source: OverviewSource;
}

export interface StateCounts {
  total: number;
  /** Most common first, then by name. */
  states: { state: string; count: number }[];
  /** The files counted; empty when the bundle holds no such list. */
  sources: string[];
}

export interface PodReadiness {
  total: number;
  notReady: number;
  /** Namespaces with pods not ready, most first; each names its first pods (by name). */
  namespaces: NamespacePods[];
  sources: string[];
}

export interface NamespacePods {
  namespace: string;
  total: number;
  notReady: number;
  pods: NotReadyPod[];
}

export interface NotReadyPod {
  name: string;
  /** `CrashLoopBackOff`, `ImagePullBackOff`, `Unschedulable`, `Evicted`, the phase… */
  reason: string;
  source: OverviewSource;
}

export interface FleetBundleReadiness {
  total: number;
  notReady: NotReadyFleetBundle[];
  sources: string[];
}

export interface NotReadyFleetBundle {
  namespace: string;
  name: string;
  /** `status.display.state` (`Modified`, `ErrApplied`, `WaitApplied`…). */
  state?: string;
  /** `status.display.readyClusters`, e.g. `0/1`. */
  readyClusters?: string;
  /** The Ready condition's message, cut at 300 characters. */
  message?: string;
  source: OverviewSource;
}
