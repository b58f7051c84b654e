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

export function harvesterRelease(version: string): HarvesterRelease {
  const release = HARVESTER_RELEASES[version];
  if (!release) throw new Error(`no release data for Harvester ${version}; known: ${Object.keys(HARVESTER_RELEASES).join(', ')}`);
  return release;
}

/** Releases newer than `version` in this table (what the version syncer would have created). */
export function newerReleases(version: string): HarvesterRelease[] {
  const order = Object.keys(HARVESTER_RELEASES);
  return order.slice(order.indexOf(version) + 1).map((v) => HARVESTER_RELEASES[v]!);
}

/** `a >= b` for `vX.Y.Z` versions. */
export function versionAtLeast(a: string, b: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map(Number);
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i]! !== pb[i]!) return pa[i]! > pb[i]!;
  return true;
}
