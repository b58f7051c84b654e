import type { ResourceQuery } from '@bundle-triage/core';

/**
 * The declarative rule format, as TypeScript types. `schema/rule.schema.json` is the published
 * contract for the same shape (a test checks that every catalog rule validates against it and
 * loads into these types).
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * Why a rule could not be evaluated, for views that must not read English (upgrade readiness):
 * - `version`: the rule's `appliesTo` excludes the bundle's (known) Harvester version;
 * - `missing-input`: what the rule reads is not in this bundle (a namespace not collected, an
 *   object or log absent, no node bundles, an unknown version or creation time);
 * - `unreadable`: it is in the bundle but could not be read whole (see diagnostics);
 * - `not-recorded`: a support bundle never records it (free disk space, partition sizes, secrets);
 * - `not-applicable`: the check is not about what a bundle shows (e.g. where a script is started).
 */
export type SkipKind = 'version' | 'missing-input' | 'unreadable' | 'not-recorded' | 'not-applicable';
export type FindingStatus = 'fail' | 'warn' | 'info' | 'pass';

export interface RuleReference {
  title: string;
  url: string;
}

export interface RuleMeta {
  /** kebab-case, stable: bots key tickets on it. */
  id: string;
  title: string;
  /** What the rule proves and, where it matters, what the bundle cannot show. */
  description?: string;
  severity: Severity;
  /** Which part of Harvester: fleet, upgrade, longhorn, kubevirt, rancher, network, node… */
  component: string;
  tags?: string[];
  appliesTo?: AppliesTo;
  references?: RuleReference[];
  /**
   * The generic rules this more specific rule refines: when this rule fails or warns, a failing
   * or warning finding of such a rule that is related to it (by `via`) becomes `info` with
   * `coveredBy` — it stays in the report but is not a second headline.
   */
  refines?: RuleLink[];
  /**
   * The findings this rule's findings explain (causes before symptoms): a related finding (by
   * `via`) of such a rule keeps its status and carries `causedBy`; this finding carries
   * `explains`. The report's headline is the root cause.
   */
  explains?: RuleLink[];
  /** Detectability in the catalog table (default `detectable`). */
  detectability?: 'detectable' | 'partial' | 'not-detectable';
  /** Why a signature is only partly or not detectable from a bundle. */
  detectabilityNote?: string;
  /** Upstream catalog ids this rule implements (e.g. `S01`). */
  signature?: string;
  /** Harvester release range the signature is documented for, shown in the catalog table. */
  versions?: string;
}

/** A relation from this rule's findings to the findings of another rule. */
export interface RuleLink {
  /** The other rule's id. */
  rule: string;
  /** How a finding of this rule and one of the other are related (default `same-object`). */
  via?: ObjectRelation;
}

/**
 * How two findings are related, through the objects they are about (a finding is about its
 * forEach object, the objects its evidence cites, and the node whose files it cites):
 * - `same-object`: they share an object (or the other finding is about no object at all);
 * - `node`: this finding is about a Node (or cites its node files) that the other's object runs on
 *   (a Pod's spec.nodeName, a VMI's status.nodeName, a Longhorn object's spec.nodeID…);
 * - `owner`: one object is in the other's owner chain (ownerReferences, followed through the bundle);
 * - `{ references: "/json/pointer" }`: a field of this finding's object names the other's object;
 * - `{ referencedBy: "/json/pointer" }`: a field of the other finding's object names this one's
 *   (e.g. a PVC's `/spec/storageClassName`, a VM's `/spec/template/spec/volumes/*\/persistentVolumeClaim/claimName`);
 * - `bundle`: any finding of the other rule (the relation is the whole bundle).
 */
export type ObjectRelation = 'same-object' | 'node' | 'owner' | 'bundle' | { references: string } | { referencedBy: string };

export interface AppliesTo {
  /** A semver range of Harvester versions, e.g. `>=1.4.0 <1.4.2`. */
  harvester?: string;
  /**
   * What to do when the bundle's Harvester version is unknown or a development build:
   * `evaluate` (default: the signature is checked on its evidence alone) or `skip`.
   */
  unknownVersion?: 'evaluate' | 'skip';
}

/** A rule written as data: inputs, a match, ordered outcomes and the fix. */
export interface DeclarativeRule extends RuleMeta {
  $schema?: string;
  inputs: Record<string, InputSpec>;
  match?: MatchSpec;
  outcomes: OutcomeSpec[];
  remediation?: RemediationSpec;
}

export type InputSpec = ResourceInputSpec | LogInputSpec | NodeFileInputSpec;

export interface ResourceInputSpec {
  /** Which objects: the same query as core's `bundle.resources()` (leave `version` out: bundles move versions). */
  resource: ResourceQuery;
  /**
   * `true` (default for a named object): the rule is skipped when the object is absent.
   * `false`: an absent object is simply "none" and the rule is evaluated.
   */
  required?: boolean;
}

export interface LogInputSpec {
  logs: {
    /** Pod logs: namespace, pod name prefix, container. */
    namespace?: string;
    podPrefix?: string;
    container?: string;
    previous?: boolean;
    /** Node files: path inside the node folder, e.g. `logs/kernel.log` (`*` any node). */
    nodeFile?: string;
  };
  required?: boolean;
}

export interface NodeFileInputSpec {
  nodeFile: { path: string };
  required?: boolean;
}

/**
 * What to look at. `forEach` names a resource input: the match and outcomes are evaluated once
 * per object, and each object that ends in fail/warn/info gives its own finding (or one finding
 * for all of them with `group: true`). Without `forEach` the rule is evaluated once.
 */
export interface MatchSpec {
  forEach?: string;
  /** Name that the current object has in conditions and templates (default `object`). */
  as?: string;
  /** Only objects for which this holds are considered at all. */
  where?: Condition;
  group?: boolean;
}

export interface OutcomeSpec {
  /** Absent: always matches (a catch-all; put it last). */
  when?: Condition;
  /**
   * `skip` ends the rule as skipped with the message as the reason: for checks the bundle cannot
   * answer (free disk space is not recorded…). In a forEach rule it is ignored per object.
   */
  status: FindingStatus | 'skip';
  /** With `status: skip`: why the bundle cannot answer (default `missing-input`). */
  skipKind?: SkipKind;
  /** Overrides the rule's severity for this outcome. */
  severity?: Severity;
  /** Template: `{{ object.metadata.name }}`, `{{ modified | map:name | join:", " }}`, `{{ facts.harvesterVersion.value }}`. */
  message: string;
  /** This outcome's own fix, replacing the rule's `remediation` when it matched. */
  remediation?: RemediationSpec;
}

export interface RemediationSpec {
  summary: string;
  steps?: string[];
  commands?: string[];
  patch?: PatchSpec;
}

/** A JSON-Patch on an object of the bundle; the report renders it as a diff and a kubectl command. */
export interface PatchSpec {
  /** The input holding the object to patch (a named resource input, or `object` in a forEach rule). */
  target: string;
  operations: JsonPatchOperation[];
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test';
  path: string;
  value?: unknown;
}

/** A test on the inputs. Each kind is a different key; exactly one per condition object. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { collect: Condition[] }
  | { optional: Condition }
  | { not: Condition }
  | { field: FieldCondition }
  | { some: ArrayCondition }
  | { every: ArrayCondition }
  | { none: ArrayCondition }
  | { count: CountCondition }
  | { log: LogCondition }
  | { version: VersionCondition };

/** A predicate over one field, addressed by a JSON pointer from an input or a bound name. */
export interface FieldCondition extends Comparison {
  /** `<name>/<json pointer>`, e.g. `bundle/status/display/readyClusters`, `modified/kind`. */
  path: string;
  /** Cite this field as evidence when the condition holds (default true). */
  evidence?: boolean;
}

export interface Comparison {
  equals?: unknown;
  notEquals?: unknown;
  in?: unknown[];
  notIn?: unknown[];
  /** A regular expression (linear-time safe; checked at load). */
  matches?: string;
  /** A literal the string contains. */
  contains?: string;
  exists?: boolean;
  /** Absent, null, `""`, `[]` or `{}`. */
  empty?: boolean;
  gt?: number | ValueRef;
  gte?: number | ValueRef;
  lt?: number | ValueRef;
  lte?: number | ValueRef;
  /** A semver range the field's version satisfies, e.g. `>=1.4.0 <1.4.2`. */
  semver?: string;
  /** Compare with another field instead of a literal. */
  equalsPath?: string;
}

export interface ValueRef {
  path: string;
}

/** Over an array field: `some` element, `every` element, or `none` satisfies `where`. */
export interface ArrayCondition {
  path: string;
  /** Name the element has inside `where` and in templates (all matching elements are collected). */
  as?: string;
  where?: Condition;
}

export interface CountCondition {
  path: string;
  as?: string;
  where?: Condition;
  min?: number;
  max?: number;
}

/** A regex with named groups over the lines of a log input. */
export interface LogCondition {
  input: string;
  /** Linear-time-safe regular expression; named groups become template values. */
  pattern: string;
  /** Literal(s) every match contains; lines without one are skipped without decoding. */
  prefilter?: string | string[];
  /** At least this many matching lines (default 1). */
  minCount?: number;
  /** Only lines within this long before the bundle's creation, e.g. `24h`, `7d`, `30m`. */
  within?: string;
  /** Name under which the matches are available to templates (default the input's name). */
  as?: string;
  /** Lines cited as evidence at most (default 3). */
  evidenceLimit?: number;
}

/** The bundle's Harvester version is in a semver range. */
export interface VersionCondition {
  harvester: string;
}
