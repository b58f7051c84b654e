import type { BundleFormat, Diagnostic, ObjectRef } from '@bundle-triage/core';
import type { FindingStatus, JsonPatchOperation, RuleReference, Severity, SkipKind } from '../rule/rule-types.js';

/**
 * The report, schemaVersion 1: what triage bots depend on. Fields may be added; none is renamed
 * or removed without raising `schemaVersion`. Its JSON Schema is published by
 * @bundle-triage/report (`schema/report.schema.json`) and every report in the tests is validated
 * against it.
 */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'bundle-triage'; version: string };
  bundle: BundleInfo;
  summary: ReportSummary;
  findings: Finding[];
  skipped: SkippedRule[];
  errors: RuleError[];
  diagnostics: Diagnostic[];
  /** Run facts that are not about the bundle; left out of comparisons. */
  run?: { startedAt: string; durationMs: number; rules: number };
}

export interface BundleInfo {
  /** What was analysed: a path as given, or `<buffer>`. */
  source: string;
  format: BundleFormat;
  /** The bundle's top folder (`supportbundle_<id>_<ts>`), or `''`. */
  root: string;
  createdAt: string | null;
  kubernetesVersion: string | null;
  harvesterVersion: string | null;
  /** Where the Harvester version was read (`setting server-version`, a node's harvester-release.yaml…). */
  harvesterVersionSource: string | null;
  nodes: string[];
  nodesWithoutBundle: string[];
  collectedNamespaces: string[];
  uncollectedNamespaces: string[];
  oldKit: boolean;
}

export interface ReportSummary {
  fail: number;
  warn: number;
  info: number;
  pass: number;
  skipped: number;
  errors: number;
  /**
   * The rule id of the root cause: the fail or warn finding that explains the most findings and
   * is explained by none (ties: fail before warn, then severity, then report order), or null.
   */
  headline: string | null;
  /** That finding's message, for a one-line summary. */
  headlineMessage: string | null;
  /** That finding's fingerprint (a rule may have several findings). */
  headlineFingerprint?: string | null;
}

export interface Finding {
  ruleId: string;
  status: FindingStatus;
  severity: Severity;
  title: string;
  message: string;
  component: string;
  tags: string[];
  evidence: Evidence[];
  remediation?: Remediation;
  references: RuleReference[];
  /** Stable across runs and bundles of the same cluster: rule id + the objects involved. */
  fingerprint: string;
  /** When a more specific rule explains the same failure, its id (this finding then is `info`). */
  coveredBy?: string;
  /** The findings that cause this one (it keeps its status). */
  causedBy?: FindingLink[];
  /** The findings this one causes. */
  explains?: FindingLink[];
}

/** Another finding of the same report, by rule id and fingerprint. */
export interface FindingLink {
  ruleId: string;
  fingerprint: string;
}

export interface Evidence {
  /** Relative to the bundle root, `/`-separated; nested: `nodes/n1.zip!/n1/logs/kernel.log`. */
  path: string;
  /** 1-based line in the file as it is in the bundle. */
  line: number;
  /** JSON pointer of the field inside the object (YAML evidence). */
  pointer?: string;
  /** The line's text (secrets are masked by the report renderers unless asked not to). */
  excerpt: string;
  object?: ObjectRef;
}

export interface Remediation {
  summary: string;
  steps: string[];
  commands: string[];
  patch?: RemediationPatch;
}

export interface RemediationPatch {
  target: ObjectRef & { path?: string; line?: number };
  operations: JsonPatchOperation[];
  /** Unified diff of the object's YAML before and after the operations. */
  diff: string;
  /** The same change as one `kubectl patch … --type=json` command. */
  command: string;
}

export interface SkippedRule {
  ruleId: string;
  title: string;
  /** Why the rule could not be evaluated, for views (readiness reads this, never the reason's text). */
  kind?: SkipKind;
  reason: string;
  /** The rule's tags, so that views (upgrade readiness) can tell which checks could not be made. */
  tags?: string[];
}

export interface RuleError {
  ruleId: string;
  message: string;
}
