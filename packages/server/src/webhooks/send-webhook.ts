import type { DeliveryRecord, WebhookRecord } from '../store/records.js';
import { SIGNATURE_HEADER, signPayload } from './sign-payload.js';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one delivery: the stored payload, signed. A 2xx answer is delivered; anything else
 * (another status, no answer within `timeoutMs`, a refused connection) is a failed attempt.
 * Redirects are not followed: a receiver that moved must be reconfigured.
 */
export async function sendWebhook(webhook: WebhookRecord, delivery: DeliveryRecord, options: { timeoutMs?: number; userAgent: string }): Promise<SendResult> {
  const started = performance.now();
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': options.userAgent,
        'x-bundle-triage-event': delivery.event,
        'x-bundle-triage-delivery': delivery.id,
        [SIGNATURE_HEADER]: signPayload(webhook.secret, delivery.payload),
      },
      body: delivery.payload,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `answered ${response.status}`, durationMs: performance.now() - started };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    const why = (error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause?.message ?? (error as Error).message);
    return { ok: false, statusCode: null, error: why, durationMs: performance.now() - started };
  }
}
