import type { ClusterOverview } from '@bundle-triage/core';
import type { Finding, ReportHealth, ReportOverview, ReportSummary } from '@bundle-triage/report';

/** Health findings listed in the overview; the rest are counted. */
const HEALTH_LISTED = 10;

/**
 * The report's overview: the cluster as the bundle shows it, and its fail and warn findings
 * pointed at — the headline first, then the other root causes, then what they explain.
 */
export function overviewSection(cluster: ClusterOverview, findings: readonly Finding[], summary: ReportSummary): ReportOverview {
  return { ...cluster, health: healthSummary(findings, summary) };
}

function healthSummary(findings: readonly Finding[], summary: ReportSummary): ReportHealth {
  const problems = findings.filter((finding): finding is Finding & { status: 'fail' | 'warn' } => finding.status === 'fail' || finding.status === 'warn');
  const isHeadline = (finding: Finding) => finding.ruleId === summary.headline && (!summary.headlineFingerprint || finding.fingerprint === summary.headlineFingerprint);
  const explained = (finding: Finding) => (finding.causedBy ?? []).some((link) => problems.some((other) => other.ruleId === link.ruleId && other.fingerprint === link.fingerprint));
  const order = (finding: Finding) => (isHeadline(finding) ? 0 : explained(finding) ? 2 : 1);
  // Report order (status, severity, rule) within each group: a stable sort keeps it.
  const ordered = [...problems].sort((a, b) => order(a) - order(b));
  return {
    fail: problems.filter((finding) => finding.status === 'fail').length,
    warn: problems.filter((finding) => finding.status === 'warn').length,
    findings: ordered.slice(0, HEALTH_LISTED).map((finding) => ({
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      status: finding.status,
      severity: finding.severity,
      title: finding.title,
      ...(finding.causedBy?.length ? { causedBy: finding.causedBy.map((link) => ({ ...link })) } : {}),
    })),
    more: Math.max(0, ordered.length - HEALTH_LISTED),
  };
}
