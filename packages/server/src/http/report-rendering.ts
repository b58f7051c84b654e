import { renderReport, type ReportFormat } from '@bundle-triage/report';
import type { Report } from '@bundle-triage/rules';

/** Content type and file extension of each rendering. */
export const REPORT_MEDIA: Record<ReportFormat, { type: string; extension: string }> = {
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  text: { type: 'text/plain; charset=utf-8', extension: 'txt' },
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  sarif: { type: 'application/sarif+json; charset=utf-8', extension: 'sarif' },
  junit: { type: 'application/xml; charset=utf-8', extension: 'xml' },
};

/**
 * A stored report in one format. Stored reports are redacted already; rendering redacts again
 * (redaction is always on here), which finds nothing new but keeps the guarantee in one place,
 * so the count the analysis recorded when it redacted (`maskedSecrets`) is what each format says.
 * JUnit lists passed rules as test cases: the service analyses with pass findings kept.
 */
export function renderStoredReport(report: Report, format: ReportFormat, maskedSecrets: number | null): string {
  return renderReport(report, format, { redact: true, maskedBefore: maskedSecrets ?? 0, ...(format === 'junit' ? { includePass: true } : {}) });
}
