/**
 * Which Harvester releases a development build can be near, from the Kubernetes it runs.
 *
 * A development build names a commit (`1a861fc-dirty`), not a release, so a rule's version range
 * cannot be compared with it. But Harvester ships its own RKE2 and upgrades it with itself, so the
 * Kubernetes minor a cluster runs pins the era: a build on Kubernetes 1.21 is of the v1.0 line, or
 * at most an early v1.1.0 development build, and has none of the code that came after.
 */
import type { BundleFacts } from '@bundle-triage/core';
import semver from 'semver';

/**
 * Each release and the Kubernetes minor of the RKE2 it ships (harvester-installer
 * `scripts/version-rke2` at the release's tag; e.g. v1.0.0 v1.21.7+rke2r1, v1.1.2 v1.24.11+rke2r1,
 * v1.4.1 v1.30.7+rke2r1, v1.8.1 v1.35.6+rke2r1).
 */
const RELEASE_KUBERNETES_MINOR: readonly (readonly [release: string, kubernetesMinor: number])[] = [
  ['1.0.0', 21], ['1.0.1', 21], ['1.0.2', 21], ['1.0.3', 22],
  ['1.1.0', 24], ['1.1.1', 24], ['1.1.2', 24], ['1.1.3', 24],
  ['1.2.0', 25], ['1.2.1', 25], ['1.2.2', 26],
  ['1.3.0', 27], ['1.3.1', 27], ['1.3.2', 28],
  ['1.4.0', 29], ['1.4.1', 30], ['1.4.2', 31], ['1.4.3', 31],
  ['1.5.0', 32], ['1.5.1', 32], ['1.5.2', 32],
  ['1.6.0', 33], ['1.6.1', 33],
  ['1.7.0', 34], ['1.7.1', 34], ['1.7.2', 34], ['1.7.3', 34],
  ['1.8.0', 35], ['1.8.1', 35],
];

const OLDEST_KNOWN_MINOR = Math.min(...RELEASE_KUBERNETES_MINOR.map(([, minor]) => minor));

/**
 * Minors that release candidates shipped before the first release did: v1.0.1-rc1 to -rc6 (and
 * master in March–April 2022) ran 1.22.7, which only v1.0.3 shipped as a release.
 */
const EARLIER_CANDIDATES: Readonly<Record<number, string>> = { 22: '1.0.1-0' };

/**
 * Where the next minor's release candidates already ran a newer Kubernetes, the era ends before
 * them: v1.1.0-rc1 shipped 1.23.10 and rc2 1.24.6, so a build on 1.21 or 1.22 predates v1.1.0-rc1.
 */
const NEXT_MINOR_CANDIDATES_MOVED_ON: Readonly<Record<number, string>> = { 21: '1.1.0-rc1', 22: '1.1.0-rc1' };

export interface DevelopmentEra {
  /** The Harvester versions the build can be, as a semver range (pre-releases included). */
  range: string;
  /** The releases that shipped the same Kubernetes minor, for the reader: `v1.0.0–v1.0.2`. */
  releases: string;
}

/**
 * The era of a build on `kubernetesVersion` (`v1.21.7+rke2r1`): from the first release (or release
 * candidate) that shipped its minor up to the next Harvester minor's `.0`, whose release candidates
 * and development builds are in (they may still run the older Kubernetes before the RKE2 bump) and
 * whose release is not (it shipped a newer minor) — or up to the first of those candidates, where
 * they are known to have moved on. Undefined for a minor no release shipped (a
 * newer one, or one only a release candidate had): nothing is known then.
 *
 * One case it misplaces: in the middle of an upgrade to a development build, the new Harvester
 * runs on the old RKE2 until each node is upgraded, so it is taken for a build of the older era.
 */
export function developmentEra(kubernetesVersion: string | undefined): DevelopmentEra | undefined {
  const minor = /^v?1\.(\d+)\./.exec(kubernetesVersion ?? '')?.[1];
  if (minor === undefined) return undefined;
  const releases = RELEASE_KUBERNETES_MINOR.filter(([, shipped]) => shipped === Number(minor)).map(([release]) => release);
  if (releases.length === 0) return undefined;
  const first = releases[0]!;
  const last = releases[releases.length - 1]!;
  // Releases before the table (v0.x) shipped no newer Kubernetes than its oldest minor.
  const lowest = Number(minor) === OLDEST_KNOWN_MINOR ? '0.0.0-0' : (EARLIER_CANDIDATES[Number(minor)] ?? `${first}-0`);
  const nextMinor = NEXT_MINOR_CANDIDATES_MOVED_ON[Number(minor)] ?? `${semver.major(last)}.${semver.minor(last) + 1}.0`;
  return {
    range: `>=${lowest} <${nextMinor}`,
    releases: first === last ? `v${first}` : `v${first}–v${last}`,
  };
}

/**
 * Whether the bundle's Harvester version is in `range` (the `version` condition; code rules ask
 * it too). A development build is when the whole era of the Kubernetes it runs is inside the range
 * (a build on Kubernetes 1.21 is `<1.1.2`); an era partly inside, or an unknown version, is not.
 */
export function harvesterVersionIn(range: string, facts: BundleFacts): boolean {
  const version = facts.harvesterVersion?.semver;
  if (version !== undefined) return semver.satisfies(version, range, { includePrerelease: true });
  const era = developmentEra(facts.kubernetesVersion);
  return era !== undefined && semver.subset(era.range, range, { includePrerelease: true });
}
