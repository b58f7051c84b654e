/** What a bundle says about the cluster it came from, each with where it was read. */
export interface BundleFacts {
  /** RFC3339 UTC time the bundle was generated. */
  createdAt?: string;
  createdAtSource?: FactSource;
  kubernetesVersion?: string;
  kubernetesVersionSource?: FactSource;
  harvesterVersion?: HarvesterVersionFact;
  /** Node names, from `yamls/cluster/v1/nodes.yaml` and from `nodes/` (zips or folders). */
  nodes: string[];
  /** Nodes listed in nodes.yaml that have no node bundle (timed out, NotReady, or trimmed). */
  nodesWithoutBundle: string[];
  /** Namespaces whose objects are in the bundle (`yamls/namespaced/<ns>/` or `logs/<ns>/`). */
  collectedNamespaces: string[];
  /** Namespaces that exist (namespaces.yaml) but whose objects were not collected. */
  uncollectedNamespaces: string[];
  /** The kit wrote `items: []` files for empty lists (kit < v0.0.29, Harvester ≤ v1.2.1). */
  oldKit: boolean;
  /** How many YAML files are such empty-list stubs. */
  emptyListFiles: number;
  /** From metadata.yaml. */
  bundleName?: string;
  issueUrl?: string;
  issueDescription?: string;
  projectNamespaceUid?: string;
}

export interface FactSource {
  /** Bundle path the fact was read from. */
  path: string;
  /** 1-based line, when known. */
  line?: number;
  /** A short description: "metadata.yaml bundlecreatedat", "setting server-version". */
  description: string;
}

export interface HarvesterVersionFact {
  /** As the cluster states it, e.g. `v1.4.1` or `1a861fc-dirty`. */
  value: string;
  /** Normalised `x.y.z` for a release version; undefined for development builds. */
  semver?: string;
  /** A development build (e.g. `1a861fc-dirty`, `master-head`): version-gated rules cannot tell. */
  development: boolean;
  source: FactSource;
}

/** `v1.4.1`, `1.4.1`, `v1.4.1-rc2` → `1.4.1` / `1.4.1-rc2`; anything else (commit builds) → undefined. */
export function releaseSemver(value: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(value.trim());
  if (!match) return undefined;
  if (match[4] && /dirty|dev|head/i.test(match[4])) return undefined;
  return `${match[1]}.${match[2]}.${match[3]}${match[4] ?? ''}`;
}
