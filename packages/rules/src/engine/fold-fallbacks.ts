import type { KubeObject } from '@bundle-triage/core';
import type { RuleMeta } from '../rule/rule-types.js';
import type { LinkedFinding } from './link-findings.js';
import { objectKey } from './object-relations.js';

/**
 * Leaves out the findings of `fallback` rules (they report what no other rule does, e.g. Warning
 * events nobody explains) that are about an object a non-pass finding of another rule is also
 * about: that finding already carries the same proof. A fallback rule whose findings all went
 * gets the pass `passFor` gives, so every rule still ends in exactly one place.
 */
export function foldFallbacks(findings: readonly LinkedFinding[], rules: ReadonlyMap<string, RuleMeta>, passFor: (ruleId: string) => LinkedFinding): LinkedFinding[] {
  const isFallback = (linked: LinkedFinding) => rules.get(linked.finding.ruleId)?.fallback === true;
  const covered = new Set<string>();
  for (const linked of findings) {
    if (isFallback(linked) || linked.finding.status === 'pass') continue;
    for (const object of linked.objects) covered.add(objectKey(object));
  }
  const kept: LinkedFinding[] = [];
  const folded = new Set<string>();
  const left = new Set<string>();
  for (const linked of findings) {
    const isCovered = (object: KubeObject) => covered.has(objectKey(object));
    if (isFallback(linked) && linked.finding.status !== 'pass' && linked.objects.some(isCovered)) {
      folded.add(linked.finding.ruleId);
      continue;
    }
    if (isFallback(linked)) left.add(linked.finding.ruleId);
    kept.push(linked);
  }
  for (const ruleId of folded) if (!left.has(ruleId)) kept.push(passFor(ruleId));
  return kept;
}
