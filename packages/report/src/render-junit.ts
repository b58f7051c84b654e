import type { Finding, Report } from './report-types.js';
import { countsLine, eventSentence, linkLines, noProblemsSentence, objectLabel, plainCommands, redactionNote, STATUSES } from './describe-report.js';
import { overviewFacts } from './describe-sections.js';
import { escapeMarkup as esc } from './escape-markup.js';
import type { RenderContext } from './render-options.js';

/**
 * JUnit XML for CI dashboards: one test case per rule. A rule that failed or warned is a failure
 * (type `fail` or `warn`) with its evidence and fix in the body; a skipped rule is skipped with its
 * reason; a rule that threw is an error; passed and info-only rules are plain test cases. No
 * timings are written, so the same report gives the same XML.
 */
export function renderJunit(report: Report, context: RenderContext): string {
  const cases: string[] = [];
  let failures = 0;
  const byRule = new Map<string, Finding[]>();
  for (const finding of report.findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);

  for (const [ruleId, findings] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const worst = STATUSES.find((status) => findings.some((finding) => finding.status === status))!;
    const component = findings[0]!.component;
    const open = `    <testcase classname="${esc(component)}" name="${esc(ruleId)}">`;
    if (worst === 'fail' || worst === 'warn') {
      failures += 1;
      const problems = findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn');
      const first = problems[0]!;
      cases.push(open, `      <failure message="${esc(first.message)}" type="${worst}">${esc(problems.map(failureBody).join('\n\n'))}</failure>`, '    </testcase>');
    } else if (worst === 'info') {
      cases.push(open, `      <system-out>${esc(findings.map((finding) => [`info: ${finding.message}`, ...linkLines(finding).map((link) => `  ${link.text}`)].join('\n')).join('\n'))}</system-out>`, '    </testcase>');
    } else {
      cases.push(`${open.slice(0, -1)} />`);
    }
  }
  for (const entry of report.skipped) {
    cases.push(`    <testcase classname="skipped" name="${esc(entry.ruleId)}">`, `      <skipped message="${esc(entry.reason)}" />`, '    </testcase>');
  }
  for (const entry of report.errors) {
    cases.push(`    <testcase classname="error" name="${esc(entry.ruleId)}">`, `      <error message="${esc(entry.message)}" type="rule-error">${esc(entry.message)}</error>`, '    </testcase>');
  }

  const tests = byRule.size + report.skipped.length + report.errors.length;
  const counts = `tests="${tests}" failures="${failures}" skipped="${report.skipped.length}" errors="${report.errors.length}"`;
  const note = redactionNote(context.redaction);
  const hasProblems = report.summary.fail + report.summary.warn > 0;
  const properties = [
    ['summary', hasProblems ? countsLine(report, ', ') : noProblemsSentence(report)],
    ['harvesterVersion', report.bundle.harvesterVersion ?? 'unknown'],
    ['kubernetesVersion', report.bundle.kubernetesVersion ?? 'unknown'],
    ['bundle', report.bundle.root || report.bundle.source],
    ['createdAt', report.bundle.createdAt ?? 'unknown'],
    ['toolVersion', report.tool.version],
    // The overview and the log patterns, as a dashboard reads them: one value each.
    ...overviewFacts(report).map((fact) => [`overview.${fact.label.toLowerCase().replace(/ (\w)/g, (_match, letter: string) => letter.toUpperCase())}`, fact.value]),
    ...(report.patterns
      ? [['patterns', `${report.patterns.stats.templates - report.patterns.stats.explained} of ${report.patterns.stats.templates} log templates not explained by any rule (${report.patterns.stats.minedLines} warning/error lines in ${report.patterns.stats.files} logs)`]]
      : []),
    ...(report.timeline ? [['timeline', `${report.timeline.entries.length} entries listed, ${report.timeline.omitted} not listed`]] : []),
    ...(note ? [['redaction', note]] : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bundle-triage" ${counts}>`,
    `  <testsuite name="bundle-triage" ${counts}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${esc(name!)}" value="${esc(value!)}" />`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function failureBody(finding: Finding): string {
  const lines = [`${finding.status.toUpperCase()} ${finding.severity}: ${finding.message}`, ...linkLines(finding).map((link) => `  ${link.text}`)];
  for (const item of finding.evidence) lines.push(`  at ${item.path}:${item.line}${item.object ? ` (${objectLabel(item.object)})` : ''}`, `    ${item.excerpt}`);
  for (const group of finding.events ?? []) lines.push(`  event ${eventSentence(group)}`, `    at ${group.path}:${group.line}`);
  const remediation = finding.remediation;
  if (remediation) {
    lines.push(`Fix: ${remediation.summary}`);
    remediation.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
    for (const command of plainCommands(finding)) lines.push(`  $ ${command}`);
    if (remediation.patch) lines.push(`Patch for ${objectLabel(remediation.patch.target)}:`, remediation.patch.diff.replace(/\n$/, ''), `  $ ${remediation.patch.command}`);
  }
  return lines.join('\n');
}
