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
  overview?: Overview;
  summary: Summary;
  findings: Finding[];
  skipped: SkippedRule[];
  errors: RuleError[];
  diagnostics: Diagnostic[];
  patterns?: Patterns;
  timeline?: Timeline;
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
 * The cluster at a glance, computed from what the bundle holds (added in schemaVersion 1): versions, nodes, VMs and volumes by state, pods not ready per namespace, Fleet bundles not ready, and the health findings. Every fact says where it was read; a list the bundle does not hold has no `sources` (never read that as zero).
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "overview".
 */
export interface Overview {
  versions: ComponentVersion[];
  nodes: NodeOverview[];
  virtualMachines: StateCounts;
  volumes: StateCounts;
  pods: PodReadiness;
  fleetBundles: FleetBundleReadiness;
  health: HealthSummary;
}
/**
 * A version the bundle records: harvester, kubernetes, rancher (setting server-version), longhorn (setting current-longhorn-version, else the longhorn-manager image), kubevirt (the KubeVirt resource's observed version).
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "componentVersion".
 */
export interface ComponentVersion {
  component: string;
  version: string;
  source: FactSource;
}
/**
 * Where a version was read, and which field.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "factSource".
 */
export interface FactSource {
  path: string;
  line?: number;
  description: string;
}
/**
 * One node: roles (node-role labels), the Ready condition, cordoned (spec.unschedulable), kernel and kubelet (status.nodeInfo), OS (the node bundle's os-release, else status.nodeInfo.osImage), and whether the bundle holds its node bundle.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "nodeOverview".
 */
export interface NodeOverview {
  name: string;
  roles: Strings;
  /**
   * The Ready condition's status (True, False, Unknown); absent when the node records none.
   */
  ready?: string;
  readyReason?: string;
  readySince?: string;
  cordoned: boolean;
  kernel?: NodeDetail;
  os?: NodeDetail;
  kubelet?: NodeDetail;
  nodeBundle: boolean;
  source?: OverviewSource;
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "nodeDetail".
 */
export interface NodeDetail {
  value: string;
  source: OverviewSource;
}
/**
 * Where a fact was read: a bundle path and, when known, its 1-based line.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "overviewSource".
 */
export interface OverviewSource {
  path: string;
  line?: number;
}
/**
 * Objects counted by state, most common first; `sources` are the files counted (empty: the bundle holds no such list).
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "stateCounts".
 */
export interface StateCounts {
  total: Count;
  states: {
    state: string;
    count: Count;
  }[];
  sources: Strings;
}
/**
 * Pods not ready (neither Succeeded nor Running with Ready True), per namespace, most first; each namespace names its first pods with the reason.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "podReadiness".
 */
export interface PodReadiness {
  total: Count;
  notReady: Count;
  namespaces: {
    namespace: string;
    total: Count;
    notReady: Count;
    pods: {
      name: string;
      reason: string;
      source: OverviewSource;
    }[];
  }[];
  sources: Strings;
}
/**
 * Fleet bundles with fewer ready clusters than desired, or a Ready condition that is False.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "fleetBundleReadiness".
 */
export interface FleetBundleReadiness {
  total: Count;
  notReady: {
    namespace: string;
    name: string;
    state?: string;
    readyClusters?: string;
    message?: string;
    source: OverviewSource;
  }[];
  sources: Strings;
}
/**
 * The fail and warn findings, pointed at by rule id and fingerprint: the headline first, then the other root causes, then the findings another explains; `more` counts those not listed.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "healthSummary".
 */
export interface HealthSummary {
  fail: Count;
  warn: Count;
  findings: {
    ruleId: RuleId;
    fingerprint: string;
    status: 'fail' | 'warn';
    severity: 'critical' | 'high' | 'medium' | 'low';
    title: string;
    causedBy?: FindingLink[];
  }[];
  more: Count;
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
  timelineWindow?: TimelineWindow;
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
 * What happened to a finding's objects and their neighbours (what owns them or what they own, their nodes, their namespaces) before its last sign: indexes into the report's `timeline.entries`, oldest first, each with how close it is.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "timelineWindow".
 */
export interface TimelineWindow {
  from?: string;
  until?: string;
  entries: {
    entry: number;
    closeness: 'object' | 'owner' | 'node' | 'namespace';
  }[];
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
/**
 * Log templates (added in schemaVersion 1): the warning and error lines of every log grouped into templates, their variable parts masked. A template whose lines a finding cites, or that names a finding's object, pod or node, is `explainedBy` that finding; the others are what no rule explains yet. Bounded: the explained templates (capped) and the best-ranked unexplained ones; `stats` counts them all.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "patterns".
 */
export interface Patterns {
  templates: LogTemplate[];
  stats: {
    files: Count;
    bytes: Count;
    minedLines: Count;
    unclusteredLines: Count;
    templates: Count;
    explained: Count;
    listed: Count;
  };
  unreadable: {
    path: string;
    reason: string;
  }[];
}
/**
 * The lines one piece of code wrote, variable parts masked (`<*>`, `<name>`, `<ip>`, `<num>`…). `id` hashes the template text: the same template in two bundles has the same id.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "logTemplate".
 */
export interface LogTemplate {
  id: string;
  template: string;
  level: 'warning' | 'error' | 'fatal';
  count: Count;
  /**
   * Position among all the bundle's templates: loops first, then count × recency × level.
   */
  rank: number;
  first: LogOccurrence;
  last: LogOccurrence;
  sample: {
    path: string;
    line: number;
    text: string;
  };
  /**
   * The template repeats at a steady interval in one log (a controller requeuing).
   */
  loop?: {
    intervalMs: number;
    occurrences: Count;
    path: string;
    from?: string;
    to?: string;
  };
  bursts: Count;
  /**
   * The logs it occurs in, most occurrences first (the first few; otherSources counts the rest).
   */
  sources: {
    path: string;
    count: Count;
    namespace?: string;
    pod?: string;
    container?: string;
    node?: string;
  }[];
  otherSources: Count;
  mentions: Strings;
  explainedBy: FindingLink[];
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "logOccurrence".
 */
export interface LogOccurrence {
  path: string;
  line: number;
  /**
   * RFC 3339 UTC with the digits the log wrote.
   */
  time?: string;
  /**
   * The line carries no year (journal, klog): it was taken from the bundle's creation.
   */
  inferred?: 'year';
}
/**
 * One time-ordered stream of what the bundle records (added in schemaVersion 1): events, condition transitions, creations and deletions, Job runs, container terminations, upgrade states, node boots, log templates. Bounded: every entry of a finding's window, plus the latest entries before the bundle was made (from `recentSince`); `omitted` counts the entries found and not listed, `truncated` the sources capped while reading.
 *
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "timeline".
 */
export interface Timeline {
  entries: TimelineEntry[];
  /**
   * Entries at or after this time are listed (the latest, capped), not only those of finding windows.
   */
  recentSince?: string;
  omitted: Count;
  truncated: {
    source: string;
    kept: Count;
    total: Count;
  }[];
  skipped: {
    source: string;
    reason: string;
  }[];
}
/**
 * This interface was referenced by `BundleTriageReportSchemaVersion1`'s JSON-Schema
 * via the `definition` "timelineEntry".
 */
export interface TimelineEntry {
  /**
   * RFC 3339 UTC with the fractional digits the source wrote.
   */
  time: string;
  precision: 's' | 'ms' | 'us' | 'ns';
  /**
   * year: the source wrote no year (journal, klog); collected: a state with no time of its own, dated when the bundle was made.
   */
  inferred?: 'year' | 'collected';
  kind:
    | 'event'
    | 'event-last'
    | 'condition'
    | 'created'
    | 'deleting'
    | 'job-started'
    | 'job-finished'
    | 'container-terminated'
    | 'upgrade-state'
    | 'node-boot'
    | 'log-first'
    | 'log-last'
    | 'log-burst';
  level: 'info' | 'warning' | 'error';
  text: string;
  source: {
    path: string;
    line?: number;
  };
  object?: ObjectRef;
  related: {
    namespace?: string;
    owner?: ObjectRef;
    node?: string;
  };
  count?: Count;
  until?: string;
  templateId?: string;
}
