import type { Finding, Report } from '@bundle-triage/rules';
import { citedObjectPage, pageLinks } from '../../browse/browse-links.js';
import type { AnalysisRecord } from '../../store/records.js';
import { html, type Html } from '../html.js';
import { bytes, clusterLink, shortTime, statusBadge } from '../format.js';
import { page } from '../layout.js';
import { findingContext, overviewSection, patternsSection, relatedFindings, timelineSection } from './report-extras.js';

const FORMATS = [
  ['html', 'HTML'],
  ['markdown', 'Markdown'],
  ['text', 'Text'],
  ['json', 'JSON'],
  ['sarif', 'SARIF'],
  ['junit', 'JUnit'],
] as const;

/**
 * One analysis: its state while it runs (live), then the report — headline, overview, findings
 * with evidence and the fix (steps, commands and the patch, each with a copy button), timeline
 * and log patterns when the report has them. The report shown is the stored, redacted one.
 */
export function reportPage(analysis: AnalysisRecord, report: Report | undefined, signedInAs: string | null): string {
  const facts = html`<dl class="facts">
  <dt>Status</dt><dd><span id="analysis-status" class="badge s-${analysis.status}">${analysis.status}</span>${analysis.attempts > 1 ? html` <span class="note">(attempt ${analysis.attempts})</span>` : ''}</dd>
  <dt>Cluster</dt><dd>${clusterLink(analysis)}${analysis.cluster ? html` <span class="note">${analysis.cluster.evidence}</span>` : ''}</dd>
  <dt>Harvester</dt><dd>${analysis.harvesterVersion ?? '—'}</dd>
  <dt>Kubernetes</dt><dd>${analysis.kubernetesVersion ?? '—'}</dd>
  <dt>Bundle created</dt><dd>${shortTime(analysis.bundleCreatedAt)}</dd>
  <dt>Received</dt><dd>${shortTime(analysis.queuedAt)}</dd>
  <dt>Ticket</dt><dd>${analysis.tickets.join(', ') || '—'}${analysis.labels.length > 0 ? html` <span class="note">labels: ${analysis.labels.join(', ')}</span>` : ''}</dd>
  <dt>File</dt><dd>${bytes(analysis.size)} ${analysis.format}, sha256 <code>${analysis.bundleSha256.slice(0, 16)}…</code>${analysis.bundleFileRemoved ? html` <span class="note">(file removed by retention; the report is kept)</span>` : ''}</dd>
</dl>`;

  let content: Html;
  if (analysis.status === 'queued' || analysis.status === 'running') {
    content = html`<section class="card" data-live data-analysis="${analysis.id}">
  <p>${analysis.status === 'queued' ? 'Waiting for a worker…' : 'Analysing…'}</p>
  <progress id="analysis-progress" max="1" value="${analysis.progress}"></progress>
  <p class="note">This page updates by itself.</p>
</section>`;
  } else if (analysis.status === 'error') {
    content = html`<div class="error-box"><strong>The bundle could not be analysed.</strong><br>${analysis.error?.message ?? 'unknown error'} <span class="note">(${analysis.error?.code ?? ''})</span></div>`;
  } else if (!report) {
    content = html`<div class="error-box">The report of this analysis is missing from the store.</div>`;
  } else {
    content = reportContent(analysis, report);
  }

  const body = html`
<h1>${analysis.fileName}</h1>
<section class="card">${facts}</section>
${content}`;
  return page({ title: analysis.fileName, signedInAs, section: 'analyses' }, body);
}

function reportContent(analysis: AnalysisRecord, report: Report): Html {
  const { summary } = report;
  const headlineFinding = report.findings.find((finding) => finding.ruleId === summary.headline);
  const headline = summary.headline
    ? html`<div class="headline"><div>${statusBadge(headlineFinding?.status ?? 'fail')} <strong id="headline">${headlineFinding?.title ?? summary.headline}</strong></div><div>${summary.headlineMessage ?? ''}</div></div>`
    : html`<div class="headline clean"><strong id="headline">No problems found</strong>: ${summary.fail} fail, ${summary.warn} warn; ${summary.pass} rules passed, ${summary.skipped} skipped.</div>`;
  const shown = report.findings.filter((finding) => finding.status !== 'pass');
  const groups = (['fail', 'warn', 'info'] as const).map((status) => {
    const findings = shown.filter((finding) => finding.status === status);
    if (findings.length === 0) return '';
    return html`<h2>${status === 'fail' ? 'Failing' : status === 'warn' ? 'Warnings' : 'Information'} (${findings.length})</h2>
${findings.map((finding) => findingBlock(report, finding, shown.indexOf(finding), analysis.id))}`;
  });
  const downloads = FORMATS.map(([format, label]) => html`<a href="/api/analyses/${analysis.id}/report?format=${format}">${label}</a>`);
  return html`${headline}
<p class="note">${summary.fail} fail · ${summary.warn} warn · ${summary.info} info · ${summary.pass} passed · ${summary.skipped} skipped · ${summary.errors} rule errors${analysis.maskedSecrets ? html` · ${analysis.maskedSecrets} secrets masked` : ''} — report as ${joinWith(downloads, ' · ')}${analysis.bundleFileRemoved ? '' : html` — <a id="browse-objects" href="${pageLinks.kinds(analysis.id)}">browse the bundle's objects and logs</a>`}</p>
${overviewSection(report, analysis)}
${groups}
${timelineSection(report)}
${patternsSection(report)}
${notRun(report)}`;
}

function findingBlock(report: Report, finding: Finding, index: number, analysisId: string): Html {
  const remediation = finding.remediation;
  const commands = remediation?.commands ?? [];
  const patch = remediation?.patch;
  const fix = remediation
    ? html`<details class="fix">
  <summary>Fix</summary>
  <p>${remediation.summary}</p>
  ${remediation.steps.length > 0 ? html`<ol>${remediation.steps.map((step) => html`<li>${step}</li>`)}</ol>` : ''}
  ${commands.map((command, commandIndex) => copyable(`command-${index}-${commandIndex}`, command))}
  ${patch
    ? html`<h3>Patch of ${patch.target.kind} ${patch.target.namespace ? `${patch.target.namespace}/` : ''}${patch.target.name}</h3>
  <pre class="diff">${diffLines(patch.diff)}</pre>
  <p class="note">The same change as one command:</p>
  ${copyable(`patch-command-${index}`, patch.command, 'patch-command')}`
    : ''}
</details>`
    : '';
  return html`<details class="finding" id="finding-${finding.fingerprint}"${finding.status === 'fail' ? html` open` : ''}>
<summary>${statusBadge(finding.status)} <span class="badge">${finding.severity}</span> ${finding.title} <span class="note">${finding.ruleId}</span></summary>
<p>${finding.message}</p>
${relatedFindings(finding)}
<h3>Evidence</h3>
<ul class="evidence">${finding.evidence.map(
    (evidence) => html`<li><code>${evidence.path}:${evidence.line}</code>${evidence.object ? html` <a class="note object-link" href="${citedObjectPage(analysisId, evidence.object)}">${evidence.object.kind} ${evidence.object.namespace ? `${evidence.object.namespace}/` : ''}${evidence.object.name}</a>` : ''}<pre>${evidence.excerpt}</pre></li>`,
  )}</ul>
${fix}
${finding.references.length > 0 ? html`<p class="note">References: ${joinWith(finding.references.map((reference) => html`<a href="${safeUrl(reference.url)}" rel="noreferrer">${reference.title}</a>`), ' · ')}</p>` : ''}
${findingContext(report, finding)}
<p class="note">Fingerprint <a href="/fingerprints/${finding.fingerprint}">${finding.fingerprint}</a> (other bundles with this finding)</p>
</details>`;
}

function copyable(id: string, text: string, extraClass = ''): Html {
  return html`<div class="command ${extraClass}"><pre id="${id}">${text}</pre><button type="button" class="copy" data-copy="${id}" hidden>Copy</button></div>`;
}

function diffLines(diff: string): Html[] {
  return diff.split('\n').map((line) => {
    const kind = line.startsWith('+') && !line.startsWith('+++') ? 'add' : line.startsWith('-') && !line.startsWith('---') ? 'del' : '';
    return html`<span class="${kind}">${line}</span>\n`;
  });
}

function notRun(report: Report): Html {
  if (report.skipped.length === 0 && report.errors.length === 0 && report.diagnostics.length === 0) return html``;
  return html`<details class="card"><summary>Not checked: ${report.skipped.length} skipped, ${report.errors.length} rule errors, ${report.diagnostics.length} diagnostics</summary>
<table><tbody>
${report.errors.map((error) => html`<tr><td>${statusBadge('error')}</td><td>${error.ruleId}</td><td>${error.message}</td></tr>`)}
${report.skipped.map((skipped) => html`<tr><td><span class="badge">skipped</span></td><td>${skipped.ruleId}</td><td>${skipped.reason}</td></tr>`)}
${report.diagnostics.map((diagnostic) => html`<tr><td><span class="badge">${diagnostic.level}</span></td><td><code>${diagnostic.path}</code></td><td>${diagnostic.message}</td></tr>`)}
</tbody></table></details>`;
}

function joinWith(parts: Html[], separator: string): Html[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [html`${separator}`, part]));
}

/** Only http(s) links are made clickable; anything else (javascript:) becomes inert. */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
