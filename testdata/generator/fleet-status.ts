/**
 * Fleet `BundleStatus`, which both a Fleet Bundle and a ManagedChart carry in `.status`
 * (signatures.md §0.2, rancher/fleet v0.11 `summary.go`), in its ready and its Modified form.
 */

/** One entry of `summary.nonReadyResources[].modifiedStatus` (fleet `ModifiedStatus`). */
export interface ModifiedResource {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /** JSON merge patch from the desired to the live object, as Fleet renders it. */
  patch: string;
}

/** `ModifiedStatus.String()`: `<kind>.<group or v1> [<ns>/]<name> modified <patch>`. */
export function modifiedStatusString(resource: ModifiedResource): string {
  const slash = resource.apiVersion.indexOf('/');
  const group = slash < 0 ? resource.apiVersion : resource.apiVersion.slice(0, slash);
  const target = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
  return `${resource.kind.toLowerCase()}.${group} ${target} modified ${resource.patch}`;
}

/**
 * The Ready condition message: `Modified(<n>) [Cluster <ns/name>]` plus up to four modified
 * resources, sorted and joined with "; ", as `kubectl get bundles` shows in STATUS.
 */
export function fleetReadyMessage(cluster: string, modified: readonly ModifiedResource[]): string {
  const parts = [`Modified(1) [Cluster ${cluster}]`, ...modified.slice(0, 4).map(modifiedStatusString)];
  return parts.sort().join('; ');
}

interface StatusTimes {
  /** When the Ready condition last changed. */
  readyAt: string;
  /** When the bundle was last processed. */
  processedAt: string;
  observedGeneration: number;
  resourcesSha256Sum: string;
}

/** A bundle deployed to the one `fleet-local/local` cluster and Ready there: `1/1`. */
export function readyFleetStatus(times: StatusTimes): Record<string, unknown> {
  return {
    conditions: [
      { lastUpdateTime: times.readyAt, status: 'True', type: 'Ready' },
      { lastUpdateTime: times.processedAt, status: 'True', type: 'Processed' },
    ],
    display: { readyClusters: '1/1' },
    maxNew: 50,
    maxUnavailable: 1,
    maxUnavailablePartitions: 0,
    observedGeneration: times.observedGeneration,
    partitions: [{ count: 1, maxUnavailable: 1, name: 'All', summary: { desiredReady: 1, ready: 1 } }],
    resourcesSha256Sum: times.resourcesSha256Sum,
    summary: { desiredReady: 1, ready: 1 },
    unavailable: 0,
    unavailablePartitions: 0,
  };
}

/** The same bundle after Fleet found live objects that differ from the chart: `0/1`, Modified. */
export function modifiedFleetStatus(times: StatusTimes, cluster: string, modified: readonly ModifiedResource[]): Record<string, unknown> {
  const summary = {
    desiredReady: 1,
    modified: 1,
    nonReadyResources: [
      {
        bundleState: 'Modified',
        modifiedStatus: modified.map(({ apiVersion, kind, namespace, name, patch }) => ({
          apiVersion,
          kind,
          name,
          ...(namespace ? { namespace } : {}),
          patch,
        })),
        name: cluster,
      },
    ],
    ready: 0,
  };
  return {
    conditions: [
      { lastUpdateTime: times.readyAt, message: fleetReadyMessage(cluster, modified), status: 'False', type: 'Ready' },
      { lastUpdateTime: times.processedAt, status: 'True', type: 'Processed' },
    ],
    display: { readyClusters: '0/1', state: 'Modified' },
    maxNew: 50,
    maxUnavailable: 1,
    maxUnavailablePartitions: 0,
    observedGeneration: times.observedGeneration,
    partitions: [{ count: 1, maxUnavailable: 1, name: 'All', summary, unavailable: 1 }],
    resourcesSha256Sum: times.resourcesSha256Sum,
    summary,
    unavailable: 1,
    unavailablePartitions: 0,
  };
}
