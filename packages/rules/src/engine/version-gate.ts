import type { BundleFacts } from '@bundle-triage/core';
import semver from 'semver';
import type { Skip } from '../rule/rule.js';
import type { AppliesTo } from '../rule/rule-types.js';
import { developmentEra } from '../match/development-era.js';

/**
 * Whether a rule applies to the bundle's Harvester version. Returns the skip, or undefined when
 * the rule should be evaluated. A development build (`1a861fc-dirty`) or an unknown version is
 * first placed by the Kubernetes it runs (`developmentEra`): a range that era cannot reach is
 * another version, skipped as such (a v1.0-era build has no v1.1.2 validator check). Otherwise it is
 * evaluated unless the rule says `unknownVersion: skip`; then the version is a missing input, not
 * another version (the check may well apply).
 */
export function versionSkip(appliesTo: AppliesTo | undefined, facts: BundleFacts): Skip | undefined {
  const range = appliesTo?.harvester;
  if (!range) return undefined;
  const version = facts.harvesterVersion;
  if (!version?.semver) {
    const era = developmentEra(facts.kubernetesVersion);
    if (era && !semver.intersects(range, era.range, { includePrerelease: true })) {
      const build = version ? `a development build (${version.value})` : 'of an unnamed Harvester version';
      return {
        kind: 'version',
        reason: `applies to Harvester ${range}; this bundle is ${build} on Kubernetes ${facts.kubernetesVersion} (the Kubernetes of Harvester ${era.releases}), so it is not of that range`,
      };
    }
    if ((appliesTo.unknownVersion ?? 'evaluate') === 'evaluate') return undefined;
    return {
      kind: 'missing-input',
      reason: version
        ? `applies to Harvester ${range}; this bundle is a development build (${version.value}), so the version cannot be compared`
        : `applies to Harvester ${range}; the bundle does not say which Harvester version it is`,
    };
  }
  if (semver.satisfies(version.semver, range, { includePrerelease: true })) return undefined;
  return { kind: 'version', reason: `applies to Harvester ${range}; this bundle is ${version.value}` };
}
