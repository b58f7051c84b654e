import type { EventGroup, Finding, FindingLink, Report } from './report-types.js';
import type { RedactionInfo } from './render-options.js';
import { overviewFacts } from './describe-sections.js';
import { plural } from './plural.js';

/**
 * The sentences every human-readable format shares (headline, counts, bundle facts, redaction
 * note), written once so that text, Markdown and HTML never disagree about what a report says.
 */

export type Status = Finding['status'];
export const STATUSES: readonly Status[] = ['fail', 'warn', 'info', 'pass'];
export const STATUS_SYMBOL: Record<Status, string> = { fail: '✖', warn: '⚠', info: 'ℹ', pass: '✔' };
export const STATUS_HEADING: Record<Status, string> = { fail: 'Failed', warn: 'Warnings', info: 'Information', pass: 'Passed' };

/** The finding the summary names as the root cause (the headline), if any. */
export function headlineFinding(report: Report): Finding | undefined {
  const problems = report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn');
  const { headline, headlineFingerprint } = report.summary;
  return (
    problems.find((finding) => finding.ruleId === headline && (!headlineFingerprint || finding.fingerprint === headlineFingerprint)) ??
    problems.find((finding) => finding.ruleId === headline) ??
    problems[0]
  );
}

/** One side of a causal link, for every format: the rule ids, each once, in order. */
export interface LinkLine {
  label: 'caused by' | 'explains';
  links: FindingLink[];
  /** `caused by a, b` / `explains c` */
  text: string;
}

/** "caused by …" and "explains …" of a finding (empty when it has no links). */
export function linkLines(finding: Finding): LinkLine[] {
  const lines: LinkLine[] = [];
  for (const [label, links] of [['caused by', finding.causedBy], ['explains', finding.explains]] as const) {
    if (!links?.length) continue;
    const ids = [...new Set(links.map((link) => link.ruleId))];
    lines.push({ label, links: [...links], text: `${label} ${ids.join(', ')}` });
  }
  return lines;
}

/** The finding a link points at, in the same report. */
export function linkedFinding(report: Report, link: FindingLink): Finding | undefined {
  return report.findings.find((finding) => finding.ruleId === link.ruleId && finding.fingerprint === link.fingerprint);
}

/** "No problems found: 0 fail, 0 warn; N rules passed, M skipped" — said plainly when there is nothing to fix. */
export function noProblemsSentence(report: Report): string {
  const { pass, info, skipped, errors } = report.summary;
  const extras = [`${pass} ${pass === 1 ? 'rule' : 'rules'} passed`, ...(info > 0 ? [`${info} info`] : []), `${skipped} skipped`, ...(errors > 0 ? [`${plural(errors, 'rule error')}`] : [])];
  return `No problems found: 0 fail, 0 warn; ${extras.join(', ')}`;
}

/** `1 fail · 0 warn · 2 info · 5 pass · 3 skipped · 0 errors` */
export function countsLine(report: Report, separator = ' · '): string {
  const { fail, warn, info, pass, skipped, errors } = report.summary;
  return [`${fail} fail`, `${warn} warn`, `${info} info`, `${pass} pass`, `${skipped} skipped`, plural(errors, 'error')].join(separator);
}

export interface BundleFact {
  label: string;
  value: string;
}

/** What a support engineer checks first: versions, nodes, when, and what the bundle does not contain. */
export function bundleFacts(report: Report): BundleFact[] {
  const bundle = report.bundle;
  // With an overview, its versions, nodes, counts and health come first (nodes are a table of their own).
  const facts: BundleFact[] = report.overview
    ? [
        ...(bundle.harvesterVersion ? [] : [{ label: 'Harvester', value: 'unknown (not found in this bundle)' }]),
        ...overviewFacts(report),
      ]
    : [
        { label: 'Harvester', value: bundle.harvesterVersion ?? 'unknown (not found in this bundle)' },
        { label: 'Kubernetes', value: bundle.kubernetesVersion ?? 'unknown' },
        { label: 'Nodes', value: bundle.nodes.length > 0 ? `${bundle.nodes.length} (${bundle.nodes.join(', ')})` : 'none listed' },
      ];
  facts.push({ label: 'Created', value: bundle.createdAt ?? 'unknown' }, { label: 'Bundle', value: `${bundle.root || bundle.source} (${bundle.format})` });
  const missing = notCollected(report);
  facts.push({ label: 'Not collected', value: missing.length > 0 ? missing.join('; ') : 'nothing noted' });
  return facts;
}

/** What the bundle lacks, so a skipped rule or a missing finding is read with it in mind. */
export function notCollected(report: Report): string[] {
  const bundle = report.bundle;
  const missing: string[] = [];
  if (bundle.uncollectedNamespaces.length > 0) missing.push(`namespaces ${bundle.uncollectedNamespaces.join(', ')}`);
  if (bundle.nodesWithoutBundle.length > 0) missing.push(`node bundles of ${bundle.nodesWithoutBundle.join(', ')}`);
  if (bundle.oldKit) missing.push('an old support-bundle-kit layout (some files are missing by design)');
  return missing;
}

/** "3 secrets masked; --no-redact to show them", or a warning that nothing was masked on purpose. */
export function redactionNote(redaction: RedactionInfo): string | undefined {
  if (!redaction.applied) return 'Redaction is off: excerpts, messages and commands are shown as they are in the bundle.';
  if (redaction.masked === 0) return undefined;
  return `${plural(redaction.masked, 'secret')} masked; --no-redact to show them`;
}

/** The findings a reader sees in lists: `pass` only when asked for. */
export function visibleFindings(report: Report, includePass: boolean): Finding[] {
  return report.findings.filter((finding) => includePass || finding.status !== 'pass');
}

/** The commands to show on their own: the patch's command is shown with its diff instead. */
export function plainCommands(finding: Finding): string[] {
  const remediation = finding.remediation;
  if (!remediation) return [];
  return remediation.commands.filter((command) => command !== remediation.patch?.command);
}

/**
 * One group of Warning events, as every format says it: `BackOff ×397 on Pod ns/name (first
 * 2025-03-12T07:42:07Z, last 2025-03-12T09:13:07Z, kubelet): Back-off restarting failed container…`.
 */
export function eventSentence(group: EventGroup): string {
  const times = [group.firstTimestamp && `first ${group.firstTimestamp}`, group.lastTimestamp && group.lastTimestamp !== group.firstTimestamp && `last ${group.lastTimestamp}`, group.source].filter(Boolean);
  return `${group.reason} ×${group.count} on ${objectLabel(group.object)}${times.length > 0 ? ` (${times.join(', ')})` : ''}: ${group.message}`;
}

/** `ManagedChart fleet-local/harvester` */
export function objectLabel(ref: { kind: string; namespace?: string; name: string }): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

export { plural } from './plural.js';
