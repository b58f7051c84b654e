/**
 * What changes in a bundle with the support-bundle-kit version inside Harvester. Each profile is
 * the layout of one kit generation, named by the first kit tag that has it, as read in the kit's
 * own history (rancher/support-bundle-kit `hack/collector-harvester`, `hack/common`,
 * `pkg/manager/**`; `git tag --contains <commit>`; bundle-format.md §0 has the table):
 *
 * | profile  | Harvester            | what it adds (commit)                                                        |
 * |----------|----------------------|------------------------------------------------------------------------------|
 * | v0.0.5   | v1.0.0               | node zips hold only `<node>/`: the OS ID `harvester` had no collector yet     |
 * | v0.0.6   | v1.0.x (the sample)  | collector-harvester (3935e734, d1c9e6da): configs/etc, configs/oem, 8 logs   |
 * | v0.0.8   | —                    | `logs/kubelet.log` (b6efc8e0)                                                 |
 * | v0.0.10  | v1.0.3 (= `old`)     | same layout as v0.0.8                                                         |
 * | v0.0.11  | v1.1.0               | `kernel.log.1`, `kernel.log.2`, previous boots (0c5114cc)                     |
 * | v0.0.26  | v1.2.0/1 (v0.0.28)   | `<c>.log.1` (f9af281e); settings.yaml + `logs/scc_supportconfig_<node>.txz`, full supportconfig (3699616a) |
 * | v0.0.29  | —                    | empty lists no longer written (70a903f7)                                      |
 * | v0.0.30  | —                    | `logs/containerd.log` (545cd93b)                                              |
 * | v0.0.34  | —                    | `logs/containerd-images.log` (3e2cbff9)                                       |
 * | v0.0.36  | v1.2.2, v1.3.x       | supportconfig limited to selected modules (f73f72d4)                          |
 * | v0.0.39  | —                    | supportconfig in `scc/` (1224f696); journal `-o short-precise` (366d8236)     |
 * | v0.0.40  | v1.4–v1.6 (v0.0.46 = `current`, v0.0.57) | `prometheus-alerts.json` when monitoring runs (70b06021)   |
 * | v0.0.65  | —                    | scc file name `<node>-<6 random>` (15cf56d9)                                  |
 * | v0.0.72  | —                    | `wicked.log` dropped, no network log (dd0498b8)                               |
 * | v0.0.74  | v1.7.x               | `NetworkManager.log` (bfd7fc04)                                               |
 * | v0.0.82  | v1.8.x               | `SUPPORT_BUNDLE_FILE_NAME`: `supportbundle_<custom>_<ts>.zip` (0628cb23)      |
 *
 * `current` (kit v0.0.46, Harvester v1.4.x/v1.5.x) and `old` (kit v0.0.10, Harvester v1.0.3) are
 * the two profiles the committed fixtures and older tests use.
 */
export type KitVersion =
  | 'v0.0.5'
  | 'v0.0.6'
  | 'v0.0.10'
  | 'v0.0.11'
  | 'v0.0.28'
  | 'v0.0.29'
  | 'v0.0.36'
  | 'v0.0.46'
  | 'v0.0.65'
  | 'v0.0.72'
  | 'v0.0.74'
  | 'v0.0.84';

export type KitName = 'current' | 'old' | KitVersion;

export interface KitProfile {
  name: KitName;
  /** The kit tag this profile writes as. */
  kit: KitVersion;
  /** The Harvester release(s) that shipped it, for test names; `—` when none did. */
  harvester: string;
  /** Kit < v0.0.6: no collector matched Harvester's OS ID, so each node zip holds only `<node>/`. */
  nodeCollector: boolean;
  /** Kit < v0.0.29 writes an `items: []` file for every namespaced resource in every collected namespace. */
  emptyListStubs: boolean;
  /** Kit ≥ v0.0.26: `<container>.log.1` for restarted containers. */
  previousPodLogs: boolean;
  /** Kit ≥ v0.0.26: `yamls/cluster/harvesterhci.io/v1beta1/settings.yaml` through the harvester collector. */
  harvesterSettings: boolean;
  /** Kit ≥ v0.0.39: `journalctl -o short-precise` (microseconds). */
  preciseJournal: boolean;
  /** `wicked.log` before v0.0.72, none in v0.0.72–v0.0.73, `NetworkManager.log` from v0.0.74. */
  networkLogName: 'NetworkManager.log' | 'wicked.log' | undefined;
  /** Where the supportconfig goes (none before v0.0.26), whether its name has the random suffix, which modules ran. */
  supportconfig: { folder: 'logs' | 'scc'; suffix: boolean; modules: 'all' | 'selected' } | undefined;
  /** Kit ≥ v0.0.40 writes `prometheus-alerts.json` (when rancher-monitoring runs). */
  prometheusAlerts: boolean;
  /** Kit ≥ v0.0.82 names the bundle after Harvester's `support-bundle-file-name` setting when set. */
  customFileName: boolean;
  /** Node files (paths inside the node folder) this kit does not write. */
  nodeFilesAbsent: readonly RegExp[];
}

const KUBELET = /^logs\/kubelet\.log$/;
const PREVIOUS_BOOTS = /^logs\/kernel\.log\.\d+$/;
const CONTAINERD = /^logs\/containerd\.log$/;
const CONTAINERD_IMAGES = /^logs\/containerd-images\.log$/;

const V0_0_6: KitProfile = {
  name: 'v0.0.6',
  kit: 'v0.0.6',
  harvester: 'v1.0.x (the real v1.0 sample)',
  nodeCollector: true,
  emptyListStubs: true,
  previousPodLogs: false,
  harvesterSettings: false,
  preciseJournal: false,
  networkLogName: 'wicked.log',
  supportconfig: undefined,
  prometheusAlerts: false,
  customFileName: false,
  nodeFilesAbsent: [KUBELET, PREVIOUS_BOOTS, CONTAINERD, CONTAINERD_IMAGES],
};
const V0_0_10: KitProfile = { ...V0_0_6, name: 'v0.0.10', kit: 'v0.0.10', harvester: 'v1.0.3', nodeFilesAbsent: [PREVIOUS_BOOTS, CONTAINERD, CONTAINERD_IMAGES] };
const V0_0_11: KitProfile = { ...V0_0_10, name: 'v0.0.11', kit: 'v0.0.11', harvester: 'v1.1.0', nodeFilesAbsent: [CONTAINERD, CONTAINERD_IMAGES] };
const V0_0_28: KitProfile = {
  ...V0_0_11,
  name: 'v0.0.28',
  kit: 'v0.0.28',
  harvester: 'v1.2.0, v1.2.1',
  previousPodLogs: true,
  harvesterSettings: true,
  supportconfig: { folder: 'logs', suffix: false, modules: 'all' },
};
const V0_0_29: KitProfile = { ...V0_0_28, name: 'v0.0.29', kit: 'v0.0.29', harvester: '—', emptyListStubs: false };
const V0_0_36: KitProfile = {
  ...V0_0_29,
  name: 'v0.0.36',
  kit: 'v0.0.36',
  harvester: 'v1.2.2, v1.3.x',
  supportconfig: { folder: 'logs', suffix: false, modules: 'selected' },
  nodeFilesAbsent: [],
};
const V0_0_46: KitProfile = {
  ...V0_0_36,
  name: 'v0.0.46',
  kit: 'v0.0.46',
  harvester: 'v1.4.x, v1.5.x',
  preciseJournal: true,
  supportconfig: { folder: 'scc', suffix: false, modules: 'selected' },
  prometheusAlerts: true,
};
const V0_0_65: KitProfile = { ...V0_0_46, name: 'v0.0.65', kit: 'v0.0.65', harvester: '—', supportconfig: { folder: 'scc', suffix: true, modules: 'selected' } };
const V0_0_72: KitProfile = { ...V0_0_65, name: 'v0.0.72', kit: 'v0.0.72', harvester: '—', networkLogName: undefined };
const V0_0_74: KitProfile = { ...V0_0_72, name: 'v0.0.74', kit: 'v0.0.74', harvester: 'v1.7.x', networkLogName: 'NetworkManager.log' };
const V0_0_84: KitProfile = { ...V0_0_74, name: 'v0.0.84', kit: 'v0.0.84', harvester: 'v1.8.x development builds', customFileName: true };
const V0_0_5: KitProfile = { ...V0_0_6, name: 'v0.0.5', kit: 'v0.0.5', harvester: 'v1.0.0', nodeCollector: false };

export const KIT_PROFILES: Record<KitName, KitProfile> = {
  current: { ...V0_0_46, name: 'current' },
  old: { ...V0_0_10, name: 'old' },
  'v0.0.5': V0_0_5,
  'v0.0.6': V0_0_6,
  'v0.0.10': V0_0_10,
  'v0.0.11': V0_0_11,
  'v0.0.28': V0_0_28,
  'v0.0.29': V0_0_29,
  'v0.0.36': V0_0_36,
  'v0.0.46': V0_0_46,
  'v0.0.65': V0_0_65,
  'v0.0.72': V0_0_72,
  'v0.0.74': V0_0_74,
  'v0.0.84': V0_0_84,
};

/** Every kit generation, oldest first (the aliases `old` and `current` left out). */
export const KIT_GENERATIONS: readonly KitProfile[] = Object.values(KIT_PROFILES).filter((profile) => profile.name === profile.kit);
