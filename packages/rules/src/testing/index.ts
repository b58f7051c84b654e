// @bundle-triage/rules/testing: the test kit for rule authors. Build a bundle in the real layout
// from a few objects, logs and node files, run one rule on it, and look at what it decided.
import { openBundle, type Bundle } from '@bundle-triage/core';
import { analyze } from '../engine/analyze.js';
import { itemLiterals } from '../engine/item-literals.js';
import { deferredInputs } from '../engine/deferred-inputs.js';
import type { Finding, Report, SkippedRule } from '@bundle-triage/report';
import { parseRule } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { BundleBuilder } from './bundle-builder.js';

export {
  BundleBuilder,
  type BundleBuilderOptions,
  type BundleLayout,
  type BundleMetadata,
  type ObjectPlacement,
  type PodLogOptions,
  type SupportconfigFiles,
} from './bundle-builder.js';
export { KIT_GENERATIONS, KIT_PROFILES, type KitName, type KitProfile, type KitVersion } from './kit-profile.js';
export { toGoYaml } from './go-yaml.js';
export { catalogRule } from './catalog-rule.js';
export { runCatalog } from './catalog-run.js';
export { citedLine, expectCited, expectCites, lineAt, withoutNamespace } from './cited-line.js';

export interface RuleRun {
  /** How the rule ended: the worst finding's status, or skipped, or error. */
  outcome: 'fail' | 'warn' | 'info' | 'pass' | 'skipped' | 'error';
  /** Every finding of the rule, pass included. */
  findings: Finding[];
  /** The first finding (most important), if any. */
  finding?: Finding;
  /** Why the rule was skipped. */
  skipReason?: string;
  /** The kind of that skip (`version`, `missing-input`, `unreadable`, `not-recorded`, `not-applicable`). */
  skipKind?: SkippedRule['kind'];
  /** The error message when the rule failed to run. */
  error?: string;
  /** The whole report, for anything else. */
  report: Report;
}

/**
 * Runs one rule on a bundle: a BundleBuilder (written as a real zip in memory and opened as a
 * user's bundle would be), the bytes of a bundle, a path, or an already open Bundle. The rule
 * may be a Rule object or the YAML text of a declarative rule.
 */
export async function runRule(
  rule: Rule | string,
  bundle: BundleBuilder | Uint8Array | string | Bundle,
  options: { ruleTimeoutMs?: number; /** Also build the overview, log patterns and timeline (off: a rule test is about the rule). */ sections?: boolean } = {},
): Promise<RuleRun> {
  const resolved = typeof rule === 'string' ? parseRuleText(rule) : rule;
  const owned = !(isOpenBundle(bundle));
  const opened = isOpenBundle(bundle) ? bundle : await openBundle(bundle instanceof BundleBuilder ? bundle.toZip() : bundle);
  try {
    // Narrowed however small the fixture's lists (by default only for large ones): each rule test exercises it.
    const report = await analyzeOne(opened, resolved, options, true);
    if (owned && (itemLiterals(resolved).size > 0 || deferredInputs(resolved).size > 0)) await expectSameUnnarrowed(resolved, report, bundle as BundleBuilder | Uint8Array | string, options);
    const findings = report.findings.filter((finding) => finding.ruleId === resolved.id);
    const skipped = report.skipped.find((entry) => entry.ruleId === resolved.id);
    const error = report.errors.find((entry) => entry.ruleId === resolved.id);
    const run: RuleRun = {
      outcome: error ? 'error' : skipped ? 'skipped' : (findings[0]?.status ?? 'pass'),
      findings,
      report,
    };
    if (findings[0]) run.finding = findings[0];
    if (skipped) run.skipReason = skipped.reason;
    if (skipped?.kind) run.skipKind = skipped.kind;
    if (error) run.error = error.message;
    return run;
  } finally {
    if (owned) await opened.close();
  }
}

/**
 * Runs several rules together on a bundle, as `analyze` does (their findings linked: refines,
 * explains, the headline), and returns the report with pass findings kept.
 */
export async function runRules(rules: readonly (Rule | string)[], bundle: BundleBuilder | Uint8Array | string | Bundle): Promise<Report> {
  const resolved = rules.map((rule) => (typeof rule === 'string' ? parseRuleText(rule) : rule));
  const owned = !isOpenBundle(bundle);
  const opened = isOpenBundle(bundle) ? bundle : await openBundle(bundle instanceof BundleBuilder ? bundle.toZip() : bundle);
  try {
    return await analyze(opened, { rules: resolved, includePass: true });
  } finally {
    if (owned) await opened.close();
  }
}

/** One rule's report, pass findings kept, the sections only when asked for. */
function analyzeOne(bundle: Bundle, rule: Rule, options: { ruleTimeoutMs?: number; sections?: boolean }, narrowInputs: boolean): Promise<Report> {
  return analyze(bundle, {
    rules: [rule],
    includePass: true,
    narrowInputs,
    ...(options.ruleTimeoutMs ? { ruleTimeoutMs: options.ruleTimeoutMs } : {}),
    ...(options.sections ? {} : { overview: false, patterns: false, timeline: false }),
  });
}

/**
 * A rule whose list inputs the engine narrows (it decodes only the objects the conditions can
 * match, see item-literals.ts, and reads lists only the outcomes need when an object passes
 * `match`, see deferred-inputs.ts) must give exactly what it gives on whole lists read up front.
 * Every `runRule` of such a rule checks it on a second opening of the bundle, so each fixture of
 * each rule test proves the narrowing, and a condition it misreads fails the rule's own tests.
 */
async function expectSameUnnarrowed(rule: Rule, narrowed: Report, bundle: BundleBuilder | Uint8Array | string, options: { ruleTimeoutMs?: number; sections?: boolean }): Promise<void> {
  const opened = await openBundle(bundle instanceof BundleBuilder ? bundle.toZip() : bundle);
  try {
    const whole = await analyzeOne(opened, rule, options, false);
    const outcome = (report: Report) => JSON.stringify({ findings: report.findings, skipped: report.skipped, errors: report.errors });
    if (outcome(narrowed) !== outcome(whole)) {
      throw new Error(
        `rule ${rule.id}: decoding only the objects its conditions can match (${JSON.stringify(Object.fromEntries(itemLiterals(rule)))}), lists its outcomes read only when needed ([${[...deferredInputs(rule)].join(', ')}]), changed its result:\n narrowed: ${outcome(narrowed)}\n whole:    ${outcome(whole)}`,
      );
    }
  } finally {
    await opened.close();
  }
}

function parseRuleText(text: string): Rule {
  const { rule, problems } = parseRule(text, '<inline rule>');
  if (!rule) throw new Error(`rule does not load: ${problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; ')}`);
  return rule;
}

function isOpenBundle(value: unknown): value is Bundle {
  return typeof value === 'object' && value !== null && 'index' in value && 'source' in value && typeof (value as Bundle).resources === 'function';
}
