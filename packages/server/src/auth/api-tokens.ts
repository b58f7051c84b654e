import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { MetadataStore } from '../store/metadata-store.js';
import type { TokenRecord, TokenRole } from '../store/records.js';

/** What a request may do. */
export type Permission = 'read' | 'upload' | 'admin';

/**
 * reader: read analyses, reports, search, clusters, fingerprints.
 * uploader: that, and upload bundles (a ticket bot uploads, then reads the result).
 * admin: everything, including tokens, webhooks, retention and retries.
 */
const GRANTS: Record<TokenRole, readonly Permission[]> = {
  reader: ['read'],
  uploader: ['read', 'upload'],
  admin: ['read', 'upload', 'admin'],
};

export function allows(role: TokenRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** A new secret token: 32 random bytes. Shown once; only its hash is stored. */
export function newTokenSecret(): string {
  return `btk_${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of the token. Tokens are 256 random bits, not passwords, so a fast hash is enough:
 * no dictionary or brute force reaches them, and lookups stay one indexed query.
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates a token and returns its secret (the only time it is seen). */
export async function issueToken(store: MetadataStore, name: string, role: TokenRole): Promise<{ token: TokenRecord; secret: string }> {
  const secret = newTokenSecret();
  const token = await store.createToken({ id: randomUUID(), name, role, hash: hashToken(secret), createdAt: new Date().toISOString() });
  return { token, secret };
}
