/**
 * What changes in a bundle with the support-bundle-kit version inside Harvester
 * (bundle-format.md §0, the "format changes" table). Two profiles cover the fixtures we need:
 * `current` = kit v0.0.46 (Harvester v1.4.x/v1.5.x), `old` = kit v0.0.5–v0.0.10 (Harvester v1.0),
 * the era of the real sample in `samples/harvester-v1.0`.
 */
export type KitName = 'current' | 'old';

export interface KitProfile {
  name: KitName;
  /** Kit < v0.0.29 writes an `items: []` file for every namespaced resource in every collected namespace. */
  emptyListStubs: boolean;
  /** Kit ≥ v0.0.26: `<container>.log.1` for restarted containers. */
  previousPodLogs: boolean;
  /** Kit ≥ v0.0.26: `yamls/cluster/harvesterhci.io/v1beta1/settings.yaml` through the harvester collector. */
  harvesterSettings: boolean;
  /** Kit ≥ v0.0.39: `journalctl -o short-precise` (microseconds) and no "-- Logs begin at" header. */
  preciseJournal: boolean;
  /** Kit ≥ v0.0.74 writes NetworkManager.log; before v0.0.72 it was wicked.log. */
  networkLogName: 'NetworkManager.log' | 'wicked.log';
  /** Node `scc/` supportconfig (v0.0.39+), `containerd.log` (v0.0.30+), `containerd-images.log` (v0.0.34+). */
  nodeFilesAbsent: readonly RegExp[];
}

export const KIT_PROFILES: Record<KitName, KitProfile> = {
  current: {
    name: 'current',
    emptyListStubs: false,
    previousPodLogs: true,
    harvesterSettings: true,
    preciseJournal: true,
    networkLogName: 'NetworkManager.log',
    nodeFilesAbsent: [],
  },
  old: {
    name: 'old',
    emptyListStubs: true,
    previousPodLogs: false,
    harvesterSettings: false,
    preciseJournal: false,
    networkLogName: 'wicked.log',
    nodeFilesAbsent: [/^scc\//, /^logs\/containerd\.log$/, /^logs\/containerd-images\.log$/],
  },
};
