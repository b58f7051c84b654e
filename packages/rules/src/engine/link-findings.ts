import type { Bundle, KubeObject } from '@bundle-triage/core';
import type { Finding, FindingLink } from '@bundle-triage/report';
import type { RuleLink, RuleMeta } from '../rule/rule-types.js';
import { related } from './object-relations.js';

/** A finding as the engine made it, with the bundle objects it is about. */
export interface LinkedFinding {
  finding: Finding;
  objects: KubeObject[];
  /** The records (not bundle objects: a node's filesystem) it is about, e.g. `n1 /usr/local`. */
  records?: string[];
}

const PROBLEM = new Set<Finding['status']>(['fail', 'warn']);

/**
 * Relations between findings, declared by rules, applied in one place:
 * - `refines`: specific beats generic. A fail/warn finding of a generic rule related to a fail/warn
 *   finding of the rule that refines it becomes `info` with `coveredBy` (nothing is hidden; it just
 *   cannot be a second headline). Judged on the statuses the rules gave, so a chain of refinements
 *   does not depend on evaluation order.
 * - `explains`: causes before symptoms. A fail/warn cause and a related non-pass finding of the rule
 *   it explains are linked both ways (`causedBy` / `explains`, rule id + fingerprint); the symptom
 *   keeps its status. A generic finding covered by a specific one hands its explanations to it: the
 *   specific finding describes the same failure better, so it explains what the generic one would have.
 */
export async function linkFindings(findings: readonly LinkedFinding[], rules: ReadonlyMap<string, RuleMeta>, bundle: Bundle): Promise<Finding[]> {
  const byRule = new Map<string, LinkedFinding[]>();
  for (const linked of findings) byRule.set(linked.finding.ruleId, [...(byRule.get(linked.finding.ruleId) ?? []), linked]);
  const out = new Map<LinkedFinding, Finding>(findings.map((linked) => [linked, { ...linked.finding }]));

  const pairs = async (declaring: LinkedFinding, link: RuleLink, accept: (other: LinkedFinding) => boolean) => {
    const related_: LinkedFinding[] = [];
    for (const other of byRule.get(link.rule) ?? []) {
      if (other === declaring || !accept(other)) continue;
      if (await related(toObjects(declaring), toObjects(other), link.via ?? 'same-object', bundle)) related_.push(other);
    }
    return related_;
  };

  // Every specific finding that covers each generic one; the most specific wins: a covering finding
  // that is not itself covered by another (S14 over S13 for the same ManagedChart).
  const coverers = new Map<LinkedFinding, LinkedFinding[]>();
  for (const specific of findings) {
    const links = rules.get(specific.finding.ruleId)?.refines ?? [];
    if (links.length === 0 || !PROBLEM.has(specific.finding.status)) continue;
    for (const link of links) {
      for (const generic of await pairs(specific, link, (other) => PROBLEM.has(other.finding.status))) {
        coverers.set(generic, [...(coverers.get(generic) ?? []), specific]);
      }
    }
  }
  const covering = new Map<LinkedFinding, LinkedFinding>();
  for (const [generic, candidates] of coverers) {
    const specific = candidates.find((candidate) => !coverers.has(candidate)) ?? candidates[0]!;
    covering.set(generic, specific);
    Object.assign(out.get(generic)!, { status: 'info', coveredBy: specific.finding.ruleId, message: `${generic.finding.message} (explained by ${specific.finding.ruleId})` });
  }

  const explain = (cause: LinkedFinding, symptom: LinkedFinding) => {
    if (symptom === cause) return;
    addLink(out.get(cause)!, 'explains', symptom.finding);
    addLink(out.get(symptom)!, 'causedBy', cause.finding);
  };
  for (const cause of findings) {
    // A covered generic finding is info now; what it would have explained, the specific finding that covers it explains.
    const anchor = covering.get(cause);
    const explainer = anchor ?? cause;
    const links = rules.get(cause.finding.ruleId)?.explains ?? [];
    if (links.length === 0 || !PROBLEM.has(out.get(explainer)!.status)) continue;
    for (const link of links) {
      for (const symptom of await pairs(cause, link, (other) => out.get(other)!.status !== 'pass' && other !== explainer)) explain(explainer, symptom);
    }
  }
  return findings.map((linked) => out.get(linked)!);
}

function addLink(finding: Finding, field: 'causedBy' | 'explains', other: Finding): void {
  const link: FindingLink = { ruleId: other.ruleId, fingerprint: other.fingerprint };
  const list = (finding[field] ??= []);
  if (!list.some((known) => known.ruleId === link.ruleId && known.fingerprint === link.fingerprint)) list.push(link);
  list.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
}

function toObjects(linked: LinkedFinding) {
  return { objects: linked.objects, evidence: linked.finding.evidence, records: linked.records ?? [] };
}

/**
 * The root cause: among fail/warn findings explained by no fail/warn finding, the one that explains
 * the most findings (directly or through the findings it explains); ties by status, severity, then
 * the report order. With no such finding (a cycle of explanations) the first fail or warn.
 */
export function rootCause(findings: readonly Finding[]): Finding | undefined {
  const problems = findings.filter((finding) => PROBLEM.has(finding.status));
  const key = (link: FindingLink) => `${link.ruleId}\n${link.fingerprint}`;
  const byKey = new Map(findings.map((finding) => [key(finding), finding]));
  const explained = (finding: Finding) => (finding.causedBy ?? []).some((link) => PROBLEM.has(byKey.get(key(link))?.status ?? 'pass'));
  const reach = (finding: Finding) => {
    const seen = new Set<string>();
    const queue = [...(finding.explains ?? [])];
    for (let link = queue.shift(); link; link = queue.shift()) {
      if (seen.has(key(link)) || key(link) === key(finding)) continue;
      seen.add(key(link));
      queue.push(...(byKey.get(key(link))?.explains ?? []));
    }
    return seen.size;
  };
  // `findings` are in report order (status, severity, rule id, fingerprint), so a stable sort on the
  // count alone keeps the ties in that order.
  const roots = problems.filter((finding) => !explained(finding)).map((finding) => ({ finding, count: reach(finding) }));
  roots.sort((a, b) => b.count - a.count);
  return roots[0]?.finding ?? problems[0];
}
