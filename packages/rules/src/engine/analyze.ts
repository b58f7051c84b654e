import { OverviewCollector, type Bundle, type BundleFacts } from '@bundle-triage/core';
import type { EvaluationContext } from '../match/evaluate-condition.js';
import type { Evidence, Report, RuleError, SkippedRule } from '@bundle-triage/report';
import { RuleSkip, type Rule, type Skip } from '../rule/rule.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { TOOL_VERSION } from '../version.js';
import { buildEvidence } from './build-evidence.js';
import { codeRuleContext } from './code-rule-context.js';
import { evaluateDeclarativeRule, type FindingDraft } from './evaluate-rule.js';
import { finalizeFinding, renderRemediation } from './finalize-finding.js';
import { nestedArchivesRead } from './nested-reads.js';
import { ReleasePlan } from './release-plan.js';
import { resolveInputs, resourceQueryOf } from './resolve-inputs.js';
import { summarizeUnchecked, type UncheckedNode } from './supportconfig-records.js';
import { selectRules } from './select-rules.js';
import { podLogFiles } from '../logs/log-files.js';
import type { LogScans } from '../logs/log-pass.js';
import { startLogPass, type LogPassRunner } from '../logs/log-pass-thread.js';
import { reportSections, type SectionOptions } from '../sections/report-sections.js';
import { ObjectFeed, type ObjectConsumer } from '../sections/object-feed.js';
import { TimelineConsumer } from '../sections/timeline-consumer.js';
import { plannedLogSearches, rulesSearchingLogs } from './plan-log-scans.js';
import { attachEvents } from './attach-events.js';
import { foldFallbacks } from './fold-fallbacks.js';
import { linkFindings, type LinkedFinding } from './link-findings.js';
import { itemLiterals, type Clause } from './item-literals.js';
import { deferredInputs } from './deferred-inputs.js';
import { compareFindings, summarize } from './summarize.js';
import { versionSkip } from './version-gate.js';
import type { KubeObject, ResourceQuery } from '@bundle-triage/core';

export interface AnalyzeOptions {
  /** The rules to run (e.g. `await loadCatalog()`, plus your own). */
  rules: readonly Rule[];
  /**
   * Decode only the objects of a list input that a declarative rule's conditions can match, and
   * read lists only its outcomes need when an object passes `match` (see item-literals.ts and
   * deferred-inputs.ts). By default for rules with a list of 256 KiB or more, where it pays for
   * working out what to read; `true` for every rule (the test kit, so each rule test exercises
   * it); `false` reads every list whole up front: the same result, for checking that it is.
   */
  narrowInputs?: boolean;
  /** Run only these rule ids or tags. */
  only?: readonly string[];
  /** Do not run these rule ids or tags. */
  skip?: readonly string[];
  /** Keep `pass` findings in `findings` (they are always counted in the summary). */
  includePass?: boolean;
  /** Progress: rules done out of total, files read so far (the same name as in `openBundle`). */
  onProgress?: (event: AnalyzeProgress) => void;
  signal?: AbortSignal;
  /** Longest one rule may take before it is stopped and reported as an error (default 60 s). */
  ruleTimeoutMs?: number;
  /** Rules evaluated at once; their reads overlap (default 4). */
  concurrency?: number;
  /**
   * The cluster overview at the top of the report: versions, nodes, counts and states (default
   * true). Cheap: most lists it counts are decoded for the rules anyway.
   */
  overview?: boolean;
  /**
   * Log templates, mined in the same pass over each log as the rules' searches, attached to the
   * findings they belong to, the rest listed as not explained by any rule (default true; false
   * for the fastest run: only the logs rules search are read).
   */
  patterns?: boolean | SectionOptions['patterns'];
  /** The timeline, and each finding's window into it (default true). */
  timeline?: boolean | SectionOptions['timeline'];
  /**
   * Read and mine the logs in a thread of its own, on another core (`auto`, the default: for a
   * zip or folder opened by path with large logs). A caller that already runs analyses in
   * parallel threads (a batch, a service) passes false.
   */
  logThread?: boolean | 'auto';
}

export interface AnalyzeProgress {
  rulesDone: number;
  rulesTotal: number;
  ruleId: string;
  filesRead: number;
}

type RuleResult = { findings: LinkedFinding[] } | { skipped: Skip } | { error: string };

/**
 * Runs rules over an open bundle and returns the report (schemaVersion 1). Every rule ends in
 * exactly one place: findings, `skipped` with a reason, or `errors` — a rule that throws or
 * runs out of time never stops the others. Same bundle and rules → the same report, apart from
 * `run`.
 */
export async function analyze(bundle: Bundle, options: AnalyzeOptions): Promise<Report> {
  const started = Date.now();
  const facts = await bundle.facts();
  const rules = selectRules(options.rules, options.only, options.skip);
  // A bundle opened with nestedArchives: 'when-needed' opens only the node bundles (and
  // supportconfig archives) these rules read: nothing for `--only` a resource rule without the
  // report's sections. The overview (each node's os-release), the log patterns and the timeline
  // (every log, the nodes' too) read the node bundles whichever rules run.
  const nested = nestedArchivesRead(rules, facts);
  const sectionsReadNodes = options.overview !== false || options.patterns !== false || options.timeline !== false;
  await bundle.openNestedArchives(sectionsReadNodes ? { ...nested, nodeBundles: true } : nested);
  const patterns = new Map<string, SafePattern>();
  const pattern = (source: string) => {
    let compiled = patterns.get(source);
    // Compiled when a line first reaches it: most planned searches never pass their prefilter.
    if (!compiled) patterns.set(source, (compiled = SafePattern.compiledOnUse(source)));
    return compiled;
  };

  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  const planned = plannedLogSearches(rules, bundle, facts);
  // With patterns, every log is read once for the rules and the miner together; without, only
  // the logs rules search. Either in a thread of its own when the logs are large (a node's kernel
  // logs are read on the other core while this one decodes YAML), else here, each log without
  // patterns only when a rule asks.
  const logPass = startLogPass(bundle, {
    planned,
    pattern,
    thread: options.logThread ?? 'auto',
    ...(options.patterns === false ? { mine: false } : {}),
    ...(createdAt === undefined || Number.isNaN(createdAt) ? {} : { bundleCreatedAt: createdAt }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // Stopped however the run ends: a feed left listening would keep its consumers, and the lists it
  // announced would be decoded whole for every later query on this bundle.
  let feed: ObjectFeed | undefined;
  try {
    // The overview and the timeline take the objects of the lists they read while the rules
    // decode them; `feed.drain` reads what no rule did.
    const overview = options.overview === false ? undefined : new OverviewCollector(bundle);
    const timeline = options.timeline === false ? undefined : new TimelineConsumer(bundle, facts);
    const consumers: ObjectConsumer[] = [...(overview ? [overview] : []), ...(timeline ? [timeline] : [])];
    feed = consumers.length > 0 ? await ObjectFeed.start(bundle, consumers) : undefined;
    let results: Map<string, RuleResult>;
    try {
      results = await runRules(rules, bundle, facts, pattern, logPass, options);
    } catch (error) {
      feed?.stop();
      throw error;
    }

    const { linked, skipped, errors } = await sortResults(rules, results, bundle);
    const linkedFindings = await linkFindings(linked, new Map(rules.map((rule) => [rule.id, rule])), bundle);
    // linkFindings keeps the order, so each finding still has its objects: the Warning events about them go under it.
    await attachEvents(linkedFindings.map((finding, index) => ({ finding, objects: linked[index]!.objects })), bundle);
    const objectsOf = new Map(linkedFindings.map((finding, index) => [finding, linked[index]!.objects]));
    const findings = linkedFindings.sort(compareFindings);
    const summary = summarize(findings, skipped, errors);
    const sections = await reportSections({
      bundle,
      facts,
      findings: findings.filter((finding) => finding.status !== 'pass').map((finding) => ({ finding, objects: objectsOf.get(finding) ?? [] })),
      summary,
      ...(feed ? { feed } : {}),
      ...(overview ? { overview } : {}),
      ...(timeline ? { timeline } : {}),
      ...(options.patterns === false ? {} : { logPass }),
      options: { ...(typeof options.patterns === 'object' ? { patterns: options.patterns } : {}), ...(typeof options.timeline === 'object' ? { timeline: options.timeline } : {}) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const [finding, window] of sections.windows) finding.timelineWindow = window;
    // What reading the logs found (lines cut, bytes not UTF-8) is in the diagnostics once every log
    // is read; a pass that failed has already made the rules that searched error entries.
    await logPass.finished().catch(() => undefined);

    return {
      schemaVersion: 1,
      tool: { name: 'bundle-triage', version: TOOL_VERSION },
      bundle: {
        source: bundle.location,
        format: bundle.format,
        root: bundle.root,
        createdAt: facts.createdAt ?? null,
        kubernetesVersion: facts.kubernetesVersion ?? null,
        harvesterVersion: facts.harvesterVersion?.value ?? null,
        harvesterVersionSource: facts.harvesterVersion ? `${facts.harvesterVersion.source.description} (${facts.harvesterVersion.source.path})` : null,
        nodes: facts.nodes,
        nodesWithoutBundle: facts.nodesWithoutBundle,
        collectedNamespaces: facts.collectedNamespaces,
        uncollectedNamespaces: facts.uncollectedNamespaces,
        oldKit: facts.oldKit,
      },
      ...(sections.overview ? { overview: sections.overview } : {}),
      summary,
      findings: options.includePass ? findings : findings.filter((finding) => finding.status !== 'pass'),
      skipped,
      errors,
      diagnostics: bundle.diagnostics(),
      ...(sections.patterns ? { patterns: sections.patterns } : {}),
      ...(sections.timeline ? { timeline: sections.timeline } : {}),
      run: { startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, rules: rules.length },
    };
  } finally {
    feed?.stop();
    await logPass.close();
  }
}

/** Runs every rule, a few at once, each within its budget; every rule ends in one result. */
async function runRules(
  rules: readonly Rule[],
  bundle: Bundle,
  facts: BundleFacts,
  pattern: (source: string) => SafePattern,
  logScans: LogPassRunner,
  options: AnalyzeOptions,
): Promise<Map<string, RuleResult>> {
  // Inputs that search lists for a literal read only the lists no other rule read, if the bundle
  // knows the searches before those are read (their rules run last: see ReleasePlan).
  bundle.expectSearches(searches(rules));
  const results = new Map<string, RuleResult>();
  let done = 0;
  // Each file stays decoded until the last rule that declared it has finished; rules that share
  // files run close together, so that is soon.
  const releases = new ReleasePlan(bundle, rules);
  // Logs read ahead on another thread: the rules that search them wait at the end, not in the slots.
  const queue = releases.order(rules, logScans.readsAhead ? { after: rulesSearchingLogs(rules) } : {});
  const worker = async () => {
    for (let rule = queue.shift(); rule; rule = queue.shift()) {
      options.signal?.throwIfAborted();
      results.set(rule.id, await runWithBudget(rule, bundle, facts, pattern, logScans, options));
      releases.finished(rule);
      done += 1;
      options.onProgress?.({ rulesDone: done, rulesTotal: rules.length, ruleId: rule.id, filesRead: bundle.stats.filesRead });
    }
  };
  const concurrency = Number.isInteger(options.concurrency) && options.concurrency! > 0 ? options.concurrency! : 4;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, rules.length)) }, worker));
  return results;
}

/**
 * The results in rule order: findings to link (a fallback rule's findings about objects another
 * finding covers folded away), skipped rules and errors sorted by rule id.
 */
async function sortResults(rules: readonly Rule[], results: ReadonlyMap<string, RuleResult>, bundle: Bundle): Promise<{ linked: LinkedFinding[]; skipped: SkippedRule[]; errors: RuleError[] }> {
  const made: LinkedFinding[] = [];
  const skipped: SkippedRule[] = [];
  const errors: RuleError[] = [];
  const passes = new Map<string, LinkedFinding>();
  for (const rule of rules) {
    const result = results.get(rule.id)!;
    if ('findings' in result) made.push(...result.findings);
    else if ('skipped' in result) skipped.push({ ruleId: rule.id, title: rule.title, kind: result.skipped.kind, reason: result.skipped.reason, tags: [...(rule.tags ?? [])] });
    else errors.push({ ruleId: rule.id, message: result.error });
    if (rule.fallback) passes.set(rule.id, await passFinding(rule, bundle, 'nothing left to report: every finding was about an object another finding covers, which carries the same proof'));
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const linked = foldFallbacks(made, byId, (ruleId) => passes.get(ruleId)!);
  skipped.sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
  errors.sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
  return { linked, skipped, errors };
}

async function runWithBudget(
  rule: Rule,
  bundle: Bundle,
  facts: BundleFacts,
  pattern: (source: string) => SafePattern,
  logScans: LogScans,
  options: AnalyzeOptions,
): Promise<RuleResult> {
  const budget = ruleBudget(options.ruleTimeoutMs);
  const controller = new AbortController();
  const abortOnParent = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', abortOnParent, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<RuleResult>((resolve) => {
    if (budget === undefined) return;
    timer = setTimeout(() => {
      controller.abort(new Error('time budget exceeded'));
      resolve({ error: `rule did not finish within its time budget of ${budget / 1000} s and was stopped` });
    }, budget);
  });
  try {
    return await Promise.race([runRule(rule, bundle, facts, pattern, logScans, controller.signal, options.narrowInputs ?? hasLargeList(rule, bundle)), timeout]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abortOnParent);
  }
}

async function runRule(
  rule: Rule,
  bundle: Bundle,
  facts: BundleFacts,
  pattern: (source: string) => SafePattern,
  logScans: LogScans,
  signal: AbortSignal,
  narrowInputs: boolean,
): Promise<RuleResult> {
  try {
    const outsideVersions = versionSkip(rule.appliesTo, facts);
    if (outsideVersions) return { skipped: outsideVersions };
    const narrowed: ReadonlyMap<string, readonly Clause[]> = narrowInputs ? itemLiterals(rule) : new Map();
    const inputs = await resolveInputs(rule.inputs, bundle, facts, narrowed, narrowInputs ? deferredInputs(rule) : undefined);
    if (!inputs.ok) return { skipped: inputs.skip };
    // What a fail or warn cites when its conditions named no field: the named objects, else the
    // first object of each list input (the file and line where the list starts; for a list decoded
    // only in part, its whole list's first object, read when needed).
    const fallbackObjects = async (): Promise<KubeObject[]> => {
      const values = Object.entries(inputs.values);
      const named = values.flatMap(([, value]) => (value !== undefined && !Array.isArray(value) ? [value as KubeObject] : []));
      if (named.length > 0) return named;
      const heads: KubeObject[] = [];
      for (const [name, value] of values) {
        const spec = rule.inputs?.[name];
        const list = narrowed.has(name) && spec && 'resource' in spec ? await bundle.resources(resourceQueryOf(spec)) : value;
        if (Array.isArray(list) && list[0] !== undefined && 'metadata' in (list[0] as object)) heads.push(list[0] as KubeObject);
      }
      return heads;
    };

    if (rule.kind === 'code') {
      // The object behind each evidence item a code rule cites, so its finding knows what it is about.
      const citedObjects = new Map<Evidence, KubeObject>();
      const context = codeRuleContext({ rule, bundle, facts, signal, inputs: inputs.values, pattern, cited: citedObjects });
      const drafts = await rule.evaluate(context);
      const findings = await Promise.all(
        drafts.map((draft) =>
          finalizeFinding(rule, bundle, {
            status: draft.status,
            severity: draft.severity ?? rule.severity,
            message: draft.message,
            evidence: draft.evidence,
            objects: draft.evidence.flatMap((item) => citedObjects.get(item) ?? []),
            ...(draft.subject ? { subject: draft.subject } : {}),
            ...(draft.key ? { key: draft.key } : {}),
            ...(draft.tags ? { tags: draft.tags } : {}),
            fallbackObjects,
            ...(draft.remediation
              ? { remediation: { summary: draft.remediation.summary, steps: draft.remediation.steps ?? [], commands: draft.remediation.commands ?? [], ...(draft.remediation.patch ? { patch: draft.remediation.patch } : {}) } }
              : {}),
          }),
        ),
      );
      if (inputs.unchecked.length > 0 && findings.every((linked) => linked.finding.status === 'pass')) return { skipped: uncheckedSkip(inputs.unchecked, facts) };
      return { findings: findings.length > 0 ? findings : [await passFinding(rule, bundle)] };
    }

    const context: EvaluationContext = {
      facts,
      pattern,
      signal,
      searchLog: (file, search, scanSignal) => logScans.search(file, search, scanSignal),
      podLogs: (query) => podLogFiles(bundle, query),
    };
    const drafts = await evaluateDeclarativeRule(rule, inputs.scope, context, async () => {
      const rest = await inputs.resolveDeferred();
      if (!rest.ok) throw new RuleSkip(rest.skip.reason, rest.skip.kind);
      return rest.scope;
    });
    const skip = drafts.find((draft) => draft.status === 'skip');
    if (skip) return { skipped: { kind: skip.skipKind ?? 'missing-input', reason: skip.message } };
    const findings: LinkedFinding[] = [];
    for (const draft of drafts) {
      if (draft.status === 'skip') continue;
      const remediation = renderRemediation(draft.remediation ?? rule.remediation, draft.scope);
      findings.push(
        await finalizeFinding(rule, bundle, {
          status: draft.status,
          severity: draft.severity,
          message: draft.message,
          evidence: await buildEvidence(bundle, draft.evidence),
          objects: draft.evidence.flatMap((ref) => (ref.type === 'field' && ref.located.root ? [ref.located.root] : [])),
          ...(draft.subject ? { subject: draft.subject } : {}),
          ...recordsOf(draft),
          ...(draft.tags ? { tags: draft.tags } : {}),
          fallbackObjects,
          ...(remediation ? { remediation } : {}),
        }),
      );
    }
    // A pass is only a pass when every node could be checked.
    if (inputs.unchecked.length > 0 && findings.every((linked) => linked.finding.status === 'pass')) return { skipped: uncheckedSkip(inputs.unchecked, facts) };
    return { findings };
  } catch (error) {
    if (error instanceof RuleSkip) return { skipped: { kind: error.kind, reason: error.reason } };
    if (signal.aborted) return { error: `rule was stopped: ${reasonText(signal.reason)}` };
    return { error: error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message.split('\n')[0]}` : String(error) };
  }
}

/** Why a rule that found nothing is skipped rather than passed: nodes it could not check. */
function uncheckedSkip(unchecked: readonly UncheckedNode[], facts: BundleFacts): Skip {
  const summary = summarizeUnchecked(unchecked, Math.max(facts.nodes.length, unchecked.length));
  const checked = Math.max(facts.nodes.length - unchecked.length, 0);
  return { kind: summary.kind, reason: `${summary.reason}${checked > 0 ? ` (nothing found on the ${checked} other node${checked === 1 ? '' : 's'})` : ''}` };
}

/** The records a draft is about: its forEach record, else the records its evidence cites. */
function recordsOf(draft: FindingDraft): { records?: string[] } {
  const records = draft.records ?? [...new Set(draft.evidence.flatMap((ref) => (ref.type === 'field' && ref.located.fact ? [ref.located.fact.record] : [])))];
  return records.length > 0 ? { records } : {};
}

/** Lists from which narrowing a rule's inputs pays: smaller ones cost less to read whole than to work out what to read. */
const NARROW_FROM_BYTES = 256 * 1024;

/** Whether one of a declarative rule's list inputs has a file of NARROW_FROM_BYTES or more in this bundle. */
function hasLargeList(rule: Rule, bundle: Bundle): boolean {
  if (rule.kind !== 'declarative') return false;
  return Object.values(rule.inputs ?? {}).some(
    (spec) => 'resource' in spec && spec.resource.name === undefined && bundle.resourceFiles(resourceQueryOf(spec)).some((file) => file.size >= NARROW_FROM_BYTES),
  );
}

/** The resource queries of `containing` inputs. */
function searches(rules: readonly Rule[]): ResourceQuery[] {
  const queries: ResourceQuery[] = [];
  for (const rule of rules) {
    for (const spec of Object.values(rule.inputs ?? {})) {
      if (!('resource' in spec) || spec.resource.containing === undefined) continue;
      const { name: _name, ...query } = spec.resource;
      queries.push(query);
    }
  }
  return queries;
}

function passFinding(rule: Rule, bundle: Bundle, message = 'checked; nothing found'): Promise<LinkedFinding> {
  return finalizeFinding(rule, bundle, { status: 'pass', severity: rule.severity, message, evidence: [], fallbackObjects: async () => [] });
}

/**
 * The per-rule budget in ms: 60 s by default; 0, a negative or a non-finite value means none.
 * Capped at setTimeout's largest delay, past which Node fires at once.
 */
function ruleBudget(requested: number | undefined): number | undefined {
  if (requested === undefined) return 60_000;
  if (!Number.isFinite(requested) || requested <= 0) return undefined;
  return Math.min(requested, 2 ** 31 - 1);
}

function reasonText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason ?? 'aborted');
}
