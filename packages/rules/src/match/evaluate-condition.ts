import type { BundleFacts, LogFile } from '@bundle-triage/core';
import { logSearchFor, MAX_KEPT_MATCHES, type LogSearch, type LogSearchResult } from '../logs/log-search.js';
import type { ArrayCondition, Condition, CountCondition, FieldCondition, LogCondition, PodLogCondition } from '../rule/rule-types.js';
import { RuleSkip } from '../rule/rule.js';
import type { SafePattern } from '../rule/safe-pattern.js';
import { compare, toNumber } from './compare.js';
import { harvesterVersionIn } from './development-era.js';
import { elementName, matchesName, podLogName, visitCondition, type ArrayKind } from '../rule/condition-visitor.js';
import { joinCandidates } from './join-index.js';
import { citable, elementsOf, resolvePath, type Located, type Scope, type ScopeValue } from './located.js';
import { renderTemplate } from './render-template.js';

/** What proves a condition: a field of a bundle object or a fact of a record (its file and line), or a log line. */
export type EvidenceRef =
  | { type: 'field'; located: Located }
  | { type: 'log'; path: string; line: number; raw: string };

export interface LogMatchBinding {
  path: string;
  line: number;
  text: string;
  time?: number;
  groups: Record<string, string>;
}

export interface ConditionResult {
  holds: boolean;
  evidence: EvidenceRef[];
  /** Elements collected under `as` names by array and log conditions that held. */
  bindings: Map<string, Located[]>;
}

export interface EvaluationContext {
  facts: BundleFacts;
  pattern(source: string): SafePattern;
  signal?: AbortSignal;
  /** Searches a log; the engine shares one scan of a file between the rules that search it. */
  searchLog: (file: LogFile, search: LogSearch, signal?: AbortSignal) => Promise<LogSearchResult>;
  /**
   * The log files of one pod (of one container, or of all), each container's previous run before
   * its current one (`<c>.log.1`, then `<c>.log`): what a podLog condition reads.
   */
  podLogs: (query: PodLogQuery) => readonly LogFile[];
}

export interface PodLogQuery {
  namespace: string;
  pod: string;
  container?: string;
  /** true: only the previous runs' logs; false: only the current runs'; absent: both. */
  previous?: boolean;
}


/**
 * Evaluates a condition tree: one walk, by the visitor every walk of conditions uses. This is the
 * one place where the meaning of every condition kind lives; rules only declare them
 * (troubleshoot's analyzers each re-implemented outcome matching, and drifted apart).
 *
 * - `all` stops at the first child that does not hold and keeps what every child bound and cited.
 * - `any` stops at the first child that holds and keeps what that child bound and cited.
 * - `collect` evaluates every child and keeps what each holding child bound and cited; it holds
 *   when one child does (three logs searched for one error, all matches listed).
 * - `optional` always holds and keeps what its child bound and cited when the child holds
 *   ("name the migrations that are stuck, if any").
 * - `not` binds and cites nothing.
 */
export function evaluateCondition(condition: Condition, scope: Scope, context: EvaluationContext): Promise<ConditionResult> {
  context.signal?.throwIfAborted();
  return visitCondition<Promise<ConditionResult>>(condition, {
    all: async (children) => {
      const results = [];
      for (const child of children) {
        const result = await evaluateCondition(child, scope, context);
        if (!result.holds) return notHolding();
        results.push(result);
      }
      return merge(true, results);
    },
    any: async (children) => {
      for (const child of children) {
        const result = await evaluateCondition(child, scope, context);
        if (result.holds) return result;
      }
      return notHolding();
    },
    collect: async (children) => {
      const holding = (await Promise.all(children.map((child) => evaluateCondition(child, scope, context)))).filter((result) => result.holds);
      return holding.length > 0 ? merge(true, holding) : notHolding();
    },
    optional: async (child) => {
      const result = await evaluateCondition(child, scope, context);
      return result.holds ? result : { holds: true, evidence: [], bindings: new Map() };
    },
    not: async (child) => {
      const result = await evaluateCondition(child, scope, context);
      return { holds: !result.holds, evidence: [], bindings: new Map() };
    },
    field: async (spec) => evaluateField(spec, scope, context),
    array: (kind, spec) => evaluateArray(kind, spec, scope, context),
    log: (spec) => evaluateLog(spec, scope, context),
    podLog: (spec) => evaluatePodLog(spec, scope, context),
    version: async (spec) => ({ holds: harvesterVersionIn(spec.harvester, context.facts), evidence: [], bindings: new Map() }),
  });
}

function evaluateField(field: FieldCondition, scope: Scope, context: EvaluationContext): ConditionResult {
  const resolved = resolvePath(scope, field.path);
  const helpers = {
    pattern: context.pattern,
    resolveValue: (path: string) => resolvePath(scope, path)[0]?.value,
    resolveNumber: (ref: { path: string }) => toNumber(resolvePath(scope, ref.path)[0]?.value),
    createdAt: () => bundleCreatedAt(context, field),
  };
  if (resolved.length === 0) {
    return { holds: compare(undefined, field, helpers), evidence: [], bindings: new Map() };
  }
  const satisfying = resolved.filter((located) => compare(located.value, field, helpers));
  if (satisfying.length === 0) return notHolding();
  const evidence: EvidenceRef[] =
    field.evidence === false ? [] : [...satisfying, ...numericBounds(field, scope)].filter(citable).map((located) => ({ type: 'field', located }));
  return { holds: true, evidence, bindings: new Map() };
}

/** The fields a numeric comparison read its bounds from (a load compared with the CPU count): they prove it too. */
function numericBounds(field: FieldCondition, scope: Scope): Located[] {
  return (['gt', 'gte', 'lt', 'lte'] as const).flatMap((operator) => {
    const bound = field[operator];
    return bound !== undefined && typeof bound !== 'number' ? resolvePath(scope, bound.path).slice(0, 1) : [];
  });
}

/** Ages are counted back from the bundle's creation; without it, an age check cannot be made. */
function bundleCreatedAt(context: EvaluationContext, field: FieldCondition): number {
  const createdAt = context.facts.createdAt ? Date.parse(context.facts.createdAt) : Number.NaN;
  if (Number.isNaN(createdAt)) {
    const window = field.olderThan !== undefined ? `older than ${field.olderThan}` : `within ${field.within}`;
    throw new RuleSkip(`the bundle's creation time is unknown, so the age check (${window}) on ${field.path} cannot be made`, 'missing-input');
  }
  return createdAt;
}

/** What an element satisfies without a `where`: one shared result, read and never changed (`count` over 1,000 volumes, once per PV). */
const UNCONDITIONAL: ConditionResult = Object.freeze({ holds: true, evidence: Object.freeze([]) as unknown as EvidenceRef[], bindings: new Map() });

async function evaluateArray(
  kind: ArrayKind,
  spec: ArrayCondition | CountCondition,
  scope: Scope,
  context: EvaluationContext,
): Promise<ConditionResult> {
  const elements = elementsOf(scope, spec.path);
  const name = elementName(spec);
  const satisfying: { element: Located; result: ConditionResult }[] = [];
  // A join on a plain value is evaluated on the elements that can satisfy it only (join-index.ts);
  // an input's list is the same array for every forEach element, so its index is built once.
  const evaluated = joinCandidates(spec.where, name, elements, scope, scope.get(spec.path)?.kind === 'many') ?? elements;
  for (const element of evaluated) {
    if (!spec.where) {
      satisfying.push({ element, result: UNCONDITIONAL });
      continue;
    }
    const inner = new Map<string, ScopeValue>(scope);
    inner.set(name, { kind: 'one', located: element });
    if (element.key !== undefined) inner.set(`${name}Key`, { kind: 'value', value: element.key });
    const result = await evaluateCondition(spec.where, inner, context);
    if (result.holds) satisfying.push({ element, result });
  }

  let holds: boolean;
  if (kind === 'some') holds = satisfying.length > 0;
  else if (kind === 'every') holds = satisfying.length === elements.length;
  else if (kind === 'none') holds = satisfying.length === 0;
  else {
    const { min, max } = spec as CountCondition;
    holds = (min === undefined || satisfying.length >= min) && (max === undefined || satisfying.length <= max);
  }
  if (!holds) return notHolding();

  if (kind === 'none') {
    // Nothing matched; what proves it is the list that was searched, where it exists.
    const lists = resolvePath(scope, spec.path).filter(citable);
    // A list input searched whole: cite the list file at its first item.
    const entry = scope.get(spec.path);
    if (lists.length === 0 && entry?.kind === 'many' && entry.located[0]) lists.push(entry.located[0]);
    return { holds: true, evidence: lists.map((located) => ({ type: 'field', located })), bindings: new Map() };
  }
  const evidence: EvidenceRef[] = [];
  const bindings = new Map<string, Located[]>();
  for (const { element, result } of satisfying) {
    if (result.evidence.length > 0) evidence.push(...result.evidence);
    else if (citable(element)) evidence.push({ type: 'field', located: element });
    appendBindings(bindings, result.bindings);
  }
  bindings.set(name, satisfying.map(({ element }) => element));
  const keys = satisfying.flatMap(({ element }) => (element.key === undefined ? [] : [{ value: element.key, pointer: '' }]));
  if (keys.length > 0) bindings.set(`${name}Key`, keys);
  return { holds: true, evidence, bindings };
}

async function evaluateLog(spec: LogCondition, scope: Scope, context: EvaluationContext): Promise<ConditionResult> {
  const entry = scope.get(spec.input);
  const files: readonly LogFile[] = entry?.kind === 'logs' ? entry.files : [];
  if (spec.within && !context.facts.createdAt) {
    // Without the bundle's creation time the window has no end; searching the whole log instead
    // could fail the rule on months-old lines.
    throw new RuleSkip(`the bundle's creation time is unknown, so the ${spec.within} window of this check cannot be applied`, 'missing-input');
  }
  const search = logSearchFor(spec, context.facts);
  const evidenceLimit = spec.evidenceLimit ?? 3;
  const minCount = spec.minCount ?? 1;

  let count = 0;
  const evidence: EvidenceRef[] = [];
  const matches: Located[] = [];
  for (const file of files) {
    const result = await context.searchLog(file, search, context.signal);
    count += result.count;
    for (const match of result.matches) {
      if (evidence.length < evidenceLimit) evidence.push({ type: 'log', path: file.path, line: match.line, raw: match.raw });
      const binding: LogMatchBinding = { path: file.path, line: match.line, text: match.text, groups: definedGroups(match.groups) };
      if (match.time !== undefined) binding.time = match.time;
      // Named groups win over the file's fields: a pattern's `(?P<node>…)` is what the author meant.
      const located: Located = { value: { node: file.node, namespace: file.namespace, pod: file.pod, container: file.container, ...binding, ...binding.groups }, pointer: '' };
      // The first matches and, in the last place, the latest one, by time where lines have one
      // (files are read node by node, so the last one read need not be the latest), else in order.
      if (matches.length < MAX_KEPT_MATCHES) matches.push(located);
      else if (!isEarlier(binding.time, (matches[MAX_KEPT_MATCHES - 1]!.value as LogMatchBinding).time)) matches[MAX_KEPT_MATCHES - 1] = located;
    }
  }
  if (count < minCount) return notHolding();
  const bindings = new Map<string, Located[]>([[matchesName(spec), matches]]);
  bindings.set(`${matchesName(spec)}Count`, [{ value: count, pointer: '' }]);
  return { holds: true, evidence, bindings };
}

/** Whether a match's time is known to be before another's (untimed matches keep their order). */
function isEarlier(time: number | undefined, than: number | undefined): boolean {
  return time !== undefined && than !== undefined && time < than;
}

/**
 * The log of the object being evaluated: the container named by the templates, read across its
 * runs (previous, then current), keeping the last `last` matching lines. A log that was not
 * collected gives no line, so the condition does not hold (wrap it in `optional` to name the lines
 * only when the bundle has them).
 */
async function evaluatePodLog(spec: PodLogCondition, scope: Scope, context: EvaluationContext): Promise<ConditionResult> {
  const address = (template: string) => renderTemplate(template, scope).trim();
  const query: PodLogQuery = { namespace: address(spec.namespace), pod: address(spec.pod) };
  if (!query.namespace || !query.pod) return notHolding();
  if (spec.container !== undefined) {
    query.container = address(spec.container);
    if (!query.container) return notHolding();
  }
  if (spec.previous !== undefined) query.previous = spec.previous;
  const last = spec.last ?? 3;
  const search: LogSearch = { pattern: spec.pattern ?? '', keepLast: last };
  if (spec.prefilter !== undefined) search.prefilter = typeof spec.prefilter === 'string' ? [spec.prefilter] : spec.prefilter;
  if (spec.prefilterAnyCase) search.prefilterAnyCase = true;

  let count = 0;
  // Files come oldest first, so the last lines of the last file with matches are the newest.
  let kept: { file: LogFile; match: LogSearchResult['matches'][number] }[] = [];
  for (const file of context.podLogs(query)) {
    const result = await context.searchLog(file, search, context.signal);
    count += result.count;
    kept = [...kept, ...result.matches.map((match) => ({ file, match }))].slice(-last);
  }
  if (count < (spec.minCount ?? 1)) return notHolding();
  const name = podLogName(spec);
  const evidence: EvidenceRef[] = kept.map(({ file, match }) => ({ type: 'log', path: file.path, line: match.line, raw: match.raw }));
  const lines: Located[] = kept.map(({ file, match }) => {
    const binding: LogMatchBinding = { path: file.path, line: match.line, text: match.text, groups: definedGroups(match.groups) };
    if (match.time !== undefined) binding.time = match.time;
    return { value: { namespace: file.namespace, pod: file.pod, container: file.container, previous: file.previous === true, ...binding, ...binding.groups }, pointer: '' };
  });
  return { holds: true, evidence, bindings: new Map([[name, lines], [`${name}Count`, [{ value: count, pointer: '' }]]]) };
}

function definedGroups(groups: Record<string, string | undefined>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(groups)) if (value !== undefined) defined[key] = value;
  return defined;
}

function notHolding(): ConditionResult {
  return { holds: false, evidence: [], bindings: new Map() };
}

/**
 * Adds what a child bound to what is bound so far. The lists in `into` are its own (copied on
 * first use), so appending to them never changes a child's result; copying all of them again for
 * each child was quadratic in the number of elements that held.
 */
function appendBindings(into: Map<string, Located[]>, from: ReadonlyMap<string, Located[]>): void {
  for (const [key, values] of from) {
    const existing = into.get(key);
    if (!existing) into.set(key, values.slice());
    else for (const value of values) existing.push(value);
  }
}

function merge(holds: boolean, results: ConditionResult[]): ConditionResult {
  const evidence: EvidenceRef[] = [];
  const bindings = new Map<string, Located[]>();
  for (const result of results) {
    evidence.push(...result.evidence);
    appendBindings(bindings, result.bindings);
  }
  return { holds, evidence, bindings };
}
