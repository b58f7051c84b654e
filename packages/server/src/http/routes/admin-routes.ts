import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { issueToken } from '../../auth/api-tokens.js';
import { NotFoundError } from '../../errors.js';
import { removeOldBundles } from '../../retention/remove-old-bundles.js';
import { WEBHOOK_EVENTS } from '../../store/records.js';
import { CreatedWebhook, DeliveryBody, ErrorBody, IssuedToken, NewToken, NewWebhook, ObjectIdParams, TokenBody, WebhookBody, type NewToken as NewTokenType, type NewWebhook as NewWebhookType } from '../api-schemas.js';
import { deliveryBody, tokenBody, webhookBody } from '../present.js';
import type { ServiceContext } from '../service-context.js';

/** Admin only: tokens, webhooks and their delivery log, retention on demand. */
export function adminRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { store } = context;
  const admin = { permission: 'admin' as const };

  app.get('/api/tokens', { config: admin, schema: { summary: 'API tokens (never their secrets)', tags: ['admin'], response: { 200: Type.Array(TokenBody) } } }, async () =>
    (await store.listTokens()).map(tokenBody),
  );

  app.post<{ Body: NewTokenType }>(
    '/api/tokens',
    { config: admin, schema: { summary: 'Make a token; its secret is in this answer only', tags: ['admin'], body: NewToken, response: { 201: IssuedToken, 400: ErrorBody } } },
    async (request, reply) => {
      const { token, secret } = await issueToken(store, request.body.name, request.body.role);
      context.log({ level: 'info', event: 'token.created', message: `token "${token.name}" (${token.role}) created by ${request.principal?.name ?? 'an admin'}`, fields: { tokenId: token.id } });
      return reply.code(201).send({ token: secret, record: tokenBody(token) });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    { config: admin, schema: { summary: 'Revoke a token', tags: ['admin'], params: ObjectIdParams, response: { 204: Type.Null(), 404: ErrorBody } } },
    async (request, reply) => {
      if (!(await store.revokeToken(request.params.id, new Date().toISOString()))) throw new NotFoundError('token', request.params.id);
      return reply.code(204).send();
    },
  );

  app.get('/api/webhooks', { config: admin, schema: { summary: 'Webhooks (never their secrets)', tags: ['admin'], response: { 200: Type.Array(WebhookBody) } } }, async () =>
    (await store.listWebhooks()).map(webhookBody),
  );

  app.post<{ Body: NewWebhookType }>(
    '/api/webhooks',
    {
      config: admin,
      schema: {
        summary: 'Call a URL when analyses end (POST, JSON, signed: X-Bundle-Triage-Signature-256: sha256=<HMAC-SHA256 of the body>)',
        tags: ['admin'],
        body: NewWebhook,
        response: { 201: CreatedWebhook, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const secret = request.body.secret ?? randomBytes(24).toString('base64url');
      const webhook = await store.addWebhook({ id: randomUUID(), url: request.body.url, secret, events: request.body.events ?? [...WEBHOOK_EVENTS], createdAt: new Date().toISOString() });
      return reply.code(201).send({ webhook: webhookBody(webhook), secret });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/webhooks/:id',
    { config: admin, schema: { summary: 'Remove a webhook (its delivery log stays)', tags: ['admin'], params: ObjectIdParams, response: { 204: Type.Null(), 404: ErrorBody } } },
    async (request, reply) => {
      if (!(await store.removeWebhook(request.params.id))) throw new NotFoundError('webhook', request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/webhooks/:id/deliveries',
    {
      config: admin,
      schema: { summary: 'The delivery log of a webhook, newest first, with each last attempt', tags: ['admin'], params: ObjectIdParams, response: { 200: Type.Array(DeliveryBody), 404: ErrorBody } },
    },
    async (request) => {
      if (!(await store.getWebhook(request.params.id))) throw new NotFoundError('webhook', request.params.id);
      return (await store.listDeliveries(request.params.id, 200)).map(deliveryBody);
    },
  );

  app.post(
    '/api/retention/run',
    {
      config: admin,
      schema: { summary: 'Remove bundle files past the retention age now (reports stay)', tags: ['admin'], response: { 200: Type.Object({ removed: Type.Integer() }), 409: ErrorBody } },
    },
    async (_request, reply) => {
      if (context.settings.retentionDays <= 0) return reply.code(409).send({ error: { code: 'NO_RETENTION', message: 'no retention age is set (--retention-days)' } });
      return { removed: await removeOldBundles(store, context.files, context.settings.retentionDays, context.log) };
    },
  );
}
