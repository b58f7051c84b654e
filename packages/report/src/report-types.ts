/**
 * The report, schemaVersion 1: what triage bots depend on. The types are generated from the
 * published JSON Schema (`schema/report.schema.json` → report-types.generated.ts, checked fresh by a
 * test), so the contract is written once; this file gives them the names the code uses. Fields may
 * be added; none is renamed or removed without raising `schemaVersion`.
 */
import type {
  BundleTriageReportSchemaVersion1,
  Bundle,
  Diagnostic,
  Evidence,
  EventGroup,
  Finding,
  FindingLink,
  HealthSummary,
  LogOccurrence,
  LogTemplate,
  ObjectRef,
  Overview,
  Patch,
  Reference,
  Remediation,
  RuleError,
  SkippedRule,
  Summary,
  Patterns,
  Timeline,
  TimelineEntry,
  TimelineWindow,
} from './report-types.generated.js';

export type { Diagnostic, Evidence, EventGroup, Finding, FindingLink, ObjectRef, Remediation, RuleError, SkippedRule };
export type Report = BundleTriageReportSchemaVersion1;
/** What was analysed: source, format, versions, nodes, namespaces. */
export type BundleInfo = Bundle;
export type ReportSummary = Summary;
/** A remediation's JSON-Patch with its before/after diff and kubectl command. */
export type RemediationPatch = Patch;
export type FindingReference = Reference;
/** The cluster at a glance: versions, nodes, counts and states, the health findings. */
export type ReportOverview = Overview;
export type ReportHealth = HealthSummary;
/** Log templates, explained by findings or not. */
export type ReportPatterns = Patterns;
export type ReportLogTemplate = LogTemplate;
export type ReportLogOccurrence = LogOccurrence;
/** The bounded timeline of the report, and a finding's window into it. */
export type ReportTimeline = Timeline;
export type ReportTimelineEntry = TimelineEntry;
export type FindingTimelineWindow = TimelineWindow;
