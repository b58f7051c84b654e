/**
 * The declarative rule format as TypeScript types. They are generated from the published contract,
 * `schema/rule.schema.json` (rule-types.generated.ts, checked fresh by a test), so the schema's
 * descriptions are also the types' documentation; this file only gives them the names the code uses.
 */
import type { BundleTriageDeclarativeRule, FieldCondition, Input, OutcomeSpec, Remediation } from './rule-types.generated.js';

export type {
  AppliesTo,
  ArrayCondition,
  Condition,
  CountCondition,
  FieldCondition,
  JsonPatchOperation,
  LogCondition,
  LogInputSpec,
  MatchSpec,
  NodeFileInputSpec,
  ObjectRelation,
  OutcomeSpec,
  PatchSpec,
  PodLogCondition,
  ResourceInputSpec,
  SupportconfigInputSpec,
  RuleLink,
  RuleReference,
  ValueRef,
  VersionCondition,
} from './rule-types.generated.js';

/** A rule written as data: inputs, a match, ordered outcomes and the fix. */
export type DeclarativeRule = BundleTriageDeclarativeRule;
export type InputSpec = Input;
export type RemediationSpec = Remediation;
export type Severity = DeclarativeRule['severity'];
export type FindingStatus = Exclude<OutcomeSpec['status'], 'skip'>;
/**
 * Why a rule could not be evaluated, for views that must not read English (upgrade readiness):
 * `version` (appliesTo excludes the bundle's known version), `missing-input` (not in this bundle),
 * `unreadable` (in the bundle, not readable whole), `not-recorded` (never in a support bundle),
 * `not-applicable` (not about what a bundle shows).
 */
export type SkipKind = NonNullable<OutcomeSpec['skipKind']>;
/** The comparisons of a field condition. */
export type Comparison = Omit<FieldCondition, 'path' | 'evidence'>;
/** What every rule says about itself, declarative or code. */
export type RuleMeta = Omit<DeclarativeRule, '$schema' | 'inputs' | 'match' | 'outcomes' | 'remediation'>;
