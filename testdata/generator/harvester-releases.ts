/**
 * The component versions that ship with each Harvester release the fixtures model. The analyzer
 * reads the Harvester version from `server-version` and `harvester-release.yaml`; the other
 * versions are there so that the fixtures look like the real thing (values approximate the
 * release notes; nothing in the catalog keys on them).
 */
export interface HarvesterRelease {
  harvester: string;
  /** ManagedChart `spec.version` of the `harvester` chart. */
  chart: string;
  kubernetes: string;
  rancher: string;
  longhorn: string;
  kubevirt: string;
  monitoringChart: string;
  loggingChart: string;
  minUpgradableVersion: string;
  /** `VARIANT_ID` in os-release and the Version CR `releaseDate`. */
  releaseDate: string;
}

export const HARVESTER_RELEASES: Record<string, HarvesterRelease> = {
  // Older releases, for bundles of older kit generations (kit-profile.ts).
  'v1.0.0': {
    harvester: 'v1.0.0', chart: '1.0.0', kubernetes: 'v1.21.7+rke2r1', rancher: 'v2.6.3', longhorn: 'v1.2.3',
    kubevirt: '0.49.0-2', monitoringChart: '100.1.0+up19.0.3', loggingChart: '100.0.1+up3.15.0',
    minUpgradableVersion: '', releaseDate: '20211217',
  },
  'v1.0.3': {
    harvester: 'v1.0.3', chart: '1.0.3', kubernetes: 'v1.22.12+rke2r1', rancher: 'v2.6.4-harvester3', longhorn: 'v1.2.4',
    kubevirt: '0.49.0-2', monitoringChart: '100.1.0+up19.0.3', loggingChart: '100.0.1+up3.15.0',
    minUpgradableVersion: 'v1.0.2', releaseDate: '20220802',
  },
  'v1.1.0': {
    harvester: 'v1.1.0', chart: '1.1.0', kubernetes: 'v1.24.7+rke2r1', rancher: 'v2.6.9', longhorn: 'v1.3.2',
    kubevirt: '0.54.0-150400.3.3.2', monitoringChart: '100.1.0+up19.0.3', loggingChart: '100.1.3+up3.17.7',
    minUpgradableVersion: 'v1.0.3', releaseDate: '20221028',
  },
  'v1.2.1': {
    harvester: 'v1.2.1', chart: '1.2.1', kubernetes: 'v1.25.9+rke2r1', rancher: 'v2.7.5', longhorn: 'v1.4.3',
    kubevirt: '0.54.0-150400.3.19.1', monitoringChart: '102.0.0+up40.1.2', loggingChart: '102.0.0+up3.17.10',
    minUpgradableVersion: 'v1.1.2', releaseDate: '20231024',
  },
  'v1.2.2': {
    harvester: 'v1.2.2', chart: '1.2.2', kubernetes: 'v1.26.13+rke2r1', rancher: 'v2.7.11', longhorn: 'v1.5.4',
    kubevirt: '0.54.0-150400.3.27.1', monitoringChart: '102.0.0+up40.1.2', loggingChart: '102.0.0+up3.17.10',
    minUpgradableVersion: 'v1.2.1', releaseDate: '20240314',
  },
  'v1.3.2': {
    harvester: 'v1.3.2', chart: '1.3.2', kubernetes: 'v1.28.12+rke2r1', rancher: 'v2.8.5', longhorn: 'v1.6.2',
    kubevirt: '1.1.1-150500.8.15.1', monitoringChart: '103.0.3+up45.31.1', loggingChart: '103.0.0+up3.17.10',
    minUpgradableVersion: 'v1.2.2', releaseDate: '20240918',
  },
  'v1.4.0': {
    harvester: 'v1.4.0', chart: '1.4.0', kubernetes: 'v1.29.9+rke2r1', rancher: 'v2.9.2', longhorn: 'v1.7.1',
    kubevirt: '1.2.2-150600.5.6.1', monitoringChart: '103.1.1+up45.31.1', loggingChart: '103.1.0+up4.4.0',
    minUpgradableVersion: 'v1.3.2', releaseDate: '20241118',
  },
  'v1.4.1': {
    harvester: 'v1.4.1', chart: '1.4.1', kubernetes: 'v1.30.7+rke2r1', rancher: 'v2.10.1', longhorn: 'v1.7.2',
    kubevirt: '1.3.1-150600.5.9.1', monitoringChart: '103.1.1+up45.31.1', loggingChart: '103.1.0+up4.4.0',
    minUpgradableVersion: 'v1.3.2', releaseDate: '20250115',
  },
  'v1.4.2': {
    harvester: 'v1.4.2', chart: '1.4.2', kubernetes: 'v1.31.4+rke2r1', rancher: 'v2.10.1', longhorn: 'v1.7.3',
    kubevirt: '1.3.1-150600.5.9.1', monitoringChart: '103.1.1+up45.31.1', loggingChart: '103.1.0+up4.4.0',
    minUpgradableVersion: 'v1.3.2', releaseDate: '20250306',
  },
};

/**
 * Releases after v1.4.2, kept apart so that the v1.4.x fixtures keep the Version CRs they were
 * made with (newerReleases reads only the table above). `v1.8-dev` is a development build: its
 * version is a commit (bundle-format.md §7).
 */
export const LATER_RELEASES: Record<string, HarvesterRelease> = {
  'v1.6.1': {
    harvester: 'v1.6.1', chart: '1.6.1', kubernetes: 'v1.33.5+rke2r1', rancher: 'v2.12.2', longhorn: 'v1.9.2',
    kubevirt: '1.5.2-150700.3.8.1', monitoringChart: '105.1.2+up61.3.2', loggingChart: '105.2.0+up4.10.0',
    minUpgradableVersion: 'v1.5.1', releaseDate: '20251023',
  },
  'v1.7.0': {
    harvester: 'v1.7.0', chart: '1.7.0', kubernetes: 'v1.34.2+rke2r1', rancher: 'v2.13.1', longhorn: 'v1.10.1',
    kubevirt: '1.6.2-160000.1.2', monitoringChart: '107.1.0+up69.8.2', loggingChart: '107.0.1+up4.10.0',
    minUpgradableVersion: 'v1.6.0', releaseDate: '20260113',
  },
  'v1.8-dev': {
    harvester: '1a861fc-dirty', chart: '0.0.0-v1.8-1a861fc', kubernetes: 'v1.35.1+rke2r1', rancher: 'v2.14.0-alpha5', longhorn: 'v1.11.0',
    kubevirt: '1.7.0-160000.2.1', monitoringChart: '108.0.0+up77.9.1', loggingChart: '108.0.0+up4.10.0',
    minUpgradableVersion: 'v1.7.0', releaseDate: '20260202',
  },
};

export function harvesterRelease(version: string): HarvesterRelease {
  const release = HARVESTER_RELEASES[version] ?? LATER_RELEASES[version];
  if (!release) throw new Error(`no release data for Harvester ${version}; known: ${[...Object.keys(HARVESTER_RELEASES), ...Object.keys(LATER_RELEASES)].join(', ')}`);
  return release;
}

/** Releases newer than `version` in the first table (what the version syncer would have created). */
export function newerReleases(version: string): HarvesterRelease[] {
  const order = Object.keys(HARVESTER_RELEASES);
  if (!order.includes(version)) return [];
  return order.slice(order.indexOf(version) + 1).map((v) => HARVESTER_RELEASES[v]!);
}

/** `a >= b` for `vX.Y.Z` versions. */
export function versionAtLeast(a: string, b: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map(Number);
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i]! !== pb[i]!) return pa[i]! > pb[i]!;
  return true;
}
