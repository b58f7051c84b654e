/**
 * What a bundle path is, decided from its name alone (bundle-format.md §1.5–1.7).
 */
export type IndexEntry =
  | ResourceFileEntry
  | PodLogEntry
  | NodeFileEntry
  | NodeArchiveEntry
  | SpecialFileEntry
  | OtherEntry;

/** `yamls/cluster/[<group>/]<version>/<resource>.yaml` or `yamls/namespaced/<ns>/[<group>/]<version>/<resource>.yaml`. */
export interface ResourceFileEntry {
  type: 'resource';
  path: string;
  size: number;
  scope: 'cluster' | 'namespaced';
  /** Only for namespaced files. */
  namespace?: string;
  /** `''` for the core group. */
  group: string;
  version: string;
  /** API resource (plural) name, e.g. `validatingwebhookconfigurations`, `network-attachment-definitions`. */
  resource: string;
}

/** `logs/<ns>/<pod>/<container>.log` (current) or `<container>.log.1` (previous instance). */
export interface PodLogEntry {
  type: 'podLog';
  path: string;
  size: number;
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
}

/** A file of a node: inside `nodes/<node>.zip` or an extracted `nodes/<node>/`. */
export interface NodeFileEntry {
  type: 'nodeFile';
  path: string;
  size: number;
  node: string;
  /**
   * Path inside the node's folder, e.g. `logs/kernel.log`, `configs/etc/harvester-release.yaml`.
   * Files of the node's supportconfig are `supportconfig/<name>` (`supportconfig/messages.txt`),
   * whichever kit wrote the archive (`logs/` or `scc/`, with or without a suffix) and whether it
   * was read in place or unpacked.
   */
  file: string;
  /** The supportconfig archive itself (`scc/scc_supportconfig_<node>-<suffix>.txz`): a file, never a log. */
  supportconfigArchive?: true;
}

/** `nodes/<node>.zip` itself. */
export interface NodeArchiveEntry {
  type: 'nodeArchive';
  path: string;
  size: number;
  node: string;
}

export interface SpecialFileEntry {
  type: 'metadata' | 'generationErrors' | 'prometheusAlerts';
  path: string;
  size: number;
}

export interface OtherEntry {
  type: 'other';
  path: string;
  size: number;
  /**
   * Set on the second copy of a node bundle or supportconfig (an unpacked folder beside its zip
   * or `.txz`): the bundle path of the copy that is read instead. Never read, never counted twice.
   */
  copyOf?: string;
}
