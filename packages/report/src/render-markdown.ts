import type { Finding, Report } from './report-types.js';
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
  STATUS_HEADING,
  STATUS_SYMBOL,
  STATUSES,
  visibleFindings,
} from './describe-report.js';
import { entrySource, entryTime, isOwn, levelWord, nodeRows, patternsHeading, templateCounts, templateSpan, templatesOf, timeMarkNotes, unexplainedTemplates, windowOf } from './describe-sections.js';
import { withoutInvalidXmlChars } from './escape-markup.js';
import type { RenderContext } from './render-options.js';

/**
 * Markdown to paste into a ticket (GitHub-flavoured): the headline, the bundle facts, findings by
 * status with evidence as `path:line` and a fenced excerpt, the fix in fenced blocks and the patch
 * as a `diff` block; skipped rules and errors folded into a table at the end. Text from the bundle
 * is escaped, so a message cannot become a link, an image or HTML in the ticket.
 */
export function renderMarkdown(report: Report, context: RenderContext): string {
  const out: string[] = [];
  const headline = headlineFinding(report);
  out.push(`# bundle-triage: ${headline ? `${STATUS_SYMBOL[headline.status]} ${inline(headline.title)}` : `${STATUS_SYMBOL.pass} no problems found`}`, '');
  out.push(headline ? `**${STATUS_SYMBOL[headline.status]} ${headline.status.toUpperCase()} (${headline.severity}): ${inline(headline.message)}**` : `**${inline(noProblemsSentence(report))}**`, '');
  const note = redactionNote(context.redaction);
  if (note) out.push(`> ${inline(note)}`, '');

  out.push('| Bundle | |', '| --- | --- |');
  for (const fact of bundleFacts(report)) out.push(`| ${fact.label} | ${cell(fact.value)} |`);
  out.push(`| Summary | ${countsLine(report)} |`, '');
  if (report.overview && report.overview.nodes.length > 0) {
    out.push('| Node | Roles | Ready | Cordoned | Kernel | OS | Where |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const row of nodeRows(report.overview)) out.push(`| ${cell(row.name)} | ${cell(row.roles)} | ${row.problem ? `**${cell(row.ready)}**` : cell(row.ready)} | ${row.cordoned ? '**yes**' : 'no'} | ${cell(row.kernel)} | ${cell(row.os)} | ${cellCode(row.where)} |`);
    out.push('');
  }

  const findings = visibleFindings(report, context.includePass);
  for (const status of STATUSES) {
    const group = findings.filter((finding) => finding.status === status);
    if (group.length === 0) continue;
    out.push(`## ${STATUS_SYMBOL[status]} ${STATUS_HEADING[status]} (${group.length})`, '');
    for (const finding of group) out.push(...renderMarkdownFinding(finding, report));
  }
  if (findings.length === 0) out.push('## Findings', '', paragraph(noProblemsSentence(report)), '');
  if (report.patterns) out.push(...renderMarkdownPatterns(report));

  out.push(...renderNotRun(report));
  out.push(`<sub>bundle-triage ${inline(report.tool.version)}, report schemaVersion ${report.schemaVersion}</sub>`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** One finding as Markdown lines, under a `###` heading (with the report: its log patterns and its window of the timeline). */
export function renderMarkdownFinding(finding: Finding, report?: Report): string[] {
  const out: string[] = [];
  out.push(`### ${inline(finding.title)}`, '');
  out.push(`\`${finding.ruleId}\` · ${finding.status} · ${finding.severity} · ${inline(finding.component)}${finding.coveredBy ? ` · explained by \`${finding.coveredBy}\`` : ''}`, '');
  out.push(paragraph(finding.message), '');
  for (const link of linkLines(finding)) out.push(`${link.label} ${[...new Set(link.links.map((item) => item.ruleId))].map((id) => `\`${id}\``).join(', ')}`, '');
  if (finding.evidence.length > 0) {
    out.push('**Evidence**', '');
    for (const item of finding.evidence) {
      out.push(`- ${code(`${item.path}:${item.line}`)}${item.object ? ` (${inline(objectLabel(item.object))})` : ''}`, '');
      out.push(...fenced(item.excerpt, /\.ya?ml$/.test(item.path) ? 'yaml' : 'text', '  '), '');
    }
  }
  if (finding.events?.length) {
    out.push('**Warning events**', '');
    for (const group of finding.events) out.push(`- ${inline(eventSentence(group))} — ${code(`${group.path}:${group.line}`)}`);
    out.push('');
  }
  const remediation = finding.remediation;
  if (remediation) {
    out.push(`**Fix:** ${inline(remediation.summary)}`, '');
    remediation.steps.forEach((step, index) => out.push(`${index + 1}. ${inline(step)}`));
    if (remediation.steps.length > 0) out.push('');
    for (const command of plainCommands(finding)) out.push(...fenced(command, 'sh'), '');
    if (remediation.patch) {
      out.push(`**Patch** for ${inline(objectLabel(remediation.patch.target))}:`, '');
      out.push(...fenced(remediation.patch.diff.replace(/\n$/, ''), 'diff'), '');
      out.push(...fenced(remediation.patch.command, 'sh'), '');
    }
  }
  if (finding.references.length > 0) {
    out.push('**References**', '');
    for (const reference of finding.references) out.push(`- [${inline(reference.title)}](${linkTarget(reference.url)})`);
    out.push('');
  }
  if (report) out.push(...findingContext(report, finding));
  return out;
}

/** The log templates a finding explains, and its whole window of the timeline (folded). */
function findingContext(report: Report, finding: Finding): string[] {
  const out: string[] = [];
  const templates = templatesOf(report, finding);
  if (templates.length > 0) {
    out.push(`**Log patterns** (${templates.length})`, '');
    for (const template of templates) out.push(`- ${levelWord(template.level)} ${templateCounts(template)} ${code(template.template)} — ${code(`${template.sample.path}:${template.sample.line}`)}`);
    out.push('');
  }
  const window = windowOf(report, finding);
  if (window.length > 0) {
    out.push(`<details><summary>Timeline before it: ${window.length} ${window.length === 1 ? 'entry' : 'entries'}${window.some(isOwn) ? ', its own in bold' : ''}</summary>`, '');
    out.push('| Time (UTC) | Level | What happened | Where |', '| --- | --- | --- | --- |');
    for (const item of window) {
      const what = cell(item.entry.text);
      out.push(`| ${cellCode(entryTime(item.entry))} | ${levelWord(item.entry.level)} | ${isOwn(item) ? `**${what}**` : what} | ${cellCode(entrySource(item.entry))} |`);
    }
    const notes = timeMarkNotes(window.map((item) => item.entry));
    out.push('', ...(notes.length > 0 ? [notes.map(inline).join('; '), ''] : []), '</details>', '');
  }
  return out;
}


/** Text and Markdown list the ten best-ranked templates no rule explains; HTML and JSON more. */
const UNEXPLAINED_TEMPLATES = 10;

function renderMarkdownPatterns(report: Report): string[] {
  const shown = unexplainedTemplates(report).slice(0, UNEXPLAINED_TEMPLATES);
  const out = [`## ${inline(patternsHeading(report, shown.length))}`, ''];
  if (shown.length === 0) return out;
  out.push('| Rank | Level | Count | Template | Sample | First … last (UTC) |', '| --- | --- | --- | --- | --- | --- |');
  for (const template of shown) {
    const span = templateSpan(template);
    out.push(`| ${template.rank} | ${levelWord(template.level)} | ${cell(templateCounts(template))} | ${cellCode(template.template)} | ${cellCode(`${template.sample.path}:${template.sample.line}`)} | ${cell(span)} |`);
  }
  const notes = timeMarkNotes(shown.flatMap((template) => [template.first, template.last]));
  out.push('', ...(notes.length > 0 ? [notes.map(inline).join('; '), ''] : []));
  return out;
}

function renderNotRun(report: Report): string[] {
  const rows = [
    ...report.skipped.map((entry) => `| \`${entry.ruleId}\` | skipped | ${cell(entry.reason)} |`),
    ...report.errors.map((entry) => `| \`${entry.ruleId}\` | error | ${cell(entry.message)} |`),
    ...report.diagnostics.map((entry) => `| ${code(`${entry.path}${entry.line ? `:${entry.line}` : ''}`)} | ${entry.level} | ${cell(entry.message)} |`),
  ];
  if (rows.length === 0) return [];
  const what = [`${report.skipped.length} skipped`, plural(report.errors.length, 'error'), ...(report.diagnostics.length > 0 ? [plural(report.diagnostics.length, 'diagnostic')] : [])].join(', ');
  return ['## Not checked', '', `<details><summary>${what}</summary>`, '', '| Rule / file | Outcome | Reason |', '| --- | --- | --- |', ...rows, '', '</details>', ''];
}

/**
 * Escapes the characters that would make bundle text into Markdown structure or HTML. An underscore
 * inside a word (`snake_case`, bundle names) cannot start emphasis in GFM, so it is left readable.
 */
export function inline(text: string): string {
  return withoutInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*[\]<>|]/g, (char) => `\\${char}`)
    .replace(/_/g, (char, offset: number, whole: string) => (/[A-Za-z0-9]/.test(whole[offset - 1] ?? '') && /[A-Za-z0-9]/.test(whole[offset + 1] ?? '') ? char : `\\${char}`))
    .replace(/\r?\n/g, ' ');
}

/** Inline text that starts a block: a leading `#`, `>`, `-` or `1.` must not become a heading, quote or list. */
function paragraph(text: string): string {
  return inline(text)
    .replace(/^[#>+=-]/, (start) => `\\${start}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function cell(text: string): string {
  return inline(text);
}

/** Inline code in a table cell: a `|` would end the cell, a line break the row. */
function cellCode(raw: string): string {
  return code(raw.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

/** Inline code that survives backticks in the content. */
function code(raw: string): string {
  const text = withoutInvalidXmlChars(raw);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
function fenced(raw: string, language: string, indent = ''): string[] {
  const text = withoutInvalidXmlChars(raw);
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, ...text.split('\n'), fence].map((line) => `${indent}${line}`);
}

/** Only http(s) links; parentheses and spaces are percent-encoded so the link cannot break out. */
function linkTarget(url: string): string {
  return /^https?:\/\//i.test(url) ? url.replace(/[()\s<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) : '#';
}
