import type { AnalysisPage, AnalysisQuery } from '../../store/records.js';
import { html, queryString } from '../html.js';
import { bytes, clusterLink, outcomeOf, shortTime, statusBadge } from '../format.js';
import { page } from '../layout.js';

export interface AnalysesPageInput {
  result: AnalysisPage;
  /** The filters as given in the URL (same names as the API's). */
  filters: Record<string, string | undefined>;
  query: AnalysisQuery;
  canUpload: boolean;
  signedInAs: string | null;
}

/** The front page: upload a bundle, and the analyses (filtered like the search API), live. */
export function analysesPage(input: AnalysesPageInput): string {
  const { result, filters, query } = input;
  const field = (name: string, label: string, placeholder = '') =>
    html`<label>${label}<input type="text" name="${name}" value="${filters[name] ?? ''}" placeholder="${placeholder}"></label>`;
  const select = (name: string, label: string, options: string[]) =>
    html`<label>${label}<select name="${name}"><option value="">any</option>${options.map((option) => html`<option${filters[name] === option ? html` selected` : ''}>${option}</option>`)}</select></label>`;
  const pageLink = (offset: number, text: string) => html`<a href="/${queryString({ ...filters, offset })}">${text}</a>`;
  const rows = result.items.map((analysis) => {
    const headline =
      analysis.status === 'done'
        ? (analysis.summary?.headline ?? 'nothing failed')
        : analysis.status === 'error'
          ? (analysis.error?.message ?? 'error')
          : '';
    return html`<tr data-analysis-id="${analysis.id}">
  <td><a href="/analyses/${analysis.id}">${analysis.fileName}</a><div class="note">${bytes(analysis.size)} · ${shortTime(analysis.queuedAt)}</div></td>
  <td>${statusBadge(analysis.status, 'status')} <progress max="1" value="${analysis.progress}"${analysis.status === 'running' ? '' : html` hidden`}></progress></td>
  <td>${analysis.status === 'done' ? statusBadge(outcomeOf(analysis)) : ''}</td>
  <td class="headline-cell">${headline}</td>
  <td>${clusterLink(analysis)}</td>
  <td>${analysis.harvesterVersion ?? '—'}</td>
  <td>${analysis.tickets.join(', ')}${analysis.labels.length > 0 ? html`<div class="note">${analysis.labels.join(', ')}</div>` : ''}</td>
</tr>`;
  });
  const body = html`
<h1>Analyses</h1>
${input.canUpload
    ? html`<form id="upload-form" class="card upload" method="post" action="/api/uploads" enctype="multipart/form-data">
  <label>Ticket<input type="text" name="ticket" placeholder="SUPPORT-1234"></label>
  <label>Labels<input type="text" name="label" placeholder="upgrade, customer-x"></label>
  <label>Support bundle (.zip or .tar.gz)<input type="file" name="bundle" accept=".zip,.gz,.tgz,application/zip,application/gzip" required></label>
  <button class="primary" type="submit">Upload and analyse</button>
  <progress id="upload-progress" max="1" value="0" hidden></progress>
  <span id="upload-status" role="status"></span>
</form>`
    : ''}
<form class="card filters" method="get" action="/">
  ${field('q', 'Headline', 'words')}
  ${field('ticket', 'Ticket')}
  ${field('rule', 'Rule id')}
  ${field('version', 'Harvester version', 'v1.4.1')}
  ${field('cluster', 'Cluster id')}
  ${field('label', 'Label')}
  ${select('status', 'Status', ['queued', 'running', 'done', 'error'])}
  ${select('outcome', 'Outcome', ['fail', 'warn', 'clean'])}
  ${field('from', 'From', '2025-03-01T00:00:00Z')}
  ${field('to', 'To', '2025-03-31T23:59:59Z')}
  <button type="submit">Search</button>
</form>
<p id="new-analyses" class="note" hidden>New analyses arrived: <a href="/${queryString(filters)}">reload</a>.</p>
<p class="note">${result.total} analys${result.total === 1 ? 'is' : 'es'}</p>
<table data-live>
<thead><tr><th>Bundle</th><th>Status</th><th>Outcome</th><th>Headline</th><th>Cluster</th><th>Harvester</th><th>Ticket</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<div class="pager">
  ${query.offset > 0 ? pageLink(Math.max(0, query.offset - query.limit), '← newer') : ''}
  ${query.offset + query.limit < result.total ? pageLink(query.offset + query.limit, 'older →') : ''}
</div>`;
  return page({ title: 'Analyses', signedInAs: input.signedInAs, section: 'analyses' }, body);
}
