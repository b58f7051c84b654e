import type { BundleFacts, KubeObject, LogFile } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
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
 * A rule written as a function, for what the declarative form cannot say. It gets the same inputs
 * (resolved, and skipped when missing, exactly as for declarative rules) and returns the same
 * findings; `whyCode` names the engine features it lacks.
 */
export interface CodeRule<I extends InputSpecs = InputSpecs> extends RuleMeta {
  kind: 'code';
  /** The features the declarative engine lacks that this rule needs (a test keeps them true). */
  whyCode: WhyCode | string;
  inputs?: I;
  /**
   * What the rule reads through `context.nodeFiles` besides its inputs: `node-files` (files of
   * the node bundles), `supportconfig` (the nodes' supportconfig files too). An analysis opens the
   * node bundles, and decodes the supportconfig archives, only when a selected rule reads them, so
   * `nodeFiles` throws for a rule that did not declare it.
   */
  reads?: readonly CodeRuleRead[];
  /**
   * Lists the rule looks objects up in by name (`context.lookup`) instead of taking them whole as
   * an input: when which objects matter is known only from other inputs (the pod a group of
   * events is about), only the items that name them are decoded.
   */
  lookups?: Readonly<Record<string, ResourceLookup>>;
  evaluate(context: RuleContext<I>): Promise<CodeFinding[]>;
}

/** A resource list to look objects up in by name (see `CodeRule.lookups`). */
export interface ResourceLookup {
  /** API group; `''` for the core group. */
  group: string;
  /** API resource (plural), e.g. `pods`. */
  resource: string;
}

export type CodeRuleRead = 'node-files' | 'supportconfig';

export type InputSpecs = Record<string, InputSpec>;

/**
 * What an input gives a code rule, from its spec: a named object (or `undefined` when it is not
 * required and absent), a list of objects, the records of a supportconfig input (plain data whose
 * parts carry `source: { path, line }` to cite with `logEvidence`), or the log files (read by
 * scanning them).
 */
export type InputValue<S> = S extends { resource: { name: string } }
  ? S extends { required: false }
    ? Readonly<KubeObject> | undefined
    : Readonly<KubeObject>
  : S extends { resource: object }
    ? readonly Readonly<KubeObject>[]
    : S extends { supportconfig: object }
      ? readonly Readonly<Record<string, unknown>>[]
      : readonly LogFile[];

/**
 * What a code rule sees: read-only accessors, never the bundle or the disk. Objects come from its
 * declared inputs; node-bundle files by node and path; evidence is cited through the context.
 */
export interface RuleContext<I extends InputSpecs = InputSpecs> {
  facts: BundleFacts;
  signal: AbortSignal;
  /** The resolved inputs, typed from their specs. */
  inputs: { readonly [K in keyof I]: InputValue<I[K]> };
  /**
   * The node-bundle files of one node (optionally under a folder, e.g. `configs/oem/`), or one file
   * of it. Needs `reads: ['node-files']` (`['supportconfig']` for `supportconfig/…` or every file).
   */
  nodeFiles(node: string, under?: string): NodeFile[];
  /** The nodes whose node bundle is in the bundle. */
  nodesWithBundle(): string[];
  /** Ends the rule as skipped: the kind of skip, and a reason a person understands. */
  skip(kind: SkipKind, reason: string): never;
  /** Evidence for a field of an object (path, line of the field, excerpt, object reference). */
  evidence(object: Readonly<KubeObject>, pointer?: string): Promise<Evidence>;
  /** Evidence for a line of a log or node file (its 1-based line and text). */
  logEvidence(file: { path: string }, line: number, raw: string): Evidence;
  /** Evidence for a part of a supportconfig record (a filesystem, the memory): its `source` file inside the archive, line and text. */
  factEvidence(fact: Readonly<Record<string, unknown>>): Promise<Evidence>;
  /** A linear-time pattern (RE2 syntax), cached per source. */
  pattern(source: string): SafePattern;
  /**
   * The object of a declared lookup list (`lookups`) with this name (and namespace), or undefined
   * when the bundle does not hold it; only the items that name it are decoded.
   */
  lookup(list: string, target: { namespace?: string; name: string }): Promise<Readonly<KubeObject> | undefined>;
}

/** A file of a node bundle, read only through these methods. */
export interface NodeFile {
  node: string;
  /** Path inside the node's folder, e.g. `configs/oem/harvester.config`. */
  file: string;
  /** The bundle path to cite. */
  path: string;
  /** Its lines, streamed (for logs); see LogFile. */
  log: LogFile;
  /** The whole text (small files: configs). */
  text(): Promise<string>;
  /** The text of one 1-based line. */
  lineText(line: number): Promise<string | undefined>;
}

export interface CodeFinding {
  status: FindingStatus;
  severity?: Severity;
  message: string;
  evidence: Evidence[];
  /** Objects that identify this finding (for fingerprints); defaults to the evidence objects. */
  subject?: Readonly<KubeObject>;
  /** Tells apart two findings of this rule about the same objects (e.g. `paused` and `not-provisioned`). */
  key?: string;
  /** Tags in place of the rule's, for a finding that is not what they say (no upgrade-gate where this release's validator does not check). */
  tags?: string[];
  remediation?: {
    summary: string;
    steps?: string[];
    commands?: string[];
    patch?: { target: Readonly<KubeObject>; operations: JsonPatchOperation[] };
  };
}

/**
 * Declares a code rule. The types of `context.inputs` follow from `inputs` (a named resource is one
 * object, a resource query a list, a log input its files), so a rule needs no casts.
 */
export function defineCodeRule<const I extends InputSpecs = Record<never, never>>(rule: Omit<CodeRule<I>, 'kind'>): CodeRule {
  return { ...rule, kind: 'code' } as unknown as CodeRule;
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
