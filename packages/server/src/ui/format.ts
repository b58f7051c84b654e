import type { AnalysisRecord } from '../store/records.js';
import { html, type Html } from './html.js';

export function statusBadge(status: string, extraClass = ''): Html {
  return html`<span class="badge ${extraClass} s-${status}">${status}</span>`;
}

/** fail / warn / clean for a finished analysis, else its state. */
export function outcomeOf(analysis: AnalysisRecord): string {
  if (analysis.status !== 'done' || !analysis.summary) return analysis.status;
  return analysis.summary.fail > 0 ? 'fail' : analysis.summary.warn > 0 ? 'warn' : 'clean';
}

export function shortTime(iso: string | null | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—';
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

export function clusterLink(analysis: AnalysisRecord): Html {
  const id = analysis.cluster?.id;
  return id ? html`<a href="/clusters/${id}" title="${analysis.cluster?.evidence ?? ''}">${id.slice(0, 8)}</a>` : html`<span class="muted">unknown</span>`;
}
