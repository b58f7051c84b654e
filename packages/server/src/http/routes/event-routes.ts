import type { FastifyInstance } from 'fastify';
import { EventsQuery, type EventsQuery as EventsQueryType } from '../api-schemas.js';
import { analysisBody } from '../present.js';
import type { ServiceContext } from '../service-context.js';

const HEARTBEAT_MS = 15_000;

/**
 * GET /api/events: server-sent events, one `analysis` event (the analysis as GET
 * /api/analyses/:id returns it) whenever an analysis changes — all of them, or the one named by
 * `?analysis=`. Changes that come in a burst (progress) are sent once, with the latest state.
 */
export function eventRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get<{ Querystring: EventsQueryType }>(
    '/api/events',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Live status of analyses (text/event-stream; event "analysis", data: an Analysis)',
        tags: ['analyses'],
        querystring: EventsQuery,
      },
    },
    async (request, reply) => {
      const only = request.query.analysis;
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      stream.write('retry: 2000\n\n');
      const due = new Set<string>();
      let flushing = false;
      let closed = false;
      const flush = async () => {
        if (flushing) return;
        flushing = true;
        while (due.size > 0 && !closed) {
          const [id] = due;
          due.delete(id!);
          const analysis = await context.store.getAnalysis(id!).catch(() => undefined);
          if (analysis && !closed) stream.write(`event: analysis\ndata: ${JSON.stringify(analysisBody(analysis))}\n\n`);
        }
        flushing = false;
      };
      const unsubscribe = context.events.subscribe((change) => {
        if (only && change.analysisId !== only) return;
        due.add(change.analysisId);
        void flush();
      });
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
      });
      if (only) {
        due.add(only);
        void flush();
      }
    },
  );
}
