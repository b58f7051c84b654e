// The public API of @bundle-triage/report. Everything not exported here is internal.
export { toCanonicalJson } from './canonical-json.js';
export { compareReports, type BundleSide, type DiffEntry, type ReportDiff, type StayedEntry } from './diff/compare-reports.js';
export { renderDiff, type DiffFormat } from './diff/render-diff.js';
export { upgradeReadiness, UPGRADE_GATE_TAG, PRECHECK_TAG, UPGRADE_TAG, type SkippedCheck, type UpgradeReadiness } from './readiness.js';
export {
  componentLabel,
  entrySource,
  entryTime,
  isOwn,
  levelWord,
  nodeRows,
  overviewFacts,
  templateCounts,
  templateSpan,
  templatesOf,
  timeMarkNotes,
  unexplainedTemplates,
  windowOf,
  type NodeRow,
  type WindowItem,
} from './describe-sections.js';
export { MASK, redactReport, redactText } from './redact.js';
export { redactObject } from './redact-object.js';
export { DEFAULT_WIDTH, type RedactionInfo, type RenderOptions, type ReportFormat } from './render-options.js';
export { renderReadiness, renderReport } from './render-report.js';
export { reportSchema } from './report-schema.js';
export type {
  BundleInfo,
  Diagnostic,
  Evidence,
  EventGroup,
  Finding,
  FindingLink,
  FindingReference,
  FindingTimelineWindow,
  ObjectRef,
  Remediation,
  RemediationPatch,
  Report,
  ReportHealth,
  ReportLogOccurrence,
  ReportLogTemplate,
  ReportOverview,
  ReportPatterns,
  ReportSummary,
  ReportTimeline,
  ReportTimelineEntry,
  RuleError,
  SkippedRule,
} from './report-types.js';
export { validateReport } from './validate-report.js';
export { displayWidth, wrapText } from './wrap-text.js';
