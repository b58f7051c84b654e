import {
  entrySource,
  entryTime,
  isOwn,
  levelWord,
  nodeRows,
  overviewFacts,
  templateCounts,
  templateSpan,
  templatesOf,
  timeMarkNotes,
  unexplainedTemplates,
  windowOf,
  type Finding,
  type Report,
  type ReportLogTemplate,
  type ReportTimelineEntry,
} from '@bundle-triage/report';
import type { AnalysisRecord } from '../../store/records.js';
import { html, type Html } from '../html.js';

/**
 * The report's parts beside the findings — the overview, each finding's causes, log patterns and
 * window of the timeline, the log patterns no rule explains, the timeline — in the words every
 * report format uses (the report package's describe helpers). A report stored before these parts
 * existed has none of them: the page then shows the bundle facts every report has.
 */

/** The overview (versions, nodes, counts and states, health); the bundle facts for an older report. */
export function overviewSection(report: Report, analysis: AnalysisRecord): Html {
  const overview = report.overview;
  if (!overview) {
    const bundle = report.bundle;
    return html`<h2>Overview</h2><section class="card"><dl class="facts">
  <dt>Nodes</dt><dd>${bundle.nodes.join(', ') || '—'}${bundle.nodesWithoutBundle.length > 0 ? html` <span class="note">(no node bundle: ${bundle.nodesWithoutBundle.join(', ')})</span>` : ''}</dd>
  <dt>Harvester version from</dt><dd>${bundle.harvesterVersionSource ?? '—'}</dd>
  <dt>Namespaces collected</dt><dd>${bundle.collectedNamespaces.length}</dd>
  <dt>Not collected</dt><dd>${bundle.uncollectedNamespaces.join(', ') || '—'}</dd>
  <dt>Bundle folder</dt><dd><code>${bundle.root || analysis.bundleRoot || '—'}</code></dd>
</dl></section>`;
  }
  const health = overview.health;
  const nodes = nodeRows(overview);
  return html`<h2>Overview</h2><section class="card" id="overview">
<dl class="facts">${overviewFacts(report)
    .filter((fact) => fact.label !== 'Health')
    .map((fact) => html`<dt>${fact.label}</dt><dd>${fact.value}</dd>`)}</dl>
${nodes.length > 0
    ? html`<table class="nodes"><thead><tr><th>Node</th><th>Roles</th><th>Ready</th><th>Cordoned</th><th>Kernel</th><th>OS</th><th>Where</th></tr></thead><tbody>${nodes.map(
        (row) =>
          html`<tr${row.problem || row.cordoned ? html` class="problem"` : ''}><td>${row.name}</td><td>${row.roles}</td><td>${row.ready}</td><td>${row.cordoned ? 'cordoned' : ''}</td><td>${row.kernel}</td><td>${row.os}</td><td><code>${row.where}</code></td></tr>`,
      )}</tbody></table>`
    : ''}
<p><strong>Health</strong>: ${health.fail} fail, ${health.warn} warn${health.findings.length > 0
    ? html` — ${health.findings.map(
        (item, index) =>
          html`${index > 0 ? ', ' : ''}<a href="#finding-${item.fingerprint}">${item.ruleId}</a>${item.causedBy?.length ? html` <span class="note">(caused by ${[...new Set(item.causedBy.map((link) => link.ruleId))].join(', ')})</span>` : ''}`,
      )}${health.more > 0 ? html` <span class="note">and ${health.more} more</span>` : ''}`
    : ''}</p>
</section>`;
}

/** `causedBy` / `explains` of a finding: links to the findings they name, on this page. */
export function relatedFindings(finding: Finding): Html {
  const parts = (['causedBy', 'explains'] as const).flatMap((field) => {
    const links = finding[field] ?? [];
    if (links.length === 0) return [];
    const label = field === 'causedBy' ? 'Caused by' : 'Explains';
    return [html`<p class="note">${label}: ${links.map((link, index) => html`${index > 0 ? ', ' : ''}<a href="#finding-${link.fingerprint}">${link.ruleId}</a>`)}</p>`];
  });
  return html`${parts}`;
}

/** Under a finding: the log templates it explains, and its window of the timeline. */
export function findingContext(report: Report, finding: Finding): Html {
  const templates = templatesOf(report, finding);
  const window = windowOf(report, finding);
  return html`${templates.length > 0 ? html`<h3>Log patterns (${templates.length})</h3><ul class="templates">${templates.map((template) => html`<li>${templateLine(template)}</li>`)}</ul>` : ''}
${window.length > 0
    ? html`<details class="window"><summary>Timeline before it: ${window.length} ${window.length === 1 ? 'entry' : 'entries'}</summary><ol class="entries">${window.map(
        (item) => html`<li class="entry level-${item.entry.level}${isOwn(item) ? ' own' : ''}">${entryBody(item.entry, `timeline-${item.index}`)}</li>`,
      )}</ol></details>`
    : ''}`;
}

/** The timeline as a vertical list grouped by minute; the findings' own entries highlighted. */
export function timelineSection(report: Report): Html {
  const timeline = report.timeline;
  if (!timeline || timeline.entries.length === 0) return html``;
  const own = new Map<number, Finding[]>();
  for (const finding of report.findings) {
    for (const item of windowOf(report, finding)) if (isOwn(item)) own.set(item.index, [...(own.get(item.index) ?? []), finding]);
  }
  const minutes: { minute: string; items: Html[] }[] = [];
  timeline.entries.forEach((entry, index) => {
    const minute = entry.time.slice(0, 16).replace('T', ' ');
    if (minutes.at(-1)?.minute !== minute) minutes.push({ minute, items: [] });
    const findings = [...new Map((own.get(index) ?? []).map((finding) => [finding.fingerprint, finding])).values()];
    minutes.at(-1)!.items.push(
      html`<li id="timeline-${index}" class="entry level-${entry.level}${findings.length > 0 ? ' own' : ''}">${entryBody(entry)}${findings.length > 0
        ? html` <span class="note">↳ ${findings.map((finding, position) => html`${position > 0 ? ', ' : ''}<a href="#finding-${finding.fingerprint}">${finding.ruleId}</a>`)}</span>`
        : ''}</li>`,
    );
  });
  const notes = [...timeMarkNotes(timeline.entries), ...timeline.truncated.map((item) => `capped while reading: ${item.source}: the latest ${item.kept} of ${item.total} kept`), ...timeline.skipped.map((item) => `not used: ${item.source}: ${item.reason}`)];
  return html`<h2 id="timeline">Timeline (${timeline.entries.length})</h2>
<p class="note">The entries of every finding's window${timeline.recentSince ? ` and the latest since ${timeline.recentSince}` : ''}, in UTC; ${timeline.omitted} more the bundle records are not listed (the JSON report has those listed here). Entries about a finding's own objects are highlighted.</p>
<ol class="timeline">${minutes.map((group) => html`<li class="minute"><h3>${group.minute}</h3><ol class="entries">${group.items}</ol></li>`)}</ol>
${notes.length > 0 ? html`<details><summary class="note">Notes (${notes.length})</summary><ul class="note">${notes.map((note) => html`<li>${note}</li>`)}</ul></details>` : ''}`;
}

/** The templates no rule explains, then those findings explain (folded). */
export function patternsSection(report: Report): Html {
  const patterns = report.patterns;
  if (!patterns) return html``;
  const unexplained = unexplainedTemplates(report);
  const explained = patterns.templates.filter((template) => template.explainedBy.length > 0);
  const table = (templates: readonly ReportLogTemplate[], withLinks: boolean) =>
    html`<table class="templates"><thead><tr><th>Rank</th><th>Level</th><th>Count</th><th>Template</th><th>First … last (UTC)</th>${withLinks ? html`<th>Explained by</th>` : ''}</tr></thead><tbody>${templates.map(
      (template) =>
        html`<tr><td>${template.rank}</td><td>${levelWord(template.level)}</td><td>${templateCounts(template)}</td><td><code>${template.template}</code><br><span class="note">sample <code>${template.sample.path}:${template.sample.line}</code></span></td><td>${templateSpan(template)}</td>${withLinks
          ? html`<td>${template.explainedBy.map((link, index) => html`${index > 0 ? ', ' : ''}<a href="#finding-${link.fingerprint}">${link.ruleId}</a>`)}</td>`
          : ''}</tr>`,
    )}</tbody></table>`;
  return html`<h2 id="patterns">Log patterns not explained by any rule (${unexplained.length} of ${patterns.stats.templates - patterns.stats.explained})</h2>
<p class="note">${patterns.stats.minedLines} warning/error lines in ${patterns.stats.files} logs, grouped into ${patterns.stats.templates} templates; template ids are stable across bundles.</p>
${unexplained.length > 0 ? table(unexplained, false) : html`<p class="note">Every template is explained by a finding.</p>`}
${explained.length > 0 ? html`<details><summary>Explained by findings (${explained.length})</summary>${table(explained, true)}</details>` : ''}`;
}

function entryBody(entry: ReportTimelineEntry, anchor?: string): Html {
  const time = entryTime(entry);
  return html`<span class="when">${anchor ? html`<a href="#${anchor}">${time}</a>` : time}</span> <span class="level">${levelWord(entry.level)}</span> ${entry.text} <code class="where">${entrySource(entry)}</code>`;
}

function templateLine(template: ReportLogTemplate): Html {
  return html`${levelWord(template.level)} ${templateCounts(template)} <code>${template.template}</code> <span class="note"><code>${template.sample.path}:${template.sample.line}</code></span>`;
}
