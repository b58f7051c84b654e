import type { Finding, ReportSummary, RuleError, SkippedRule } from '../report/report-types.js';
import type { RuleMeta } from '../rule/rule-types.js';
import { refKey } from './fingerprint.js';

const STATUS_ORDER = ['fail', 'warn', 'info', 'pass'] as const;
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'] as const;

/** The order findings are reported in: what to read first comes first. Deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)
  );
}

/**
 * Specific beats generic: a finding of a rule that `yieldsTo` a more specific rule becomes
 * `info`, marked `coveredBy`, when the specific rule failed or warned about one of the same
 * objects. It stays in the report (nothing is hidden) but cannot be a second headline.
 */
export function applyYields(findings: Finding[], rules: ReadonlyMap<string, RuleMeta>): Finding[] {
  return findings.map((finding) => {
    const yieldsTo = rules.get(finding.ruleId)?.yieldsTo;
    if (!yieldsTo?.length || (finding.status !== 'fail' && finding.status !== 'warn')) return finding;
    const objects = new Set(finding.evidence.flatMap((item) => (item.object ? [refKey(item.object)] : [])));
    const specific = findings.find(
      (other) =>
        yieldsTo.includes(other.ruleId) &&
        (other.status === 'fail' || other.status === 'warn') &&
        (objects.size === 0 || other.evidence.some((item) => item.object && objects.has(refKey(item.object)))),
    );
    if (!specific) return finding;
    return { ...finding, status: 'info', coveredBy: specific.ruleId, message: `${finding.message} (explained by ${specific.ruleId})` };
  });
}

export function summarize(findings: Finding[], skipped: SkippedRule[], errors: RuleError[]): ReportSummary {
  const count = (status: Finding['status']) => findings.filter((finding) => finding.status === status).length;
  const headline = findings.find((finding) => finding.status === 'fail') ?? findings.find((finding) => finding.status === 'warn');
  return {
    fail: count('fail'),
    warn: count('warn'),
    info: count('info'),
    pass: count('pass'),
    skipped: skipped.length,
    errors: errors.length,
    headline: headline?.ruleId ?? null,
    headlineMessage: headline?.message ?? null,
  };
}
