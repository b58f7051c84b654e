import type { ClusterHistory, FingerprintReport } from '../../http/api-schemas.js';
import type { ClusterSummary } from '../../store/records.js';
import { html, type Html } from '../html.js';
import { shortTime, statusBadge } from '../format.js';
import { page } from '../layout.js';

export function clustersPage(clusters: ClusterSummary[], signedInAs: string | null): string {
  const body = html`<h1>Clusters</h1>
<p class="note">A cluster is known by what its bundles record: the UID of its harvester-system namespace (what the support-bundle kit names bundles by), or of kube-system in bundles without it.</p>
<table><thead><tr><th>Cluster</th><th>Bundles</th><th>Latest bundle</th><th>Harvester</th></tr></thead><tbody>
${clusters.map((cluster) => html`<tr><td><a href="/clusters/${cluster.clusterId}">${cluster.clusterId}</a> <span class="note">${cluster.source ?? ''}</span></td><td>${cluster.analyses}</td><td>${shortTime(cluster.lastBundleAt)}</td><td>${cluster.harvesterVersion ?? '—'}</td></tr>`)}
</tbody></table>`;
  return page({ title: 'Clusters', signedInAs, section: 'clusters' }, body);
}

/** A cluster's bundles, newest first, each with what changed since the bundle before it. */
export function clusterPage(history: ClusterHistory, signedInAs: string | null): string {
  const entries = [...history.analyses].reverse().map(({ analysis, diff }) => {
    const summary = analysis.summary;
    const changes = diff
      ? html`<div class="diff-sections">
  ${diffList('Appeared', 'fail', diff.appeared)}
  ${diffList('Disappeared', 'pass', diff.disappeared)}
  ${diffList('Stayed', 'warn', diff.stayed)}
</div>`
      : html`<p class="note">The first bundle of this cluster here.</p>`;
    return html`<section class="card">
<h2><a href="/analyses/${analysis.id}">${analysis.fileName}</a> <span class="note">bundle of ${shortTime(analysis.bundleCreatedAt ?? analysis.queuedAt)}, Harvester ${analysis.harvesterVersion ?? '?'}</span></h2>
<p>${summary?.headline ? html`${statusBadge(summary.fail > 0 ? 'fail' : 'warn')} ${summary.headline}` : statusBadge('clean')} <span class="note">${summary?.fail ?? 0} fail · ${summary?.warn ?? 0} warn</span></p>
${changes}
</section>`;
  });
  const body = html`<h1>Cluster ${history.clusterId}</h1>
<p class="note">Identified by ${history.source ?? 'an unknown source'}; ${history.analyses.length} bundle${history.analyses.length === 1 ? '' : 's'}, newest first. Each shows the findings that appeared, disappeared or stayed since the bundle before it.</p>
${entries}`;
  return page({ title: `Cluster ${history.clusterId.slice(0, 8)}`, signedInAs, section: 'clusters' }, body);
}

function diffList(title: string, tone: string, entries: { ruleId: string; status: string; title: string; fingerprint: string; previousStatus?: string }[]): Html {
  if (entries.length === 0) return html`<p class="note">${title}: none</p>`;
  return html`<h3 class="s-${tone}">${title} (${entries.length})</h3><ul>${entries.map(
    (entry) =>
      html`<li>${entry.previousStatus && entry.previousStatus !== entry.status ? `${entry.previousStatus} → ${entry.status}` : entry.status} <a href="/fingerprints/${entry.fingerprint}">${entry.ruleId}</a>: ${entry.title}</li>`,
  )}</ul>`;
}

export function fingerprintPage(report: FingerprintReport, signedInAs: string | null): string {
  const body = html`<h1>${report.title}</h1>
<p><strong id="fingerprint-summary">${report.summary}</strong></p>
<p class="note">Rule ${report.ruleId} · fingerprint ${report.fingerprint} (the rule and the objects involved: the same finding in any bundle of a cluster)</p>
<table><thead><tr><th>Bundle</th><th>Status</th><th>Cluster</th><th>Bundle created</th><th>Tickets</th></tr></thead><tbody>
${report.sightings.map(
    (sighting) =>
      html`<tr><td><a href="/analyses/${sighting.analysisId}">${sighting.analysisId.slice(0, 8)}</a></td><td>${statusBadge(sighting.status)}</td><td>${sighting.clusterId ? html`<a href="/clusters/${sighting.clusterId}">${sighting.clusterId.slice(0, 8)}</a>` : 'unknown'}</td><td>${shortTime(sighting.bundleCreatedAt ?? sighting.queuedAt)}</td><td>${sighting.tickets.join(', ')}</td></tr>`,
  )}
</tbody></table>`;
  return page({ title: report.ruleId, signedInAs }, body);
}

export function loginPage(next: string, failed: boolean): string {
  const body = html`<h1>Sign in</h1>
<form class="card" method="post" action="/login">
  <p>Paste an API token (an admin makes one with <code>bundle-triage serve token create</code> or POST /api/tokens).</p>
  ${failed ? html`<p class="error-box">That token is not valid.</p>` : ''}
  <input type="hidden" name="next" value="${next}">
  <label>Token <input type="text" name="token" autocomplete="off" size="60" required></label>
  <button class="primary" type="submit">Sign in</button>
</form>`;
  return page({ title: 'Sign in', signedInAs: null }, body);
}

export function messagePage(title: string, message: string, signedInAs: string | null): string {
  return page({ title, signedInAs }, html`<h1>${title}</h1><p>${message}</p>`);
}
