import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { NotFoundError, UploadRefusedError } from '../errors.js';
import { SERVER_VERSION } from '../version.js';
import { Health } from './api-schemas.js';
import { authenticator } from './authenticate.js';
import { browseErrorAnswer } from './browse-error.js';
import { adminRoutes } from './routes/admin-routes.js';
import { analysisRoutes } from './routes/analysis-routes.js';
import { clusterRoutes } from './routes/cluster-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { objectPageRoutes } from './routes/object-page-routes.js';
import { objectRoutes } from './routes/object-routes.js';
import { uiRoutes } from './routes/ui-routes.js';
import { BUNDLE_CONTENT_TYPES, uploadRoutes } from './routes/upload-routes.js';
import type { ServiceContext } from './service-context.js';

/**
 * The HTTP API and the web UI on fastify: request and response schemas on every API route,
 * OpenAPI 3.1 at /api/openapi.json, tokens checked before any handler, one error shape.
 */
export async function buildApp(context: ServiceContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    trustProxy: context.settings.trustProxy,
    // JSON bodies are small (tokens, webhooks); bundles are streamed past this limit.
    bodyLimit: 1024 * 1024,
    // Event streams stay open: closing the server ends them.
    forceCloseConnections: true,
    // Object names reach 253 characters (the object browser takes them in the path).
    routerOptions: { maxParamLength: 260 },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'bundle-triage service',
        version: SERVER_VERSION,
        description: 'Upload Harvester support bundles, follow their analysis, read reports in every format, search by cluster, rule and fingerprint. Every route but /api/health needs `Authorization: Bearer <token>` unless the service runs with --open.',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'An API token (roles: reader, uploader, admin)' } } },
      security: [{ token: [] }],
      tags: [
        { name: 'analyses', description: 'Upload, status, reports, live events' },
        { name: 'clusters', description: 'History of a cluster and where a finding was seen' },
        { name: 'objects', description: "An analysed bundle's objects and logs: kubectl get, describe and logs over it" },
        { name: 'admin', description: 'Tokens, webhooks, retention, retries' },
      ],
    },
    transform: ({ schema, url, route }) => {
      // The upload body is a stream, not validated JSON: described here for the document only.
      if (url === '/api/uploads' && route.method === 'POST') {
        return {
          schema: { ...schema, body: { type: 'string', format: 'binary' }, consumes: [...BUNDLE_CONTENT_TYPES.slice(0, 3), 'multipart/form-data'] } as typeof schema,
          url,
        };
      }
      return { schema, url };
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `too many uploads: at most ${limit.max} a minute; try again in ${limit.after}` }),
  });
  await app.register(multipart, { limits: { files: 1 } });

  // A bundle as the whole body is handed to the route as the request stream (never read here).
  app.addContentTypeParser(BUNDLE_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.addHook('onRequest', authenticator(context));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error: FastifyError & { reason?: string }, request, reply) => {
    // Refused before its body was read to the end (an upload refused on its first bytes): the
    // rest of the body is still on the connection, and a client that sent its next request on
    // the same connection would wait behind it for ever. Close it after the answer instead
    // (closing a connection is always safe, so no other header is consulted).
    if (!request.raw.complete) reply.header('connection', 'close');
    if (error instanceof UploadRefusedError) return reply.code(error.status).send({ error: { code: `UPLOAD_${error.reason.toUpperCase().replace(/-/g, '_')}`, message: error.message } });
    if (error instanceof NotFoundError) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: error.message } });
    const browse = browseErrorAnswer(error);
    if (browse) return reply.code(browse.status).send({ error: { code: browse.code, message: browse.message } });
    if (error.validation) return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: error.message } });
    if (error.statusCode === 429) return reply.code(429).send({ error: { code: 'RATE_LIMITED', message: error.message } });
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return reply.code(413).send({ error: { code: 'UPLOAD_TOO_LARGE', message: error.message } });
    if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: `unsupported Content-Type: ${request.headers['content-type'] ?? 'none'}` } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return reply.code(error.statusCode).send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
    context.log({ level: 'error', event: 'http.error', message: `${request.method} ${request.url}: ${error.message}`, fields: { stack: error.stack ?? null } });
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'internal error; the service log has the details' } });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }));

  app.get('/api/health', { schema: { summary: 'Is the service up (no token needed)', tags: ['analyses'], security: [], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    version: SERVER_VERSION,
    mode: context.mode,
  }));
  app.get('/api/openapi.json', { config: { permission: 'read' }, schema: { hide: true } }, async () => app.swagger());

  uploadRoutes(app, context);
  analysisRoutes(app, context);
  eventRoutes(app, context);
  clusterRoutes(app, context);
  objectRoutes(app, context);
  adminRoutes(app, context);
  uiRoutes(app, context);
  objectPageRoutes(app, context);
  return app;
}
