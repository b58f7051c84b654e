import { createHash } from 'node:crypto';
import type { AnalysisThreads } from '../analysis/analysis-threads.js';
import type { AnalysisEvents } from '../events/analysis-events.js';
import type { FileStore } from '../files/file-store.js';
import type { JobContext, JobHandlers, JobQueue } from '../queue/job-queue.js';
import type { ServiceLog } from '../service-log.js';
import type { MetadataStore } from '../store/metadata-store.js';
import type { AnalysisRecord, WebhookEvent } from '../store/records.js';
import { sendWebhook } from '../webhooks/send-webhook.js';
import { webhookPayload } from '../webhooks/webhook-payload.js';
import { SERVER_VERSION } from '../version.js';

export interface JobRunnerDependencies {
  store: MetadataStore;
  files: FileStore;
  threads: AnalysisThreads;
  queue: JobQueue;
  events: AnalysisEvents;
  log: ServiceLog;
  /** Base of the links in webhook payloads (`https://triage.example.com`). */
  publicUrl: string;
  webhookTimeoutMs?: number;
  /** Called before an analysis starts its thread (tests hold an analysis here to kill its worker). */
  beforeAnalysis?: (analysisId: string) => Promise<void>;
}

/**
 * What each job does — the one code path of both modes: the embedded queue and the BullMQ
 * workers call these handlers. A job may run more than once (a worker lost after it finished,
 * a retry); every step checks the stored state first, so its effects happen once.
 */
export class JobRunner implements JobHandlers {
  readonly #deps: JobRunnerDependencies;

  constructor(deps: JobRunnerDependencies) {
    this.#deps = deps;
  }

  async analysis(analysisId: string, job: JobContext): Promise<void> {
    const { store, files, threads, events, log } = this.#deps;
    const started = await store.startAnalysis(analysisId, new Date().toISOString());
    if (!started) {
      // Finished already (this job ran before, and its worker was lost after): make sure its
      // webhooks were queued, and stop.
      const finished = await store.getAnalysis(analysisId);
      if (finished && (finished.status === 'done' || finished.status === 'error')) await this.#notify(finished);
      return;
    }
    events.publish({ analysisId, progress: 0 });
    log({ level: 'info', event: 'analysis.started', message: `analysis ${analysisId} started (attempt ${started.attempts})`, fields: { analysisId, attempt: started.attempts } });
    await this.#deps.beforeAnalysis?.(analysisId);
    const record = await store.getAnalysis(analysisId);
    const progress = throttledProgress(async (value) => {
      events.publish({ analysisId, progress: value });
      await Promise.all([store.setProgress(analysisId, value), job.reportProgress(value)]);
    });

    let answer;
    try {
      answer = await threads.run(
        { analysisId, bundlePath: files.path(started.storedKey), displayName: record?.fileName ?? `${analysisId}.${started.format}`, tempDir: files.workDir },
        progress,
      );
    } catch (error) {
      const message = (error as Error).message;
      if (!job.finalAttempt) {
        log({ level: 'warn', event: 'analysis.retry', message: `analysis ${analysisId}: ${message}; it will be tried again`, fields: { analysisId, attempt: job.attempt } });
        throw error;
      }
      await this.#fail(analysisId, { code: 'ANALYSIS_THREAD', message });
      return;
    }
    if (answer.kind === 'unusable') {
      await this.#fail(analysisId, { code: answer.code, message: answer.message });
      return;
    }
    await files.writeReport(analysisId, answer.reportJson);
    const completed = await store.completeAnalysis(analysisId, { ...answer.result, finishedAt: new Date().toISOString() });
    const finished = await store.getAnalysis(analysisId);
    events.publish({ analysisId, progress: 1 });
    if (!completed || !finished) return;
    log({
      level: 'info',
      event: 'analysis.done',
      message: `analysis ${analysisId} done: ${finished.summary?.headline ?? 'nothing failed'}`,
      fields: { analysisId, fail: finished.summary?.fail ?? 0, warn: finished.summary?.warn ?? 0 },
    });
    await this.#notify(finished);
  }

  async delivery(deliveryId: string, job: JobContext): Promise<void> {
    const { store, log } = this.#deps;
    const delivery = await store.getDelivery(deliveryId);
    if (!delivery || delivery.status !== 'pending') return;
    const webhook = await store.getWebhook(delivery.webhookId);
    const at = new Date().toISOString();
    if (!webhook) {
      await store.recordDeliveryAttempt({ deliveryId, attempt: job.attempt, at, statusCode: null, error: 'the webhook was removed', durationMs: 0 }, 'failed');
      return;
    }
    const result = await sendWebhook(webhook, delivery, { userAgent: `bundle-triage/${SERVER_VERSION}`, ...(this.#deps.webhookTimeoutMs ? { timeoutMs: this.#deps.webhookTimeoutMs } : {}) });
    const status = result.ok ? 'delivered' : job.finalAttempt ? 'failed' : 'pending';
    await store.recordDeliveryAttempt({ deliveryId, attempt: job.attempt, at, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs }, status);
    const fields = { deliveryId, webhookId: webhook.id, analysisId: delivery.analysisId, attempt: job.attempt, status: result.statusCode };
    if (result.ok) {
      log({ level: 'info', event: 'webhook.delivered', message: `webhook ${webhook.url}: delivered ${delivery.event} of ${delivery.analysisId}`, fields });
      return;
    }
    log({ level: 'warn', event: 'webhook.failed', message: `webhook ${webhook.url}: attempt ${job.attempt} failed: ${result.error}${status === 'failed' ? '; giving up' : ''}`, fields });
    if (status === 'pending') throw new Error(`webhook ${webhook.url}: ${result.error}`);
  }

  async gaveUp(kind: 'analysis' | 'delivery', id: string, reason: string): Promise<void> {
    const at = new Date().toISOString();
    if (kind === 'analysis') {
      await this.#fail(id, { code: 'ANALYSIS_GAVE_UP', message: `the analysis was given up: ${reason}` });
      return;
    }
    const delivery = await this.#deps.store.getDelivery(id);
    if (delivery?.status === 'pending') {
      await this.#deps.store.recordDeliveryAttempt({ deliveryId: id, attempt: delivery.attempts + 1, at, statusCode: null, error: `given up: ${reason}`, durationMs: 0 }, 'failed');
    }
  }

  async #fail(analysisId: string, error: { code: string; message: string }): Promise<void> {
    const { store, events, log } = this.#deps;
    const failed = await store.failAnalysis(analysisId, error, new Date().toISOString());
    events.publish({ analysisId });
    if (!failed) return;
    log({ level: 'warn', event: 'analysis.error', message: `analysis ${analysisId}: ${error.message}`, fields: { analysisId, code: error.code } });
    const record = await store.getAnalysis(analysisId);
    if (record) await this.#notify(record);
  }

  /**
   * Queues the webhooks of a finished analysis. A delivery's id comes from the webhook, the
   * analysis and when it finished, so running this twice queues each delivery once.
   */
  async #notify(analysis: AnalysisRecord): Promise<void> {
    const { store, queue } = this.#deps;
    const event: WebhookEvent = analysis.status === 'done' ? 'analysis.done' : 'analysis.error';
    const webhooks = (await store.listWebhooks()).filter((webhook) => webhook.events.includes(event));
    if (webhooks.length === 0) return;
    const findings = analysis.status === 'done' ? await store.analysisFindings(analysis.id) : [];
    const payload = JSON.stringify(webhookPayload(event, analysis, findings, this.#deps.publicUrl));
    for (const webhook of webhooks) {
      const id = createHash('sha256').update(`${webhook.id}\n${analysis.id}\n${event}\n${analysis.finishedAt ?? ''}`).digest('hex').slice(0, 32);
      const { delivery } = await store.createDelivery({ id, webhookId: webhook.id, analysisId: analysis.id, event, payload, createdAt: new Date().toISOString() });
      if (delivery.status === 'pending') await queue.enqueueDelivery(delivery.id);
    }
  }
}

/** Progress every 5 % or every second at most: a progress bar needs no more, the database less. */
function throttledProgress(report: (progress: number) => Promise<void>): (progress: number) => void {
  let last = -1;
  let lastAt = 0;
  let chain = Promise.resolve();
  return (progress) => {
    const now = Date.now();
    if (progress < 1 && progress - last < 0.05 && now - lastAt < 1000) return;
    last = progress;
    lastAt = now;
    chain = chain.then(() => report(progress)).catch(() => undefined);
  };
}
