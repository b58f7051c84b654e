import type { BundleFacts } from '@bundle-triage/core';
import semver from 'semver';
import type { Skip } from '../rule/rule.js';
import type { AppliesTo } from '../rule/rule-types.js';

/**
 * Whether a rule applies to the bundle's Harvester version. Returns the skip, or undefined when
 * the rule should be evaluated. A development build (`1a861fc-dirty`) or an unknown version is
 * evaluated unless the rule says `unknownVersion: skip`; then the version is a missing input, not
 * another version (the check may well apply).
 */
export function versionSkip(appliesTo: AppliesTo | undefined, facts: BundleFacts): Skip | undefined {
  const range = appliesTo?.harvester;
  if (!range) return undefined;
  const version = facts.harvesterVersion;
  if (!version?.semver) {
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
