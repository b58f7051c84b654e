import type { Finding, Report } from '@bundle-triage/report';
import type { AnalysisRecord } from '../../store/records.js';
import { html, type Html } from '../html.js';

/**
 * Report fields added after the first version of the report (overview, per-finding
 * causedBy/explains, log patterns, the timeline). Each is shown when the report has it and
 * left out when it does not; their shapes are read defensively, field by field, so a report
 * from an older or newer analyzer still renders.
 */

type Loose = Record<string, unknown>;

const MAX_ROWS = 500;

/** The overview when the report has one; else the bundle facts every report has. */
export function overviewSection(report: Report, analysis: AnalysisRecord): Html {
  const overview = (report as unknown as Loose).overview;
  if (isObject(overview)) return html`<h2>Overview</h2><section class="card">${valueBlock(overview, 0)}</section>`;
  const bundle = report.bundle;
  return html`<h2>Overview</h2><section class="card"><dl class="facts">
  <dt>Nodes</dt><dd>${bundle.nodes.join(', ') || '—'}${bundle.nodesWithoutBundle.length > 0 ? html` <span class="note">(no node bundle: ${bundle.nodesWithoutBundle.join(', ')})</span>` : ''}</dd>
  <dt>Harvester version from</dt><dd>${bundle.harvesterVersionSource ?? '—'}</dd>
  <dt>Namespaces collected</dt><dd>${bundle.collectedNamespaces.length}</dd>
  <dt>Not collected</dt><dd>${bundle.uncollectedNamespaces.join(', ') || '—'}</dd>
  <dt>Bundle folder</dt><dd><code>${bundle.root || analysis.bundleRoot || '—'}</code></dd>
</dl></section>`;
}

/** `causedBy` / `explains` of a finding: links to the findings they name, on this page. */
export function relatedFindings(finding: Finding): Html {
  const loose = finding as unknown as Loose;
  const parts = (['causedBy', 'explains'] as const).flatMap((field) => {
    const links = asArray(loose[field]).map(findingRef).filter((ref): ref is { ruleId: string; fingerprint?: string } => ref !== undefined);
    if (links.length === 0) return [];
    const label = field === 'causedBy' ? 'Caused by' : 'Explains';
    return [html`<p class="note">${label}: ${links.map((link, index) => html`${index > 0 ? ', ' : ''}${link.fingerprint ? html`<a href="#finding-${link.fingerprint}">${link.ruleId}</a>` : link.ruleId}`)}</p>`];
  });
  return html`${parts}`;
}

export function timelineSection(report: Report): Html {
  const entries = asArray((report as unknown as Loose).timeline);
  if (entries.length === 0) return html``;
  const rows = entries.slice(0, MAX_ROWS).map((entry) => {
    const item = isObject(entry) ? entry : { text: entry };
    return html`<tr><td>${text(item.time ?? item.at ?? item.timestamp)}</td><td><code>${source(item)}</code></td><td>${objectName(item.object)}</td><td>${text(item.text ?? item.message ?? item.summary)}</td></tr>`;
  });
  return html`<h2 id="timeline">Timeline (${entries.length})</h2>
<table><thead><tr><th>Time</th><th>Source</th><th>Object</th><th>What happened</th></tr></thead><tbody>${rows}</tbody></table>
${entries.length > MAX_ROWS ? html`<p class="note">The first ${MAX_ROWS} entries are shown; the JSON report has all of them.</p>` : ''}`;
}

export function patternsSection(report: Report): Html {
  const patterns = asArray((report as unknown as Loose).patterns);
  if (patterns.length === 0) return html``;
  const rows = patterns.slice(0, MAX_ROWS).map((entry) => {
    const item = isObject(entry) ? entry : { template: entry };
    const explained = item.explained ?? item.explainedBy;
    return html`<tr><td><code>${text(item.template ?? item.pattern)}</code></td><td>${text(item.count)}</td><td>${text(item.first ?? item.firstSeen)}</td><td>${text(item.last ?? item.lastSeen)}</td><td>${item.loop ? 'loop' : ''}</td><td><code>${sampleOf(item)}</code></td><td>${explained === undefined || explained === false ? '' : typeof explained === 'string' ? explained : 'explained'}</td></tr>`;
  });
  return html`<h2 id="patterns">Log patterns (${patterns.length})</h2>
<table><thead><tr><th>Template</th><th>Count</th><th>First</th><th>Last</th><th></th><th>Sample</th><th>Explained</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function valueBlock(value: unknown, depth: number): Html {
  if (Array.isArray(value)) {
    if (value.every((item) => !isObject(item) && !Array.isArray(item))) return html`${value.map(text).join(', ') || '—'}`;
    return html`<ul>${value.slice(0, MAX_ROWS).map((item) => html`<li>${valueBlock(item, depth + 1)}</li>`)}</ul>`;
  }
  if (isObject(value)) {
    if (depth > 3) return html`<code>${JSON.stringify(value)}</code>`;
    return html`<dl class="facts">${Object.entries(value).map(([key, item]) => html`<dt>${humanKey(key)}</dt><dd>${valueBlock(item, depth + 1)}</dd>`)}</dl>`;
  }
  return html`${text(value)}`;
}

function findingRef(value: unknown): { ruleId: string; fingerprint?: string } | undefined {
  if (typeof value === 'string') return { ruleId: value };
  if (isObject(value) && typeof value.ruleId === 'string') return { ruleId: value.ruleId, ...(typeof value.fingerprint === 'string' ? { fingerprint: value.fingerprint } : {}) };
  return undefined;
}

function source(item: Loose): string {
  const from = item.source ?? item.evidence;
  if (typeof from === 'string') return from;
  if (isObject(from) && typeof from.path === 'string') return from.line ? `${from.path}:${String(from.line)}` : from.path;
  if (typeof item.path === 'string') return item.line ? `${item.path}:${String(item.line)}` : item.path;
  return '';
}

function sampleOf(item: Loose): string {
  const sample = item.sample ?? item.samples;
  if (Array.isArray(sample)) return sample.slice(0, 1).map((entry) => (isObject(entry) ? source({ source: entry }) : text(entry))).join('');
  if (isObject(sample)) return source({ source: sample });
  return text(sample);
}

function objectName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return '';
  return [value.kind, [value.namespace, value.name].filter((part) => typeof part === 'string' && part).join('/')].filter(Boolean).join(' ');
}

function humanKey(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
