import type { Finding, ReportSummary, RuleError, SkippedRule } from '@bundle-triage/report';
import { rootCause } from './link-findings.js';

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

export function summarize(findings: Finding[], skipped: SkippedRule[], errors: RuleError[]): ReportSummary {
  const count = (status: Finding['status']) => findings.filter((finding) => finding.status === status).length;
  const headline = rootCause(findings);
  return {
    fail: count('fail'),
    warn: count('warn'),
    info: count('info'),
    pass: count('pass'),
    skipped: skipped.length,
    errors: errors.length,
    headline: headline?.ruleId ?? null,
    headlineMessage: headline?.message ?? null,
    headlineFingerprint: headline?.fingerprint ?? null,
  };
}
