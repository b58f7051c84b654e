import type { Report } from './report-types.js';
import { toCanonicalJson } from './canonical-json.js';
import { renderReadinessJson, renderReadinessMarkdown, renderReadinessText } from './readiness.js';
import { redactReport } from './redact.js';
import { DEFAULT_WIDTH, type RenderContext, type RenderOptions, type ReportFormat } from './render-options.js';
import { renderHtml } from './render-html.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { renderSarif } from './render-sarif.js';
import { renderText } from './render-text.js';

const RENDERERS: Record<ReportFormat, (report: Report, context: RenderContext) => string> = {
  text: renderText,
  markdown: renderMarkdown,
  html: renderHtml,
  json: (report, context) => toCanonicalJson({ ...report, redaction: context.redaction } as Report),
  sarif: renderSarif,
  junit: renderJunit,
};

/**
 * Renders a report in one format. Redaction happens here, once, before any renderer sees the report,
 * so no format can forget it; each format then says how many secrets were masked.
 */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  const renderer = RENDERERS[format];
  if (!renderer) throw new Error(`unknown report format "${String(format)}"; use one of ${Object.keys(RENDERERS).join(', ')}`);
  const { prepared, context } = prepare(report, options);
  return ensureNewline(renderer(prepared, context));
}

/** The upgrade-readiness view of a report (see readiness.ts), redacted like every rendering. */
export function renderReadiness(report: Report, format: 'text' | 'markdown' | 'json', options: RenderOptions = {}): string {
  // The view shows findings and checks only: what it does not show is neither redacted nor counted.
  const { overview: _overview, patterns: _patterns, timeline: _timeline, ...rest } = report;
  const { prepared, context } = prepare({ ...rest, findings: report.findings.map(({ timelineWindow: _window, ...finding }) => finding) }, options);
  if (format === 'text') return ensureNewline(renderReadinessText(prepared, context));
  if (format === 'markdown') return ensureNewline(renderReadinessMarkdown(prepared, context));
  if (format === 'json') return ensureNewline(renderReadinessJson(prepared, context));
  throw new Error(`the readiness view has no "${String(format)}" format; use text, markdown or json`);
}

function prepare(report: Report, options: RenderOptions): { prepared: Report; context: RenderContext } {
  const redact = options.redact ?? true;
  const redacted = redact ? redactReport(report) : { report, masked: 0 };
  return {
    prepared: redacted.report,
    context: {
      redaction: { applied: redact, masked: redacted.masked + Math.max(0, Math.floor(options.maskedBefore ?? 0)) },
      color: options.color ?? false,
      width: Math.max(40, Math.floor(options.width ?? DEFAULT_WIDTH)),
      includePass: options.includePass ?? false,
      verbose: options.verbose ?? false,
    },
  };
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
