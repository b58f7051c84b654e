/**
 * `healthyCluster()`: a BundleBuilder holding a realistic, healthy Harvester v1.4.x cluster as
 * support-bundle-kit v0.0.46 would collect it. Faults (./faults) then change it into the broken
 * states the catalog detects. Deterministic: the same options give the same bytes.
 */
import { BundleBuilder } from '../../packages/rules/src/testing/bundle-builder.js';
import type { KitName } from '../../packages/rules/src/testing/kit-profile.js';
import { createClock, type ClusterContext } from './cluster-context.js';
import { addBenignStorageAndVms } from './benign-storage-and-vms.js';
import { addEvents, routineEvents } from './events.js';
import { addFleet } from './fleet.js';
import { addHarvesterAddons } from './harvester-addons.js';
import { addHarvesterResources } from './harvester-resources.js';
import { harvesterRelease } from './harvester-releases.js';
import { addRke2HelmCharts } from './helm-charts.js';
import { addInFlightDeletions } from './in-flight-deletions.js';
import { addLonghorn } from './longhorn.js';
import { addNamespaces } from './namespaces.js';
import { addNodeBundles } from './node-bundle.js';
import { addNodes, createNodes } from './nodes.js';
import { addPodLogs } from './pod-logs.js';
import { SeededRandom } from './random.js';
import { addRoutineHistory } from './routine-history.js';
import { addVirtualMachines } from './virtual-machines.js';
import { addWorkloads, harvesterWorkloads } from './workloads.js';

export interface HealthyClusterOptions {
  /** The running release, e.g. `v1.4.1` (see harvester-releases.ts). */
  harvesterVersion: string;
  /** Number of nodes; the first three are control-plane nodes. */
  nodes: number;
  seed: number;
  /** When the bundle was created (RFC3339 UTC, whole seconds). */
  createdAt?: string;
  /** The support-bundle-kit generation that writes the bundle (kit-profile.ts); `current` by default. */
  kit?: KitName;
  /** Harvester's `support-bundle-file-name` setting (kit ≥ v0.0.82 names the bundle after it). */
  fileName?: string;
  /** Boots before this one whose kernel journal the node still holds (`kernel.log.1`, `.2`; kit ≥ v0.0.11 writes them). */
  previousBoots?: 0 | 1 | 2;
}

export const DEFAULT_CREATED_AT = '2025-03-12T09:14:07Z';

/** The builder plus what faults need to know about the cluster that was generated. */
export type GeneratedCluster = ClusterContext;

export function healthyCluster(options: HealthyClusterOptions): BundleBuilder {
  return generateHealthyCluster(options).builder;
}

/** Like healthyCluster, but also returns the generation context (nodes, release, PRNG). */
export function generateHealthyCluster(options: HealthyClusterOptions): GeneratedCluster {
  if (!Number.isInteger(options.nodes) || options.nodes < 1) throw new Error(`nodes must be a positive integer, got ${options.nodes}`);
  const release = harvesterRelease(options.harvesterVersion);
  const createdAt = options.createdAt ?? DEFAULT_CREATED_AT;
  const random = new SeededRandom(options.seed);
  const builder = new BundleBuilder({
    createdAt,
    kubernetesVersion: release.kubernetes,
    namespaceUid: random.uuid(),
    bundleName: `bundle-${random.podSuffix()}`,
    ...(options.kit ? { kit: options.kit } : {}),
    ...(options.fileName ? { fileName: options.fileName } : {}),
  });
  const context: ClusterContext = {
    builder,
    random,
    release,
    nodes: [],
    vip: '192.168.122.100',
    nodeHealth: new Map(),
    ...createClock(createdAt),
  };
  context.nodes = createNodes(context, options.nodes);

  addNamespaces(context);
  addNodes(context);
  addHarvesterResources(context);
  addFleet(context);
  const workloads = addWorkloads(context, harvesterWorkloads(context));
  const volumes = addVirtualMachines(context);
  const longhorn = addLonghorn(context, volumes);
  addEvents(context, routineEvents(context));
  addPodLogs(context, workloads);
  addNodeBundles(context, { previousBoots: options.previousBoots ?? 0 });
  addBenignStorageAndVms(context, longhorn, new SeededRandom(options.seed + 0x5eed));
  // What every running cluster also holds and health checks must take as normal. A PRNG of its
  // own, so the names drawn above stay what they were before these were added.
  const history = new SeededRandom(options.seed ^ 0x48e1c0de);
  addRke2HelmCharts(context, history);
  addHarvesterAddons(context, history);
  addInFlightDeletions(context);
  // Last, so what comes before keeps its bytes: the history every month-old cluster has (it
  // re-runs one of the helm-install Jobs above).
  addRoutineHistory(context);
  builder.addGenerationError('Failed to get /apis/authentication.k8s.io/v1/tokenreviews: the server does not allow this method on the requested resource');
  builder.addGenerationError('Failed to get /apis/authorization.k8s.io/v1/selfsubjectaccessreviews: the server does not allow this method on the requested resource');
  return context;
}
