import { pageLinks } from '../../browse/browse-links.js';
import type { LogPage } from '../../http/browse-schemas.js';
import type { AnalysisRecord } from '../../store/records.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { breadcrumbs } from './object-pages.js';

/** The filters of a log page, as its form and links carry them. */
export interface LogFilters {
  grep?: string;
  since?: string;
  tail?: number;
}

/**
 * A page of a pod's or a node's log: the logs to choose from, `--grep` / `--since` / tail, and
 * the lines with their path:line. Lines are the API's (redacted).
 */
export function logPage(analysis: AnalysisRecord, log: LogPage, filters: LogFilters, limit: number, signedInAs: string | null): string {
  const { source } = log;
  const isPod = source.kind === 'pod';
  const subject = isPod ? `pod ${source.namespace}/${source.pod}` : `node ${source.node}`;
  const here = (query: Record<string, string | number | boolean | undefined>) =>
    isPod ? pageLinks.podLog(analysis.id, source.namespace!, source.pod!, { container: source.container ?? undefined, previous: source.previous, ...query }) : pageLinks.nodeLog(analysis.id, source.node!, { file: source.file ?? undefined, previous: source.previous, ...query });
  const chosen = isPod ? `${source.container ?? ''}${source.previous ? ' (previous run)' : ''}` : source.file ? `${source.file}${source.previous ? ' (previous)' : ''}` : '';
  const choices = log.logs.map((choice) => (choice.label === chosen ? html`<strong>${choice.label}</strong>` : html`<a href="${choice.links.page}">${choice.label}</a>`));
  const objectPage = isPod ? pageLinks.object(analysis.id, 'pods', source.namespace, source.pod!) : pageLinks.object(analysis.id, 'nodes', undefined, source.node!);
  const hasLog = log.files.length > 0;
  const form = hasLog
    ? html`<form id="log-filters" class="card filters" method="get" action="${isPod ? pageLinks.podLog(analysis.id, source.namespace!, source.pod!) : pageLinks.nodeLog(analysis.id, source.node!)}">
  ${isPod && source.container ? html`<input type="hidden" name="container" value="${source.container}">` : ''}
  ${!isPod && source.file ? html`<input type="hidden" name="file" value="${source.file}">` : ''}
  ${source.previous ? html`<input type="hidden" name="previous" value="true">` : ''}
  <label>Grep (RE2)<input type="text" name="grep" value="${filters.grep ?? ''}" placeholder="level=(error|fatal)" size="28"></label>
  <label>Since<input type="text" name="since" value="${filters.since ?? ''}" placeholder="2h, or 2025-03-12T08:00:00Z" size="20"></label>
  <label>Last lines<input type="text" name="tail" value="${filters.tail ?? ''}" placeholder="all" size="6" inputmode="numeric"></label>
  <button class="primary" type="submit">Filter</button>
</form>`
    : html``;
  const lines = log.lines.map(
    (line) =>
      html`<tr><td class="place"><code>${line.path.slice(line.path.lastIndexOf('/') + 1)}:${line.line}</code></td><td class="time">${line.time ? line.time.replace('T', ' ').replace(/Z$/, '') : ''}</td><td class="text">${line.text}${line.truncated ? html` <span class="note">(line cut)</span>` : ''}</td></tr>`,
  );
  const query = { grep: filters.grep, since: filters.since };
  const pager = html`<nav class="pager">
  ${log.offset > 0 && filters.tail === undefined ? html`<a href="${here({ ...query, offset: Math.max(0, log.offset - limit) })}">← Earlier</a>` : ''}
  ${log.nextOffset !== null ? html`<a id="next-lines" href="${here({ ...query, offset: log.nextOffset })}">Later →</a>` : ''}
  ${hasLog && filters.tail === undefined ? html`<a href="${here({ ...query, tail: limit })}">Last ${limit} lines</a>` : ''}
</nav>`;
  const body = html`${breadcrumbs(analysis, [
    ['Objects', pageLinks.kinds(analysis.id)],
    [isPod ? 'pods' : 'nodes', pageLinks.table(analysis.id, isPod ? 'pods' : 'nodes', isPod ? { namespace: source.namespace } : {})],
    [isPod ? source.pod! : source.node!, objectPage],
    ['Logs', null],
  ])}
<h1>Logs of ${subject}</h1>
<p id="log-choices">${choices.length === 0 ? html`<span class="note">The bundle has no logs of this ${isPod ? 'pod' : 'node'}.</span>` : choices.map((choice, index) => html`${index > 0 ? ' · ' : ''}${choice}`)}</p>
${log.notes.map((note) => html`<p class="note">${note}</p>`)}
${form}
${hasLog ? html`<p class="note">From <code>${log.files.join(', ')}</code>${log.masked > 0 ? ` · ${log.masked} secrets masked` : ''}</p>` : ''}
${hasLog && log.lines.length === 0 ? html`<p id="no-lines">No line matches.</p>` : ''}
${log.lines.length > 0 ? html`<table id="log-lines" class="log"><tbody>${lines}</tbody></table>` : ''}
${pager}`;
  return page({ title: `Logs of ${subject} · ${analysis.fileName}`, signedInAs, section: 'analyses' }, body);
}
