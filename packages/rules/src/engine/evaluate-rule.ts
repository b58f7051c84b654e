import type { KubeObject } from '@bundle-triage/core';
import { evaluateCondition, type EvaluationContext, type EvidenceRef } from '../match/evaluate-condition.js';
import { citable, type Located, type Scope, type ScopeValue } from '../match/located.js';
import { renderTemplate } from '../match/render-template.js';
import type { FindingStatus, OutcomeSpec, RemediationSpec, Severity, SkipKind } from '../rule/rule-types.js';
import type { LoadedDeclarativeRule } from '../rule/rule.js';

/** One result of a declarative rule before evidence lines and remediation are filled in. */
export interface FindingDraft {
  /** `skip`: the outcome says the bundle cannot answer; the rule is reported as skipped. */
  status: FindingStatus | 'skip';
  severity: Severity;
  message: string;
  evidence: EvidenceRef[];
  /** The names templates and the patch target see (inputs, the current object, bindings). */
  scope: Scope;
  /** The object a forEach rule was evaluated for. */
  subject?: KubeObject;
  /** The records (not bundle objects) it is about: a forEach record, or the records its evidence cites. */
  records?: string[];
  /** The matched outcome's own remediation, when it has one. */
  remediation?: RemediationSpec;
  /** With status `skip`: why the bundle cannot answer. */
  skipKind?: SkipKind;
  /** The matched outcome's own tags, in place of the rule's. */
  tags?: string[];
}

/**
 * Evaluates a declarative rule: once, or once per object with `forEach`. For each evaluation
 * the outcomes are tried in order and the first whose `when` holds decides (an outcome with no
 * `when` always holds). When none holds, the result is `pass`.
 */
export async function evaluateDeclarativeRule(
  rule: LoadedDeclarativeRule,
  scope: Scope,
  context: EvaluationContext,
  /**
   * Inputs only the outcomes read, read once when the first object passes `match` (see
   * deferred-inputs.ts); their entries are added to the scope before any outcome is tried.
   */
  deferred?: () => Promise<ReadonlyMap<string, ScopeValue>>,
): Promise<FindingDraft[]> {
  const withDeferred = async (target: Map<string, ScopeValue>): Promise<void> => {
    if (!deferred) return;
    for (const [name, value] of await deferred()) target.set(name, value);
  };
  const forEach = rule.match?.forEach;
  if (!forEach) {
    if (rule.match?.where) {
      const gate = await evaluateCondition(rule.match.where, scope, context);
      if (!gate.holds) return [passDraft(rule, scope, 'the rule\'s conditions do not hold in this bundle')];
    }
    const full = new Map<string, ScopeValue>(scope);
    await withDeferred(full);
    return [await decide(rule, full, context)];
  }

  const entry = scope.get(forEach);
  const subjects = entry?.kind === 'many' ? entry.located : entry?.kind === 'one' ? [entry.located] : [];
  const name = rule.match?.as ?? 'object';
  const drafts: FindingDraft[] = [];
  const skips: FindingDraft[] = [];
  let considered = 0;
  for (const subject of subjects) {
    const inner = new Map<string, ScopeValue>(scope);
    inner.set(name, { kind: 'one', located: subject });
    if (rule.match?.where && !(await evaluateCondition(rule.match.where, inner, context)).holds) continue;
    await withDeferred(inner);
    considered += 1;
    const draft = await decide(rule, inner, context);
    if (subject.root) draft.subject = subject.root;
    if (subject.fact) {
      draft.records = [subject.fact.record];
      // A record is cited at its own line when the conditions cited none of its parts.
      if (draft.status !== 'pass' && draft.status !== 'skip' && draft.evidence.length === 0 && citable(subject)) draft.evidence = [{ type: 'field', located: subject }];
    }
    if (draft.status === 'skip') skips.push(draft);
    else if (draft.status !== 'pass') drafts.push(draft);
  }
  if (drafts.length === 0) {
    // Objects that could not be checked are not a pass: with nothing else to report, the rule skips.
    if (skips.length > 0) {
      return [{ ...skips[0]!, message: `${skips.length} of ${considered} ${forEach} object(s) could not be checked: ${skips[0]!.message}` }];
    }
    const what = considered === 0 ? `no ${forEach} object to check` : `all ${considered} ${forEach} object(s) checked`;
    return [passDraft(rule, scope, `${what}; none matched`)];
  }
  if (!rule.match?.group) return drafts;
  const full = new Map<string, ScopeValue>(scope);
  await withDeferred(full);
  return [groupDrafts(drafts, full, name)];
}

async function decide(rule: LoadedDeclarativeRule, scope: Scope, context: EvaluationContext): Promise<FindingDraft> {
  for (const outcome of rule.outcomes) {
    if (!outcome.when) return draftFor(rule, outcome, scope, []);
    const result = await evaluateCondition(outcome.when, scope, context);
    if (!result.holds) continue;
    const withBindings = new Map<string, ScopeValue>(scope);
    for (const [key, values] of result.bindings) withBindings.set(key, bindingValue(key, values));
    return draftFor(rule, outcome, withBindings, result.evidence);
  }
  return passDraft(rule, scope, 'no outcome matched: the failure this rule describes is not in this bundle');
}

/** `xCount` bindings are single numbers; every other binding is the list of matched elements. */
function bindingValue(key: string, values: Located[]): ScopeValue {
  if (key.endsWith('Count') && values.length === 1 && typeof values[0]!.value === 'number') return { kind: 'value', value: values[0]!.value };
  return { kind: 'many', located: values };
}

function draftFor(rule: LoadedDeclarativeRule, outcome: OutcomeSpec, scope: Scope, evidence: EvidenceRef[]): FindingDraft {
  const draft: FindingDraft = {
    status: outcome.status,
    severity: outcome.severity ?? rule.severity,
    message: renderTemplate(outcome.message, scope).trim(),
    evidence,
    scope,
  };
  if (outcome.remediation) draft.remediation = outcome.remediation;
  if (outcome.tags) draft.tags = [...outcome.tags];
  if (outcome.status === 'skip') draft.skipKind = outcome.skipKind ?? 'missing-input';
  return draft;
}

function passDraft(rule: LoadedDeclarativeRule, scope: Scope, message: string): FindingDraft {
  return { status: 'pass', severity: rule.severity, message, evidence: [], scope };
}

/** One finding for every offending object: the worst status, all messages and evidence. */
function groupDrafts(drafts: FindingDraft[], scope: Scope, name: string): FindingDraft {
  const order: FindingDraft['status'][] = ['fail', 'warn', 'info', 'pass', 'skip'];
  const worst = [...drafts].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0]!;
  const grouped = new Map<string, ScopeValue>(scope);
  grouped.set(name, {
    kind: 'many',
    located: drafts.filter((draft) => draft.subject).map((draft) => ({ value: draft.subject, root: draft.subject!, pointer: '' })),
  });
  const messages = [...new Set(drafts.map((draft) => draft.message))];
  const records = drafts.flatMap((draft) => draft.records ?? []);
  return {
    status: worst.status,
    severity: worst.severity,
    message: messages.length === 1 ? messages[0]! : `${messages.length} objects: ${messages.join('; ')}`,
    evidence: drafts.flatMap((draft) => draft.evidence.length > 0 ? draft.evidence : draft.subject ? [{ type: 'field', located: { value: draft.subject, root: draft.subject, pointer: '' } }] : []),
    scope: grouped,
    ...(records.length > 0 ? { records } : {}),
    ...(worst.tags ? { tags: worst.tags } : {}),
  };
}
