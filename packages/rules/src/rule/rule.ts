import type { Bundle, BundleFacts, KubeObject, LogFile } from '@bundle-triage/core';
import type { Evidence } from '../report/report-types.js';
import type { DeclarativeRule, FindingStatus, InputSpec, JsonPatchOperation, RuleMeta, Severity, SkipKind } from './rule-types.js';
import type { WhyCode } from './engine-features.js';
import type { SafePattern } from './safe-pattern.js';

/** A rule the engine can run: declarative (data) or code. */
export type Rule = LoadedDeclarativeRule | CodeRule;

export interface LoadedDeclarativeRule extends DeclarativeRule {
  kind: 'declarative';
  /** The file it was loaded from, for messages. */
  source?: string;
}

/**
 * A rule written as a function, for what the declarative form cannot say. It gets the same
 * accessors and returns the same findings; say in `whyCode` why data was not enough.
 */
export interface CodeRule extends RuleMeta {
  kind: 'code';
  /** The features the declarative engine lacks that this rule needs (a test keeps them true). */
  whyCode: WhyCode | string;
  /** Inputs resolved (and skip reasons given) exactly as for declarative rules. */
  inputs?: Record<string, InputSpec>;
  evaluate(context: RuleContext): Promise<CodeFinding[]>;
}

export interface RuleContext {
  bundle: Bundle;
  facts: BundleFacts;
  signal: AbortSignal;
  /** Resolved inputs: one object (named inputs), a list, or log files. */
  inputs: Record<string, KubeObject | KubeObject[] | LogFile[] | undefined>;
  /** Ends the rule as skipped: the kind of skip, and a reason a person understands. */
  skip(kind: SkipKind, reason: string): never;
  /** Evidence for a field of an object (path, line of the field, excerpt, object reference). */
  evidence(object: KubeObject, pointer?: string): Promise<Evidence>;
  /** Evidence for a log line. */
  logEvidence(file: { path: string }, line: number, raw: string): Evidence;
  /** A linear-time pattern (RE2 syntax), cached per source. */
  pattern(source: string): SafePattern;
}

export interface CodeFinding {
  status: FindingStatus;
  severity?: Severity;
  message: string;
  evidence: Evidence[];
  /** Objects that identify this finding (for fingerprints); defaults to the evidence objects. */
  subject?: KubeObject;
  /** Tells apart two findings of this rule about the same objects (e.g. `paused` and `not-provisioned`). */
  key?: string;
  remediation?: {
    summary: string;
    steps?: string[];
    commands?: string[];
    patch?: { target: KubeObject; operations: JsonPatchOperation[] };
  };
}

/** Declares a code rule (typed helper; returns the rule unchanged). */
export function defineCodeRule(rule: Omit<CodeRule, 'kind'>): CodeRule {
  return { ...rule, kind: 'code' };
}

/** Why a rule was skipped: the kind (for views) and the reason (for people). */
export interface Skip {
  kind: SkipKind;
  reason: string;
}

/**
 * Thrown by `RuleContext.skip` (and by conditions that cannot be evaluated on this bundle); the
 * engine turns it into a skipped entry, the same way as a missing input or a version outside
 * `appliesTo`.
 */
export class RuleSkip extends Error {
  readonly kind: SkipKind;

  constructor(
    readonly reason: string,
    kind: SkipKind = 'missing-input',
  ) {
    super(reason);
    this.name = 'RuleSkip';
    this.kind = kind;
  }
}
