import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { developmentEra, harvesterVersionIn } from './development-era.js';

describe('developmentEra', () => {
  it('places a build on Kubernetes 1.21 in the v1.0 line, before v1.1.0-rc1, which already ran 1.23', () => {
    const era = developmentEra('v1.21.7+rke2r1');
    expect(era).toEqual({ range: '>=0.0.0-0 <1.1.0-rc1', releases: 'v1.0.0–v1.0.2' });
    // Neither the managed-chart check of v1.1.2's validator nor v1.1.0-rc2's degraded-volume check can be in it.
    expect(semver.intersects('>=1.1.2-rc2', era!.range, { includePrerelease: true })).toBe(false);
    expect(semver.intersects('>=1.1.0-rc2', era!.range, { includePrerelease: true })).toBe(false);
    expect(semver.intersects('<1.1.0', era!.range, { includePrerelease: true })).toBe(true);
  });

  it('starts a later era at the first release of its Kubernetes minor, pre-releases included', () => {
    expect(developmentEra('v1.30.7+rke2r1')).toEqual({ range: '>=1.4.1-0 <1.5.0', releases: 'v1.4.1' });
    expect(developmentEra('v1.24.11+rke2r1')).toEqual({ range: '>=1.1.0-0 <1.2.0', releases: 'v1.1.0–v1.1.3' });
    // v1.0.1's release candidates ran 1.22.7 before v1.0.3 shipped it.
    expect(developmentEra('v1.22.7+rke2r1')).toEqual({ range: '>=1.0.1-0 <1.1.0-rc1', releases: 'v1.0.3' });
    // A v1.5.0-rc1 build may already run the 1.32 of v1.5.0.
    expect(semver.satisfies('1.5.0-rc1', developmentEra('v1.32.3+rke2r1')!.range, { includePrerelease: true })).toBe(true);
  });

  it('knows nothing of a Kubernetes minor no release shipped, nor of a version it cannot read', () => {
    expect(developmentEra('v1.23.4+rke2r1')).toBeUndefined();
    expect(developmentEra('v1.40.0+rke2r1')).toBeUndefined();
    expect(developmentEra('unknown')).toBeUndefined();
    expect(developmentEra(undefined)).toBeUndefined();
  });
});

describe('harvesterVersionIn', () => {
  const facts = (harvester: string, semverValue: string | undefined, kubernetes: string) =>
    ({
      harvesterVersion: { value: harvester, ...(semverValue ? { semver: semverValue } : {}), development: semverValue === undefined, source: { path: 'x' } },
      kubernetesVersion: kubernetes,
    }) as never;

  it('compares a release version, release candidates included', () => {
    expect(harvesterVersionIn('<1.1.2-rc2', facts('v1.0.3', '1.0.3', 'v1.22.12+rke2r1'))).toBe(true);
    expect(harvesterVersionIn('<1.1.2-rc2', facts('v1.1.2-rc2', '1.1.2-rc2', 'v1.24.11+rke2r1'))).toBe(false);
  });

  it('holds for a development build only when the whole era of its Kubernetes is in the range', () => {
    expect(harvesterVersionIn('<1.1.2-rc2', facts('1a861fc-dirty', undefined, 'v1.21.7+rke2r1'))).toBe(true);
    expect(harvesterVersionIn('<1.1.0-rc2', facts('1a861fc-dirty', undefined, 'v1.21.7+rke2r1'))).toBe(true);
    // The v1.1 era (Kubernetes 1.24) reaches past v1.1.2-rc2: not wholly before it.
    expect(harvesterVersionIn('<1.1.2-rc2', facts('1a861fc-dirty', undefined, 'v1.24.7+rke2r1'))).toBe(false);
    expect(harvesterVersionIn('<1.1.2-rc2', facts('1a861fc-dirty', undefined, 'v1.23.4+rke2r1'))).toBe(false);
  });
});
