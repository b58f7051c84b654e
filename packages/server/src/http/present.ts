import type { AnalysisRecord, DeliveryAttempt, DeliveryRecord, TokenRecord, WebhookRecord } from '../store/records.js';
import type { AnalysisBody } from './api-schemas.js';

/** Links are relative to the server: clients resolve them against the URL they called. */
export function analysisLinks(id: string) {
  return { self: `/api/analyses/${id}`, page: `/analyses/${id}`, report: `/api/analyses/${id}/report`, events: `/api/events?analysis=${id}`, objects: `/api/analyses/${id}/objects` };
}

export function analysisBody(record: AnalysisRecord): AnalysisBody {
  return {
    id: record.id,
    status: record.status,
    progress: record.progress,
    attempts: record.attempts,
    queuedAt: record.queuedAt,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    fileName: record.fileName,
    bundle: { sha256: record.bundleSha256, size: record.size, format: record.format, fileRemoved: record.bundleFileRemoved },
    tickets: record.tickets,
    labels: record.labels,
    error: record.error,
    cluster: record.cluster,
    harvesterVersion: record.harvesterVersion,
    kubernetesVersion: record.kubernetesVersion,
    bundleCreatedAt: record.bundleCreatedAt,
    summary: record.summary,
    maskedSecrets: record.maskedSecrets,
    links: analysisLinks(record.id),
  };
}

export function tokenBody(token: TokenRecord) {
  return { ...token };
}

export function webhookBody(webhook: WebhookRecord) {
  return { id: webhook.id, url: webhook.url, events: webhook.events, createdAt: webhook.createdAt };
}

export function deliveryBody(delivery: DeliveryRecord & { lastAttempt: DeliveryAttempt | null }) {
  const { lastAttempt } = delivery;
  return {
    id: delivery.id,
    analysisId: delivery.analysisId,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
    lastAttempt: lastAttempt
      ? { attempt: lastAttempt.attempt, at: lastAttempt.at, statusCode: lastAttempt.statusCode, error: lastAttempt.error, durationMs: lastAttempt.durationMs }
      : null,
  };
}
