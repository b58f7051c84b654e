import type { FastifyInstance } from 'fastify';
import type { ReportFormat } from '@bundle-triage/report';
import type { Report } from '@bundle-triage/rules';
import { NotFoundError } from '../../errors.js';
import { AnalysisBody, AnalysisList, ErrorBody, IdParams, ReportQuery, SearchQuery, type ReportQuery as ReportQueryType, type SearchQuery as SearchQueryType } from '../api-schemas.js';
import { analysisBody } from '../present.js';
import { REPORT_MEDIA, renderStoredReport } from '../report-rendering.js';
import type { ServiceContext } from '../service-context.js';

/** Analyses: search, one analysis, its report in every format, and an admin's retry. */
export function analysisRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { store, queue, events } = context;

  app.get<{ Querystring: SearchQueryType }>(
    '/api/analyses',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Search analyses (newest upload first)',
        tags: ['analyses'],
        querystring: SearchQuery,
        response: { 200: AnalysisList, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => {
      const page = await store.searchAnalyses(searchQuery(request.query));
      return { total: page.total, items: page.items.map(analysisBody) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/analyses/:id',
    {
      config: { permission: 'read' },
      schema: { summary: 'One analysis: status, progress, summary, cluster', tags: ['analyses'], params: IdParams, response: { 200: AnalysisBody, 400: ErrorBody, 404: ErrorBody } },
    },
    async (request) => analysisBody(await mustFind(context, request.params.id)),
  );

  app.get<{ Params: { id: string }; Querystring: ReportQueryType }>(
    '/api/analyses/:id/report',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The report of a finished analysis, in any format the report package renders (secrets masked)',
        tags: ['analyses'],
        params: IdParams,
        querystring: ReportQuery,
        response: { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const analysis = await mustFind(context, request.params.id);
      const report = analysis.status === 'done' ? await readStoredReport(context, analysis.id) : undefined;
      if (!report) {
        return reply.code(409).send({ error: { code: 'NOT_READY', message: `analysis ${analysis.id} is ${analysis.status}: ${analysis.error?.message ?? 'it has no report yet'}` } });
      }
      const format = (request.query.format ?? 'json') as ReportFormat;
      const media = REPORT_MEDIA[format];
      reply.type(media.type);
      // The HTML report carries its own strict Content-Security-Policy (hashes of its inline style and script).
      if (format === 'html') reply.removeHeader('content-security-policy');
      if (request.query.download) reply.header('content-disposition', `attachment; filename="bundle-triage-${analysis.id}.${media.extension}"`);
      return reply.send(renderStoredReport(report, format, analysis.maskedSecrets));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/analyses/:id/retry',
    {
      config: { permission: 'admin' },
      schema: {
        summary: 'Analyse a finished bundle again (while its file is kept)',
        tags: ['admin'],
        params: IdParams,
        response: { 202: AnalysisBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const analysis = await mustFind(context, request.params.id);
      if (!(await store.requeueAnalysis(analysis.id, new Date().toISOString()))) {
        const why = analysis.bundleFileRemoved ? 'its bundle file was removed by retention' : `it is ${analysis.status}`;
        return reply.code(409).send({ error: { code: 'CANNOT_RETRY', message: `analysis ${analysis.id} cannot be run again: ${why}` } });
      }
      await queue.enqueueAnalysis(analysis.id);
      events.publish({ analysisId: analysis.id });
      return reply.code(202).send(analysisBody(await mustFind(context, analysis.id)));
    },
  );

}

export async function mustFind(context: ServiceContext, id: string) {
  const analysis = await context.store.getAnalysis(id);
  if (!analysis) throw new NotFoundError('analysis', id);
  return analysis;
}

export async function readStoredReport(context: ServiceContext, id: string): Promise<Report | undefined> {
  const text = await context.files.readReport(id);
  return text === undefined ? undefined : (JSON.parse(text) as Report);
}

export function searchQuery(query: SearchQueryType) {
  return {
    ...(query.cluster ? { cluster: query.cluster } : {}),
    ...(query.version ? { harvesterVersion: query.version } : {}),
    ...(query.rule ? { ruleId: query.rule } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.ticket ? { ticket: query.ticket } : {}),
    ...(query.label ? { label: query.label } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.q ? { text: query.q } : {}),
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  };
}
