import type { AnalysisRecord, FindingRecord, WebhookEvent } from '../store/records.js';

/** The body POSTed to a ticket system when an analysis ends: enough to comment on a ticket. */
export interface WebhookPayload {
  event: WebhookEvent;
  analysis: {
    id: string;
    status: AnalysisRecord['status'];
    fileName: string;
    bundleSha256: string;
    tickets: string[];
    labels: string[];
    cluster: { id: string | null; source: string | null } | null;
    harvesterVersion: string | null;
    bundleCreatedAt: string | null;
    finishedAt: string | null;
    headline: string | null;
    headlineMessage: string | null;
    summary: AnalysisRecord['summary'];
    /** Rule ids of the fail and warn findings. */
    fail: string[];
    warn: string[];
    /** Fingerprints of the fail and warn findings: the same finding in other bundles has the same one. */
    fingerprints: string[];
    error: AnalysisRecord['error'];
  };
  links: { analysis: string; page: string; report: { json: string; markdown: string; html: string } };
}

export function webhookPayload(event: WebhookEvent, analysis: AnalysisRecord, findings: readonly FindingRecord[], publicUrl: string): WebhookPayload {
  const base = publicUrl.replace(/\/+$/, '');
  const api = `${base}/api/analyses/${analysis.id}`;
  const significant = findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn');
  return {
    event,
    analysis: {
      id: analysis.id,
      status: analysis.status,
      fileName: analysis.fileName,
      bundleSha256: analysis.bundleSha256,
      tickets: analysis.tickets,
      labels: analysis.labels,
      cluster: analysis.cluster ? { id: analysis.cluster.id, source: analysis.cluster.source } : null,
      harvesterVersion: analysis.harvesterVersion,
      bundleCreatedAt: analysis.bundleCreatedAt,
      finishedAt: analysis.finishedAt,
      headline: analysis.summary?.headline ?? null,
      headlineMessage: analysis.summary?.headlineMessage ?? null,
      summary: analysis.summary,
      fail: unique(findings.filter((finding) => finding.status === 'fail').map((finding) => finding.ruleId)),
      warn: unique(findings.filter((finding) => finding.status === 'warn').map((finding) => finding.ruleId)),
      fingerprints: unique(significant.map((finding) => finding.fingerprint)),
      error: analysis.error,
    },
    links: {
      analysis: api,
      page: `${base}/analyses/${analysis.id}`,
      report: { json: `${api}/report?format=json`, markdown: `${api}/report?format=markdown`, html: `${api}/report?format=html` },
    },
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
