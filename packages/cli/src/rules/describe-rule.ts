import type { Rule } from '@bundle-triage/rules';

/** What `rules list --json` gives for each rule: its identity, not its logic. */
export interface RuleSummary {
  id: string;
  signature: string | null;
  title: string;
  severity: string;
  component: string;
  tags: string[];
  kind: Rule['kind'];
  versions: string | null;
  source: string | null;
}

export function summarizeRule(rule: Rule): RuleSummary {
  return {
    id: rule.id,
    signature: rule.signature ?? null,
    title: rule.title,
    severity: rule.severity,
    component: rule.component,
    tags: rule.tags ?? [],
    kind: rule.kind,
    versions: rule.versions ?? null,
    source: rule.kind === 'declarative' ? (rule.source ?? null) : null,
  };
}

/** Rules as an aligned table, one per line; the title is cut to the terminal width, if any. */
export function ruleTable(rules: readonly Rule[], width: number | undefined): string {
  const header = ['ID', 'SIG', 'SEVERITY', 'COMPONENT', 'TITLE'];
  const rows = rules.map((rule) => [rule.id, rule.signature ?? '-', rule.severity, rule.component, rule.title]);
  const widths = header.slice(0, -1).map((_, column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => {
    const text = row.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]!) : cell)).join('  ');
    return width && text.length > width ? `${text.slice(0, width - 1)}…` : text;
  };
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/** Everything a reader of `rules show` needs to judge a finding of this rule. */
export function ruleDetails(rule: Rule): string {
  const lines = [`${rule.id}${rule.signature ? ` (${rule.signature})` : ''}`, rule.title, ''];
  lines.push(`severity:   ${rule.severity}`, `component:  ${rule.component}`);
  if (rule.tags?.length) lines.push(`tags:       ${rule.tags.join(', ')}`);
  if (rule.versions) lines.push(`versions:   ${rule.versions}`);
  if (rule.appliesTo?.harvester) lines.push(`applies to: Harvester ${rule.appliesTo.harvester}`);
  lines.push(`source:     ${rule.kind === 'declarative' ? (rule.source ?? 'declarative rule') : 'built-in code rule'}`);
  if (rule.description) lines.push('', rule.description.trim());
  if (rule.kind === 'declarative' && rule.remediation) {
    lines.push('', `Fix: ${rule.remediation.summary.trim()}`);
    for (const step of rule.remediation.steps ?? []) lines.push(`  - ${step}`);
  }
  if (rule.references?.length) {
    lines.push('', 'References:');
    for (const reference of rule.references) lines.push(`  - ${reference.title}: ${reference.url}`);
  }
  return `${lines.join('\n')}\n`;
}
