import { stringify } from 'yaml';
import { pageLinks } from '../../browse/browse-links.js';
import type { BundleKinds, ObjectDescription, ObjectTable, ResourceTypeBody } from '../../http/browse-schemas.js';
import type { AnalysisRecord } from '../../store/records.js';
import { statusBadge } from '../format.js';
import { html, type Html } from '../html.js';
import { page } from '../layout.js';

/**
 * The object browser's pages: the kinds a bundle holds, one kind's objects with kubectl's
 * columns, one object described (and as YAML). They render the API's answers (redacted
 * already), so a page never shows more than the API would.
 */

/** The filters of a listing, as the form and the links carry them. */
export interface TableFilters {
  type?: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  wide?: boolean;
}

/** Where the page is, from the analysis down: each step a link but the last. */
export function breadcrumbs(analysis: AnalysisRecord, steps: [label: string, href: string | null][]): Html {
  const all: [string, string | null][] = [[analysis.fileName, `/analyses/${analysis.id}`], ...steps];
  return html`<nav class="crumbs" aria-label="Where you are">${all.map(([label, href], index) => html`${index > 0 ? html` <span class="muted">/</span> ` : ''}${href ? html`<a href="${href}">${label}</a>` : html`<span>${label}</span>`}`)}</nav>`;
}

/** The kind picker, namespace filter and selectors: a plain GET form (the server redirects to the kind's page). */
export function filterForm(analysisId: string, kinds: BundleKinds, filters: TableFilters): Html {
  const groups = new Map<string, ResourceTypeBody[]>();
  for (const type of kinds.types) groups.set(type.group || 'core', [...(groups.get(type.group || 'core') ?? []), type]);
  const option = (type: ResourceTypeBody) =>
    html`<option value="${type.name}"${filters.type === type.name ? html` selected` : ''}>${type.name}${type.shortNames.length > 0 ? ` (${type.shortNames.join(', ')})` : ''}</option>`;
  return html`<form id="object-filters" class="card filters" method="get" action="${pageLinks.kinds(analysisId)}">
  <label>Kind<select name="type" required>${filters.type ? '' : html`<option value="">choose…</option>`}${[...groups].map(([group, types]) => html`<optgroup label="${group}">${types.map(option)}</optgroup>`)}</select></label>
  <label>Namespace<select name="namespace"><option value="">all namespaces</option>${kinds.namespaces.map((namespace) => html`<option${filters.namespace === namespace ? html` selected` : ''}>${namespace}</option>`)}</select></label>
  <label>Label selector<input type="text" name="labelSelector" value="${filters.labelSelector ?? ''}" placeholder="app=longhorn-manager" size="22"></label>
  <label>Field selector<input type="text" name="fieldSelector" value="${filters.fieldSelector ?? ''}" placeholder="status.phase!=Running" size="22"></label>
  <label class="inline"><input type="checkbox" name="wide" value="true"${filters.wide ? html` checked` : ''}> wide</label>
  <button class="primary" type="submit">Get</button>
</form>`;
}

export function kindsPage(analysis: AnalysisRecord, kinds: BundleKinds, signedInAs: string | null): string {
  const rows = kinds.types.map(
    (type) =>
      html`<tr><td><a href="${pageLinks.table(analysis.id, type.name)}">${type.name}</a></td><td>${type.shortNames.join(',')}</td><td>${type.group ? `${type.group}/${type.version ?? ''}` : (type.version ?? '')}</td><td>${type.namespaced ? 'true' : 'false'}</td><td>${type.kind}</td><td>${type.files}</td></tr>`,
  );
  const body = html`${breadcrumbs(analysis, [['Objects', null]])}
<h1>Objects in the bundle</h1>
${filterForm(analysis.id, kinds, {})}
${kinds.uncollectedNamespaces.length > 0 ? html`<p class="note">Namespaces of the cluster the bundle did not collect: ${kinds.uncollectedNamespaces.join(', ')}.</p>` : ''}
${kinds.nodes.length > 0 ? html`<p>Node logs: ${kinds.nodes.map((node, index) => html`${index > 0 ? ' · ' : ''}<a href="${pageLinks.nodeLog(analysis.id, node)}">${node}</a>`)}</p>` : ''}
<h2>Resource types (${kinds.types.length})</h2>
<table id="kinds"><thead><tr><th>Name</th><th>Short names</th><th>API version</th><th>Namespaced</th><th>Kind</th><th>Files</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page({ title: `Objects · ${analysis.fileName}`, signedInAs, section: 'analyses' }, body);
}

export function tablePage(analysis: AnalysisRecord, kinds: BundleKinds, table: ObjectTable, filters: TableFilters, signedInAs: string | null): string {
  const nameColumn = table.columns.findIndex((column) => column.name === 'Name');
  const rows = table.rows.map(
    (row) =>
      html`<tr>${row.cells.map((cell, index) => html`<td>${index === nameColumn ? html`<a href="${row.links.page}">${cellText(cell)}</a>` : cellText(cell)}</td>`)}<td class="place">${row.path ? html`<code>${row.path}:${row.line ?? ''}</code>` : ''}</td></tr>`,
  );
  const where = table.namespace ? ` in ${table.namespace} namespace` : '';
  const pager = pagerLinks(table.total, table.offset, table.rows.length, (offset) => pageLinks.table(analysis.id, table.type.name, { ...filterQuery(filters), offset }));
  const body = html`${breadcrumbs(analysis, [
    ['Objects', pageLinks.kinds(analysis.id)],
    [table.type.name, null],
  ])}
<h1>${table.type.name}${where}</h1>
${filterForm(analysis.id, kinds, { ...filters, type: table.type.name })}
${table.notes.map((note) => html`<p class="note">Note: ${note}</p>`)}
${table.total === 0
    ? html`<p id="no-objects">No resources found${table.type.namespaced && table.namespace ? ` in ${table.namespace} namespace` : ''}.</p>`
    : html`<table id="objects"><thead><tr>${table.columns.map((column) => html`<th>${column.name.toUpperCase()}</th>`)}<th>IN THE BUNDLE</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">${table.total} object${table.total === 1 ? '' : 's'}; columns from ${COLUMNS_FROM[table.columnsFrom] ?? table.columnsFrom}${table.masked > 0 ? `; ${table.masked} secrets masked` : ''}.</p>`}
${pager}`;
  return page({ title: `${table.type.name} · ${analysis.fileName}`, signedInAs, section: 'analyses' }, body);
}

const COLUMNS_FROM: Record<string, string> = {
  kubernetes: "kube-apiserver's printers",
  'bundle-crd': "the CRD's printer columns in the bundle",
  'built-in-crd': "the CRD's printer columns (built in: the bundle has no CRD list)",
  default: 'the default of a custom resource without known columns (NAME, AGE)',
};

export function objectPage(analysis: AnalysisRecord, description: ObjectDescription, view: 'describe' | 'yaml', signedInAs: string | null): string {
  const typeName = description.type.name;
  const title = `${description.kind} ${description.namespace ? `${description.namespace}/` : ''}${description.name}`;
  const tabs = html`<nav class="tabs">
  <a href="${description.links.page}"${view === 'describe' ? html` aria-current="page"` : ''}>Describe</a>
  <a href="${description.links.yaml}"${view === 'yaml' ? html` aria-current="page"` : ''}>YAML</a>
  ${description.logs.length > 0 ? html`<a href="${description.logs[0]!.links.page}">Logs</a>` : ''}
</nav>`;
  const content = view === 'yaml' ? html`<pre id="object-yaml" class="yaml">${stringify(description.object, { lineWidth: 0, indentSeq: false })}</pre>` : describeContent(description);
  const body = html`${breadcrumbs(analysis, [
    ['Objects', pageLinks.kinds(analysis.id)],
    [typeName, pageLinks.table(analysis.id, typeName, { namespace: description.namespace ?? undefined })],
    [description.name, null],
  ])}
<h1 id="object-title">${title}</h1>
<p class="note">${description.apiVersion} · in the bundle at <code id="object-place">${description.path ?? '?'}:${description.line ?? ''}</code>${description.masked > 0 ? ` · ${description.masked} secrets masked` : ''}</p>
${tabs}
${content}`;
  return page({ title: `${title} · ${analysis.fileName}`, signedInAs, section: 'analyses' }, body);
}

function describeContent(description: ObjectDescription): Html {
  const object = record(description.object);
  const metadata = record(object.metadata);
  const sections = description.sections.map(
    (section) => html`<h2>${section.title} (${section.entries.length})</h2>
${section.entries.length === 0
      ? html`<p class="note">None.</p>`
      : html`<ul class="cited">${section.entries.map((entry) =>
          entry.finding
            ? html`<li>${statusBadge(entry.finding.status)} <span class="badge">${entry.finding.severity}</span> <a class="finding-link" href="${entry.finding.link}">${entry.finding.title}</a> <span class="note">${entry.finding.ruleId} · cites <code>${entry.path ?? ''}:${entry.line ?? ''}</code></span></li>`
            : html`<li>${entry.text}${entry.path ? html` <code>${entry.path}:${entry.line ?? ''}</code>` : ''}</li>`,
        )}</ul>`}`,
  );
  const conditions =
    description.conditions.length === 0
      ? html``
      : html`<h2>Conditions</h2>
<table id="conditions"><thead><tr><th>Type</th><th>Status</th><th>Last transition</th><th>Reason</th><th>Message</th></tr></thead><tbody>${description.conditions.map(
          (condition) =>
            html`<tr><td>${condition.type}</td><td class="${condition.status === 'True' ? 's-pass' : condition.status === 'False' ? 's-fail' : ''}">${condition.status}</td><td>${condition.lastTransitionTime ? `${condition.lastTransitionTime} (${condition.lastTransitionAge} ago)` : ''}</td><td>${condition.reason}</td><td>${condition.message}</td></tr>`,
        )}</tbody></table>`;
  const owners =
    description.owners.length === 0
      ? html``
      : html`<h2>Owner chain</h2>
<ol id="owners">${description.owners.map(
          (owner) =>
            html`<li>${owner.links ? html`<a href="${owner.links.page}">${owner.kind}/${owner.name}</a>` : `${owner.kind}/${owner.name}`}${owner.controller ? html` <span class="note">controller</span>` : ''} ${owner.path ? html`<code>${owner.path}:${owner.line ?? ''}</code>` : html`<span class="note">not in the bundle: ${owner.missing ?? 'unknown'}</span>`}</li>`,
        )}</ol>`;
  const events = html`<h2>Events (${description.events.length})</h2>
${description.events.length === 0
    ? html`<p class="note">None in the bundle.</p>`
    : html`<table id="events"><thead><tr><th>Type</th><th>Reason</th><th>Age</th><th>From</th><th>Message</th><th>In the bundle</th></tr></thead><tbody>${description.events.map(
        (event) =>
          html`<tr><td class="${event.type === 'Warning' ? 's-warn' : ''}">${event.type}</td><td>${event.reason}</td><td>${event.age}</td><td>${event.from}</td><td>${event.message}</td><td class="place"><code>${event.path ?? ''}:${event.line ?? ''}</code></td></tr>`,
      )}</tbody></table>`}`;
  const logs =
    description.logs.length === 0 ? html`` : html`<h2>Logs</h2><ul id="logs">${description.logs.map((log) => html`<li><a href="${log.links.page}">${log.label}</a></li>`)}</ul>`;
  const fields = Object.entries(object).filter(([key]) => !['apiVersion', 'kind', 'metadata'].includes(key));
  return html`${sections}
${conditions}
${owners}
${logs}
${events}
<h2>Labels</h2>${keyValues(record(metadata.labels))}
<details><summary>Annotations (${Object.keys(record(metadata.annotations)).length})</summary>${keyValues(record(metadata.annotations))}</details>
<h2>Fields</h2>
<div class="fields">${fields.length === 0 ? html`<p class="note">None.</p>` : fieldTree(Object.fromEntries(fields), 0)}</div>
<details><summary>Metadata</summary><div class="fields">${fieldTree(Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== 'labels' && key !== 'annotations')), 0)}</div></details>`;
}

const MAX_ITEMS = 200;

/** An object's fields as nested definition lists: keys as the object has them, values as YAML prints them. */
function fieldTree(value: unknown, depth: number): Html {
  if (Array.isArray(value)) {
    if (value.length === 0) return html`<span class="muted">[]</span>`;
    if (value.every((item) => item === null || typeof item !== 'object')) return html`${value.map(cellText).join(', ')}`;
    return html`<ol class="items">${value.slice(0, MAX_ITEMS).map((item) => html`<li>${fieldTree(item, depth + 1)}</li>`)}</ol>${value.length > MAX_ITEMS ? html`<p class="note">${value.length - MAX_ITEMS} more: see the YAML</p>` : ''}`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return html`<span class="muted">{}</span>`;
    if (depth > 12) return html`<code>${JSON.stringify(value)}</code>`;
    return html`<dl>${entries.map(([key, item]) => html`<dt>${key}</dt><dd>${fieldTree(item, depth + 1)}</dd>`)}</dl>`;
  }
  return typeof value === 'string' && value.includes('\n') ? html`<pre>${value}</pre>` : html`${cellText(value)}`;
}

function keyValues(values: Record<string, unknown>): Html {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return html`<p class="note">None.</p>`;
  return html`<ul class="labels">${entries.map(([key, value]) => html`<li><code>${key}=${cellText(value)}</code></li>`)}</ul>`;
}

/** Previous / next links of a paged listing, when it has more than one page. */
export function pagerLinks(total: number, offset: number, shown: number, link: (offset: number) => string): Html {
  if (offset === 0 && shown >= total) return html``;
  const size = Math.max(shown, 1);
  return html`<nav class="pager">
  ${offset > 0 ? html`<a href="${link(Math.max(0, offset - size))}">← Previous</a>` : ''}
  <span class="note">${offset + 1}–${offset + shown} of ${total}</span>
  ${offset + shown < total ? html`<a href="${link(offset + shown)}">Next →</a>` : ''}
</nav>`;
}

export function filterQuery(filters: TableFilters): Record<string, string | boolean | undefined> {
  return { namespace: filters.namespace, labelSelector: filters.labelSelector, fieldSelector: filters.fieldSelector, wide: filters.wide };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Why the object browser cannot show this, with the way back to the report (which is always kept). */
export function browseErrorPage(analysisId: string | undefined, status: number, message: string, signedInAs: string | null): string {
  const title = status === 410 ? 'The bundle file is gone' : status === 409 ? 'Not ready' : status === 404 ? 'Not in the bundle' : status === 400 ? 'Not a valid request' : 'Cannot be shown';
  const body = html`<h1>${title}</h1>
<p id="browse-error" class="error-box">${message}</p>
${analysisId ? html`<p><a href="/analyses/${analysisId}">Back to the report</a> · <a href="${pageLinks.kinds(analysisId)}">Objects in the bundle</a></p>` : ''}`;
  return page({ title, signedInAs, section: 'analyses' }, body);
}
