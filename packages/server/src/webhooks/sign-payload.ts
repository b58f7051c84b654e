import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a receiver checks: `sha256=` + hex HMAC-SHA256 of the exact body bytes. */
export const SIGNATURE_HEADER = 'x-bundle-triage-signature-256';

export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does (exported for receivers written in TypeScript, and for the tests). */
export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
