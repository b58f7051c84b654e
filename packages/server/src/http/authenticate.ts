import type { FastifyReply, FastifyRequest } from 'fastify';
import { allows, hashToken, type Permission } from '../auth/api-tokens.js';
import type { TokenRole } from '../store/records.js';
import type { ServiceContext } from './service-context.js';

/** Who is asking: a token's holder, or anyone (open mode). */
export interface Principal {
  tokenId: string | null;
  name: string;
  role: TokenRole;
  via: 'header' | 'cookie' | 'open';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a route needs; routes without it are public (health, login, assets). */
    permission?: Permission;
    /** A page for people: asked for a token by a redirect to /login instead of a 401. */
    page?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const TOKEN_COOKIE = 'bt_token';
const TOUCH_EVERY_MS = 60_000;

/**
 * The onRequest hook: reads a token from `Authorization: Bearer …` (API clients) or the
 * `bt_token` cookie (the web UI), and refuses what the route's permission does not allow.
 * A state-changing request authenticated by cookie must come from this site (SameSite=Strict
 * cookies, and the browser's Sec-Fetch-Site / Origin checked), so another site cannot upload
 * in a signed-in user's name.
 */
export function authenticator(context: ServiceContext) {
  const lastTouched = new Map<string, number>();
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    const principal = await identify(request, context, lastTouched);
    // In open mode, anyone may read and upload; what needs more asks for a token like any closed route.
    if (!principal || (principal.via === 'open' && !allows(principal.role, permission))) {
      if (request.routeOptions.config.page && request.method === 'GET') {
        await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
        return;
      }
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="bundle-triage"')
        .send({ error: { code: 'UNAUTHORIZED', message: 'a token is needed: Authorization: Bearer <token>' } });
      return;
    }
    if (!allows(principal.role, permission)) {
      await reply.code(403).send({ error: { code: 'FORBIDDEN', message: `a ${principal.role} token cannot ${permission === 'upload' ? 'upload' : permission === 'admin' ? 'do this (admin only)' : 'read this'}` } });
      return;
    }
    if (principal.via === 'cookie' && request.method !== 'GET' && request.method !== 'HEAD' && crossSite(request)) {
      await reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'a cross-site request cannot use the sign-in cookie' } });
      return;
    }
    request.principal = principal;
  };
}

async function identify(request: FastifyRequest, context: ServiceContext, lastTouched: Map<string, number>): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  const bearer = header && /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const cookie = bearer ? undefined : readCookie(request.headers.cookie, TOKEN_COOKIE);
  const secret = bearer ?? cookie;
  if (secret) {
    const token = await context.store.findToken(hashToken(secret));
    // A wrong token is refused even in open mode: the caller meant to use one.
    if (!token) return undefined;
    const now = Date.now();
    if (now - (lastTouched.get(token.id) ?? 0) > TOUCH_EVERY_MS) {
      lastTouched.set(token.id, now);
      await context.store.touchToken(token.id, new Date(now).toISOString());
    }
    return { tokenId: token.id, name: token.name, role: token.role, via: bearer ? 'header' : 'cookie' };
  }
  if (context.settings.open) return { tokenId: null, name: 'anonymous', role: 'uploader', via: 'open' };
  return undefined;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}
