import type { Finding, Report, SkippedRule } from './report-types.js';
import { stylist } from './ansi-style.js';
import { canonicalValue } from './canonical-json.js';
import { plural, redactionNote } from './describe-report.js';
import type { RenderContext } from './render-options.js';
import { inline, renderMarkdownFinding } from './render-markdown.js';
import { renderTextFinding, terminalSafe } from './render-text.js';
import { wrapText } from './wrap-text.js';

/**
 * The "upgrade readiness" view: would a Harvester upgrade start now? Only the upgrade validator
 * refuses an Upgrade, so only failing `upgrade-gate` rules are reasons it would be refused (the same
 * test as the CLI's exit code). Failing `precheck` rules (the upgrade-helpers pre-check script) and
 * `upgrade` rules are listed after them, as are the checks this bundle could not make: a check that
 * was not made is never counted as passed. Checks written for other Harvester versions are not gaps
 * in the bundle: they are counted apart, on one line, and listed only in the verbose view.
 */
export const UPGRADE_GATE_TAG = 'upgrade-gate';
export const PRECHECK_TAG = 'precheck';
export const UPGRADE_TAG = 'upgrade';
const READINESS_TAGS = [UPGRADE_GATE_TAG, PRECHECK_TAG, UPGRADE_TAG];

export interface UpgradeReadiness {
  wouldBeRefused: boolean;
  headline: string;
  /** Failing upgrade-gate findings: each one alone makes the validator refuse the Upgrade. */
  reasons: Finding[];
  /** Failing pre-check findings that are not gate reasons: the pre-check script would report them. */
  precheckFailures: Finding[];
  /** Warnings (and other failures) of upgrade rules: the upgrade would start, but may not go well. */
  risks: Finding[];
  /** Upgrade checks that apply to this bundle but could not be made from it, with the reason. */
  notChecked: SkippedCheck[];
  /** Upgrade checks skipped because they apply to other Harvester versions only. */
  notApplicable: SkippedCheck[];
}

export interface SkippedCheck {
  ruleId: string;
  title: string;
  kind?: SkippedRule['kind'];
  reason: string;
}

/**
 * A check written for other Harvester versions is not a gap in the bundle. A development build or
 * an unknown version is a missing input instead: there the check may apply, so it stays "not checked".
 */
function isNotApplicable(entry: { kind?: string }): boolean {
  return entry.kind === 'version';
}

export function upgradeReadiness(report: Report): UpgradeReadiness {
  const relevant = report.findings.filter((finding) => finding.tags.some((tag) => READINESS_TAGS.includes(tag)));
  const reasons = relevant.filter((finding) => finding.status === 'fail' && finding.tags.includes(UPGRADE_GATE_TAG));
  const precheckFailures = relevant.filter((finding) => finding.status === 'fail' && !reasons.includes(finding) && finding.tags.includes(PRECHECK_TAG));
  const risks = relevant.filter((finding) => (finding.status === 'fail' || finding.status === 'warn') && !reasons.includes(finding) && !precheckFailures.includes(finding));
  // A skipped rule whose tags the engine did not record may be an upgrade check: list it rather than hide it.
  const skippedChecks = report.skipped
    .filter((entry) => entry.tags === undefined || entry.tags.some((tag) => READINESS_TAGS.includes(tag)))
    .map((entry): SkippedCheck => ({ ruleId: entry.ruleId, title: entry.title, ...(entry.kind ? { kind: entry.kind } : {}), reason: entry.reason }));
  const notChecked = skippedChecks.filter((entry) => !isNotApplicable(entry));
  const notApplicable = skippedChecks.filter((entry) => isNotApplicable(entry));
  const headline =
    reasons.length > 0
      ? `Upgrade would be refused: ${plural(reasons.length, 'reason')}`
      : `No reason found to refuse an upgrade (${notChecked.length} ${notChecked.length === 1 ? 'check' : 'checks'} could not be made from this bundle)`;
  return { wouldBeRefused: reasons.length > 0, headline, reasons, precheckFailures, risks, notChecked, notApplicable };
}

/**
 * Checks not made for the same reason, in the order of their first: on a bundle without an upgrade
 * in progress, five checks read the logs of the hvst-upgrade pods, and one line with the reason once
 * says so better than five lines repeating it.
 */
function groupByReason(entries: readonly SkippedCheck[]): { reason: string; checks: SkippedCheck[] }[] {
  const groups = new Map<string, SkippedCheck[]>();
  for (const entry of entries) {
    const group = groups.get(entry.reason);
    if (group) group.push(entry);
    else groups.set(entry.reason, [entry]);
  }
  return [...groups].map(([reason, checks]) => ({ reason, checks }));
}

/** "Not applicable to v1.4.2: 17 checks": the one line the not-applicable checks get outside the verbose view. */
function notApplicableLine(report: Report, count: number): string {
  return `Not applicable to ${report.bundle.harvesterVersion ?? 'this version'}: ${plural(count, 'check')}`;
}

export function renderReadinessText(report: Report, context: RenderContext): string {
  const view = upgradeReadiness(report);
  const style = stylist(context.color);
  const lines = [style(`${view.wouldBeRefused ? '✖' : '✔'} ${view.headline}`, view.wouldBeRefused ? 'red' : 'green', 'bold')];
  lines.push(terminalSafe(bundleLine(report)));
  const note = redactionNote(context.redaction);
  if (note) lines.push(style(note, 'magenta'));
  const section = (title: string, findings: Finding[]) => {
    if (findings.length === 0) return;
    lines.push('', style(title, 'bold'));
    for (const finding of findings) lines.push('', ...renderTextFinding(finding, context, style));
  };
  section('Reasons the upgrade would be refused:', view.reasons);
  section('The pre-upgrade check script would also fail on:', view.precheckFailures);
  section('Risks (the upgrade would start, but may not finish cleanly):', view.risks);
  if (view.notChecked.length > 0) {
    lines.push('', style(`Not checked (${view.notChecked.length}):`, 'bold'));
    for (const group of groupByReason(view.notChecked)) {
      lines.push(...wrapText(`${group.checks.map((entry) => entry.ruleId).join(', ')}: ${terminalSafe(group.reason)}`, context.width, '  '));
    }
  }
  if (view.notApplicable.length > 0) {
    const line = terminalSafe(notApplicableLine(report, view.notApplicable.length));
    if (context.verbose) {
      lines.push('', style(`${line}:`, 'bold'));
      for (const entry of view.notApplicable) lines.push(...wrapText(`${entry.ruleId}: ${terminalSafe(entry.reason)}`, context.width, '  '));
    } else {
      lines.push('', style(`${line} — --verbose lists them`, 'dim'));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderReadinessMarkdown(report: Report, context: RenderContext): string {
  const view = upgradeReadiness(report);
  const out = [`# ${view.wouldBeRefused ? '✖' : '✔'} ${inline(view.headline)}`, '', inline(bundleLine(report)), ''];
  const note = redactionNote(context.redaction);
  if (note) out.push(`> ${inline(note)}`, '');
  const section = (title: string, findings: Finding[]) => {
    if (findings.length === 0) return;
    out.push(`## ${title}`, '');
    for (const finding of findings) out.push(...renderMarkdownFinding(finding));
  };
  section('Reasons the upgrade would be refused', view.reasons);
  section('The pre-upgrade check script would also fail on', view.precheckFailures);
  section('Risks (the upgrade would start, but may not finish cleanly)', view.risks);
  if (view.notChecked.length > 0) {
    out.push(`## Not checked (${view.notChecked.length})`, '', '| Check | Why not |', '| --- | --- |');
    for (const group of groupByReason(view.notChecked)) {
      out.push(`| ${group.checks.map((entry) => `\`${entry.ruleId}\` ${inline(entry.title)}`).join('<br>')} | ${inline(group.reason)} |`);
    }
    out.push('');
  }
  if (view.notApplicable.length > 0) {
    const line = inline(notApplicableLine(report, view.notApplicable.length));
    if (context.verbose) {
      out.push(`## ${line}`, '', '| Check | Why |', '| --- | --- |');
      for (const entry of view.notApplicable) out.push(`| \`${entry.ruleId}\` ${inline(entry.title)} | ${inline(entry.reason)} |`);
      out.push('');
    } else {
      out.push(`${line} — \`--verbose\` lists them.`, '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The readiness view for bots: the same decisions, findings in the report's canonical shape. */
export function renderReadinessJson(report: Report, context: RenderContext): string {
  const view = upgradeReadiness(report);
  const findings = (list: Finding[]) => list.map((finding) => canonicalValue(finding, 'finding'));
  const document = {
    schemaVersion: 1,
    view: 'upgrade-readiness',
    wouldBeRefused: view.wouldBeRefused,
    headline: view.headline,
    bundle: {
      harvesterVersion: report.bundle.harvesterVersion,
      kubernetesVersion: report.bundle.kubernetesVersion,
      nodes: report.bundle.nodes,
      createdAt: report.bundle.createdAt,
      root: report.bundle.root,
    },
    reasons: findings(view.reasons),
    precheckFailures: findings(view.precheckFailures),
    risks: findings(view.risks),
    notChecked: view.notChecked,
    // A count, and the checks themselves only in the verbose view, as in text and Markdown.
    notApplicable: { count: view.notApplicable.length, ...(context.verbose ? { checks: view.notApplicable } : {}) },
    redaction: context.redaction,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function bundleLine(report: Report): string {
  const bundle = report.bundle;
  return [
    `Harvester ${bundle.harvesterVersion ?? 'version unknown'}`,
    `Kubernetes ${bundle.kubernetesVersion ?? 'unknown'}`,
    plural(bundle.nodes.length, 'node'),
    `bundle created ${bundle.createdAt ?? 'at an unknown time'}`,
  ].join(' · ');
}
