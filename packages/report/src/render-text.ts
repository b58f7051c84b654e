import type { Finding, Report } from './report-types.js';
import { stylist, type StyleName, type Stylist } from './ansi-style.js';
import {
  bundleFacts,
  countsLine,
  eventSentence,
  headlineFinding,
  linkLines,
  noProblemsSentence,
  objectLabel,
  plainCommands,
  plural,
  redactionNote,
  STATUS_SYMBOL,
  visibleFindings,
  type Status,
} from './describe-report.js';
import { entrySource, entryTime, isOwn, levelWord, nodeRows, patternsHeading, templateCounts, templateSpan, templatesOf, timeMarkNotes, unexplainedTemplates, windowOf } from './describe-sections.js';
import type { RenderContext } from './render-options.js';
import { wrapText } from './wrap-text.js';

const FACT_LABEL_WIDTH = 15;
const STATUS_STYLE: Record<Status, StyleName[]> = { fail: ['red', 'bold'], warn: ['yellow', 'bold'], info: ['cyan'], pass: ['green'] };

/**
 * The terminal rendering: compact, headline first, then the bundle facts and each finding with its
 * evidence and fix. Prose wraps to the width; excerpts, commands and diffs never wrap (they are
 * copied). Bundle text is stripped of control characters so a log line cannot drive the terminal.
 */
export function renderText(report: Report, context: RenderContext): string {
  const style = stylist(context.color);
  const lines: string[] = [];
  const headline = headlineFinding(report);
  if (headline) {
    lines.push(...wrapText(`${STATUS_SYMBOL[headline.status]} ${headline.status.toUpperCase()} ${headline.severity} ${headline.ruleId} — ${terminalSafe(headline.message)}`, context.width, '').map((line, index) => (index === 0 ? style(line, ...STATUS_STYLE[headline.status]) : `  ${line}`)));
  } else {
    lines.push(style(`${STATUS_SYMBOL.pass} ${noProblemsSentence(report)}`, 'green', 'bold'));
  }
  const note = redactionNote(context.redaction);
  if (note) lines.push(style(note, 'magenta'));
  lines.push('');

  const facts = [...bundleFacts(report), { label: 'Summary', value: countsLine(report) }];
  for (const fact of facts) {
    const [first, ...rest] = wrapText(terminalSafe(fact.value), context.width, ' '.repeat(FACT_LABEL_WIDTH));
    lines.push(`${style(fact.label.padEnd(FACT_LABEL_WIDTH), 'bold')}${first!.trimStart()}`, ...rest);
    if (fact.label === 'Nodes' && report.overview) lines.push(...nodeLines(report.overview).map((line) => `${' '.repeat(FACT_LABEL_WIDTH)}${line}`));
  }

  for (const finding of visibleFindings(report, context.includePass)) {
    lines.push('', ...renderTextFinding(finding, context, style, report));
  }
  if (report.patterns) lines.push('', ...renderTextPatterns(report, context, style));
  const marks = timeMarkNotes(shownTimes(report, context));
  // The legend is prose: it wraps like the rest, continuation lines under the words after the mark.
  if (marks.length > 0) lines.push('', ...marks.flatMap((note) => wrapText(note, context.width, '  ').map((line, index) => style(index === 0 ? line.slice(2) : line, 'dim'))));

  const notRun = report.summary.skipped + report.summary.errors;
  if (notRun > 0 || report.diagnostics.length > 0) {
    lines.push('');
    if (context.verbose) lines.push(...renderNotRun(report, context, style));
    else {
      const parts = [`${report.summary.skipped} skipped`, plural(report.summary.errors, 'rule error'), ...(report.diagnostics.length > 0 ? [plural(report.diagnostics.length, 'diagnostic')] : [])];
      lines.push(style(`${parts.join(', ')} — --verbose lists them`, 'dim'));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One finding as text lines: status, title, message, evidence, Warning events, fix, patch, references, its log patterns and what happened before it. */
export function renderTextFinding(finding: Finding, context: RenderContext, style: Stylist, report?: Report): string[] {
  const lines: string[] = [];
  const width = context.width;
  lines.push(`${style(`${STATUS_SYMBOL[finding.status]} ${finding.status.toUpperCase()}`, ...STATUS_STYLE[finding.status])} ${finding.severity}  ${style(finding.ruleId, 'bold')}  ${style(`[${finding.component}]`, 'dim')}`);
  lines.push(...wrapText(terminalSafe(finding.title), width, '  ').map((line) => style(line, 'bold')));
  lines.push(...wrapText(terminalSafe(finding.message), width, '  '));
  // The engine's message already ends "(explained by …)"; the line is for a message that does not say it.
  if (finding.coveredBy && !finding.message.endsWith(`(explained by ${finding.coveredBy})`)) lines.push(style(`  explained by ${finding.coveredBy}`, 'dim'));
  for (const link of linkLines(finding)) lines.push(...wrapText(link.text, width, '  ').map((line) => style(line, 'bold')));

  if (finding.evidence.length > 0) {
    lines.push('  Evidence:');
    for (const item of finding.evidence) {
      lines.push(`    ${style(`${terminalSafe(item.path)}:${item.line}`, 'blue')}`);
      lines.push(`      ${style(`${item.line} │`, 'dim')} ${terminalSafe(item.excerpt)}`);
    }
  }

  if (finding.events?.length) {
    lines.push('  Warning events:');
    for (const group of finding.events) {
      lines.push(...wrapText(terminalSafe(eventSentence(group)), width, '    '));
      lines.push(`      ${style(`${terminalSafe(group.path)}:${group.line}`, 'blue')}`);
    }
  }

  const remediation = finding.remediation;
  if (remediation) {
    lines.push(...wrapText(`Fix: ${terminalSafe(remediation.summary)}`, width, '  ').map((line, index) => (index === 0 ? style(line, 'green') : line)));
    remediation.steps.forEach((step, index) => lines.push(...wrapText(`${index + 1}. ${terminalSafe(step)}`, width, '    ').map((line, lineIndex) => (lineIndex === 0 ? line : `   ${line}`))));
    for (const command of plainCommands(finding)) lines.push(`    $ ${terminalSafe(command)}`);
    if (remediation.patch) {
      lines.push(`  Patch (${objectLabel(remediation.patch.target)}):`);
      for (const line of terminalSafe(remediation.patch.diff).replace(/\n$/, '').split('\n')) lines.push(`    ${diffStyle(line, style)}`);
      lines.push(`    $ ${terminalSafe(remediation.patch.command)}`);
    }
  }
  if (finding.references.length > 0) {
    lines.push('  References:');
    for (const reference of finding.references) lines.push(`    ${terminalSafe(reference.title)}`, `      ${style(terminalSafe(reference.url), 'dim')}`);
  }
  if (report) lines.push(...findingContext(report, finding, style));
  return lines;
}

/** Text shows the last entries of a finding's window; Markdown and HTML show all of them. */
const WINDOW_LINES = 8;
const FINDING_TEMPLATES = 3;
const UNEXPLAINED_TEMPLATES = 10;

/** The log templates a finding explains, and the end of its window of the timeline. */
function findingContext(report: Report, finding: Finding, style: Stylist): string[] {
  const lines: string[] = [];
  const templates = templatesOf(report, finding);
  if (templates.length > 0) {
    const shownTemplates = templates.slice(0, FINDING_TEMPLATES);
    lines.push(`  Log patterns (${shownTemplates.length < templates.length ? `the first ${shownTemplates.length} of ${templates.length}; the Markdown and HTML reports list all` : templates.length}):`);
    for (const template of shownTemplates) lines.push(`    ${levelWord(template.level)} ${templateCounts(template)}  ${terminalSafe(template.template)}`, `      ${style(`${terminalSafe(template.sample.path)}:${template.sample.line}`, 'blue')}`);
  }
  const window = windowOf(report, finding);
  if (window.length > 0) {
    const shown = window.slice(-WINDOW_LINES);
    lines.push(`  Before it (${shown.length < window.length ? `the last ${shown.length} of ${window.length}` : window.length} timeline entries${shown.some(isOwn) ? '; ▸ about its own objects' : ''}):`);
    for (const item of shown) lines.push(`   ${isOwn(item) ? '▸' : ' '} ${entryTime(item.entry)} ${levelWord(item.entry.level).padEnd(5)} ${terminalSafe(item.entry.text)}  ${style(`[${terminalSafe(entrySource(item.entry))}]`, 'dim')}`);
  }
  return lines;
}

/** The best-ranked templates no rule explains: where the next rule may come from. */
function renderTextPatterns(report: Report, context: RenderContext, style: Stylist): string[] {
  const unexplained = unexplainedTemplates(report);
  const shown = unexplained.slice(0, UNEXPLAINED_TEMPLATES);
  const lines = wrapText(patternsHeading(report, shown.length), context.width, '').map((line) => style(line, 'bold'));
  if (shown.length === 0) return lines;
  for (const template of shown) {
    // The template's rank among all of them (as `bundle-triage patterns` numbers it), not a list number: explained ones are left out.
    lines.push(`  ${`#${template.rank}`.padStart(4)} ${levelWord(template.level)} ${templateCounts(template)}  ${terminalSafe(template.template)}`);
    lines.push(`       ${style(`${terminalSafe(template.sample.path)}:${template.sample.line}`, 'blue')}${template.first.time ? `  ${templateSpan(template)}` : ''}`);
  }
  return lines;
}

/** The times text shows (window entries, template spans), for the legend of their marks. */
function shownTimes(report: Report, context: RenderContext): { inferred?: 'year' | 'collected' }[] {
  const windows = visibleFindings(report, context.includePass).flatMap((finding) => windowOf(report, finding).slice(-WINDOW_LINES).map((item) => item.entry));
  const templates = [...visibleFindings(report, context.includePass).flatMap((finding) => templatesOf(report, finding).slice(0, FINDING_TEMPLATES)), ...unexplainedTemplates(report).slice(0, UNEXPLAINED_TEMPLATES)];
  return [...windows, ...templates.flatMap((template) => [template.first, template.last])];
}

/** The nodes of the overview, one aligned line each. */
function nodeLines(overview: NonNullable<Report['overview']>): string[] {
  const rows = nodeRows(overview).map((row) => [row.name, row.roles, `${row.ready}${row.cordoned ? ', cordoned' : ''}`, row.kernel, row.os].map(terminalSafe));
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, index) => Math.max(max[index] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  '));
}

function renderNotRun(report: Report, context: RenderContext, style: Stylist): string[] {
  const lines: string[] = [];
  if (report.skipped.length > 0) {
    lines.push(style(`Skipped (${report.skipped.length}):`, 'bold'));
    for (const entry of report.skipped) lines.push(...wrapText(`${entry.ruleId}: ${terminalSafe(entry.reason)}`, context.width, '  '));
  }
  if (report.errors.length > 0) {
    lines.push(style(`Rule errors (${report.errors.length}):`, 'bold'));
    for (const entry of report.errors) lines.push(...wrapText(`${entry.ruleId}: ${terminalSafe(entry.message)}`, context.width, '  '));
  }
  if (report.diagnostics.length > 0) {
    lines.push(style(`Diagnostics (${report.diagnostics.length}):`, 'bold'));
    for (const entry of report.diagnostics) lines.push(...wrapText(`${entry.level} ${entry.path}${entry.line ? `:${entry.line}` : ''}: ${terminalSafe(entry.message)}`, context.width, '  '));
  }
  return lines;
}

function diffStyle(line: string, style: Stylist): string {
  if (line.startsWith('+++') || line.startsWith('---')) return style(line, 'bold');
  if (line.startsWith('+')) return style(line, 'green');
  if (line.startsWith('-')) return style(line, 'red');
  if (line.startsWith('@@')) return style(line, 'cyan');
  return line;
}

/** Control characters from the bundle (ANSI escapes in logs) are shown, not obeyed. */
export function terminalSafe(text: string): string {
  return text.replace(/\u001b/g, '␛').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}
