// Generated from packages/report/schema/report.schema.json by scripts/generate-types.mjs (pnpm types); do not edit.

/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "nullableString".
 */
export type NullableString = string | null;
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "strings".
 */
export type Strings = string[];
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "count".
 */
export type Count = number;
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "ruleId".
 */
export type RuleId = string;
/**
 * The rule's tags, so that views (upgrade readiness) can tell which checks could not be made.
 */
export type Strings1 = string[];

/**
 * What bundle-triage found in a Harvester support bundle. Fields may be added within schemaVersion 1; none is renamed or removed without raising schemaVersion. The order of `properties` is the key order of canonical JSON output.
 */
export interface BundleTriageReportSchemaVersion1 {
  schemaVersion: 1;
  tool: {
    name: 'bundle-triage';
    version: string;
  };
  bundle: Bundle;
  summary: Summary;
  findings: Finding[];
  skipped: SkippedRule[];
  errors: RuleError[];
  diagnostics: Diagnostic[];
  /**
   * Present when the report was rendered by @bundle-triage/report: whether secrets in excerpts, messages, diffs and commands were masked, and how many.
   */
  redaction?: {
    applied: boolean;
    masked: number;
  };
  /**
   * Run facts that are not about the bundle (timings); the only part that differs between two runs on the same bundle.
   */
  run?: {
    startedAt: string;
    durationMs: number;
    rules: number;
  };
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "bundle".
 */
export interface Bundle {
  /**
   * What was analysed: a path as given, or `<buffer>`.
   */
  source: string;
  format: 'directory' | 'zip' | 'tar.gz';
  /**
   * The bundle's top folder (`supportbundle_<id>_<ts>`), or ``.
   */
  root: string;
  createdAt: NullableString;
  kubernetesVersion: NullableString;
  harvesterVersion: NullableString;
  harvesterVersionSource: NullableString;
  nodes: Strings;
  nodesWithoutBundle: Strings;
  collectedNamespaces: Strings;
  uncollectedNamespaces: Strings;
  oldKit: boolean;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "summary".
 */
export interface Summary {
  fail: Count;
  warn: Count;
  info: Count;
  pass: Count;
  skipped: Count;
  errors: Count;
  /**
   * The rule id of the root cause: the fail or warn finding that explains the most findings and is explained by none (ties: fail before warn, then severity, then report order), or null.
   */
  headline: string | null;
  headlineMessage: NullableString;
  /**
   * The fingerprint of the headline finding (a rule may have several findings), or null.
   */
  headlineFingerprint?: string | null;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "finding".
 */
export interface Finding {
  ruleId: RuleId;
  status: 'fail' | 'warn' | 'info' | 'pass';
  severity: 'critical' | 'high' | 'medium' | 'low';
  title: string;
  message: string;
  component: string;
  tags: Strings;
  evidence: Evidence[];
  remediation?: Remediation;
  references: Reference[];
  /**
   * Stable across runs and bundles of the same cluster: rule id + the objects involved.
   */
  fingerprint: string;
  /**
   * The more specific rule that explains the same failure (this finding is then info).
   */
  coveredBy?: string;
  /**
   * The findings that cause this one; this finding keeps its status.
   */
  causedBy?: FindingLink[];
  /**
   * The findings this one causes.
   */
  explains?: FindingLink[];
  /**
   * The Warning events about the objects this finding is about, grouped by reason and object, newest first (at most 10); absent when there are none.
   */
  events?: EventGroup[];
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "evidence".
 */
export interface Evidence {
  /**
   * Relative to the bundle root, `/`-separated; nested: `nodes/n1.zip!/n1/logs/kernel.log`.
   */
  path: string;
  line: number;
  /**
   * JSON pointer of the field inside the object (YAML evidence).
   */
  pointer?: string;
  excerpt: string;
  object?: ObjectRef;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "objectRef".
 */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "remediation".
 */
export interface Remediation {
  summary: string;
  steps: Strings;
  commands: Strings;
  patch?: Patch;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "patch".
 */
export interface Patch {
  target: {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name: string;
    path?: string;
    line?: number;
  };
  operations: {
    op: 'add' | 'remove' | 'replace' | 'test';
    path: string;
    value?: unknown;
  }[];
  /**
   * Unified diff of the object's YAML before and after the operations.
   */
  diff: string;
  /**
   * The same change as one `kubectl patch … --type=json` command.
   */
  command: string;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "reference".
 */
export interface Reference {
  title: string;
  url: string;
}
/**
 * Another finding of the same report.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "findingLink".
 */
export interface FindingLink {
  ruleId: RuleId;
  fingerprint: string;
}
/**
 * Warning events about one object with one reason, as the cluster recorded them: how many, first and last time, the latest message, and where the latest event is in the bundle.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "eventGroup".
 */
export interface EventGroup {
  /**
   * The events' type (Warning).
   */
  type: string;
  reason: string;
  object: ObjectRef1;
  /**
   * Occurrences, summed over the events of the group.
   */
  count: number;
  firstTimestamp: NullableString;
  lastTimestamp: NullableString;
  /**
   * The latest event's message.
   */
  message: string;
  /**
   * The component that reported the latest event (kubelet, default-scheduler…).
   */
  source?: string;
  /**
   * The bundle file that holds the latest event.
   */
  path: string;
  /**
   * The line of its reason in that file.
   */
  line: number;
}
/**
 * The object the events are about (involvedObject / regarding).
 */
export interface ObjectRef1 {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "skippedRule".
 */
export interface SkippedRule {
  ruleId: RuleId;
  title: string;
  /**
   * Why the rule could not be evaluated: version (appliesTo excludes the bundle's known Harvester version), missing-input (not in this bundle), unreadable (in the bundle but not readable whole), not-recorded (never in a support bundle), not-applicable (not about what a bundle shows).
   */
  kind?: 'version' | 'missing-input' | 'unreadable' | 'not-recorded' | 'not-applicable';
  reason: string;
  tags?: Strings1;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "ruleError".
 */
export interface RuleError {
  ruleId: RuleId;
  message: string;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "diagnostic".
 */
export interface Diagnostic {
  path: string;
  line?: number;
  level: 'error' | 'warning' | 'info';
  message: string;
}
