import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allows, hashToken } from '../../auth/api-tokens.js';
import { APP_CSS, APP_JS } from '../../ui/assets.js';
import { PAGE_CSP } from '../../ui/layout.js';
import { analysesPage } from '../../ui/pages/analyses-page.js';
import { clusterPage, clustersPage, fingerprintPage, loginPage, messagePage } from '../../ui/pages/cluster-pages.js';
import { reportPage } from '../../ui/pages/report-page.js';
import { ANALYSIS_STATUSES, type AnalysisStatus } from '../../store/records.js';
import { TOKEN_COOKIE } from '../authenticate.js';
import { clusterHistory } from '../cluster-history.js';
import { fingerprintReport } from '../fingerprint-report.js';
import type { ServiceContext } from '../service-context.js';
import { readStoredReport, searchQuery } from './analysis-routes.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FINGERPRINT = /^[0-9a-f]{16}$/;
const page = { permission: 'read' as const, page: true };
const hidden = { hide: true };

/** The web UI: server-rendered pages over the same store as the API. */
export function uiRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/', { config: page, schema: hidden }, async (request, reply) => {
    const filters = pick(request.query, ['q', 'ticket', 'rule', 'version', 'cluster', 'label', 'status', 'outcome', 'from', 'to']);
    const query = searchQuery({
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.ticket ? { ticket: filters.ticket } : {}),
      ...(filters.rule ? { rule: filters.rule } : {}),
      ...(filters.version ? { version: filters.version } : {}),
      ...(filters.cluster ? { cluster: filters.cluster } : {}),
      ...(filters.label ? { label: filters.label } : {}),
      ...(ANALYSIS_STATUSES.includes(filters.status as AnalysisStatus) ? { status: filters.status as AnalysisStatus } : {}),
      ...(['fail', 'warn', 'clean'].includes(filters.outcome ?? '') ? { outcome: filters.outcome as 'fail' | 'warn' | 'clean' } : {}),
      ...(validTime(filters.from) ? { from: filters.from } : {}),
      ...(validTime(filters.to) ? { to: filters.to } : {}),
      limit: 50,
      offset: Math.max(0, Number.parseInt(request.query.offset ?? '0', 10) || 0),
    });
    const result = await context.store.searchAnalyses(query);
    return sendPage(reply, analysesPage({ result, filters, query, canUpload: allows(request.principal!.role, 'upload'), signedInAs: signedInAs(request) }));
  });

  app.get<{ Params: { id: string } }>('/analyses/:id', { config: page, schema: hidden }, async (request, reply) => {
    const analysis = UUID.test(request.params.id) ? await context.store.getAnalysis(request.params.id) : undefined;
    if (!analysis) return sendPage(reply.code(404), messagePage('Not found', `There is no analysis ${request.params.id}.`, signedInAs(request)));
    const report = analysis.status === 'done' ? await readStoredReport(context, analysis.id) : undefined;
    return sendPage(reply, reportPage(analysis, report, signedInAs(request)));
  });

  app.get('/clusters', { config: page, schema: hidden }, async (request, reply) => sendPage(reply, clustersPage(await context.store.clusters(), signedInAs(request))));

  app.get<{ Params: { clusterId: string } }>('/clusters/:clusterId', { config: page, schema: hidden }, async (request, reply) => {
    const history = UUID.test(request.params.clusterId) ? await clusterHistory(context, request.params.clusterId) : undefined;
    if (!history) return sendPage(reply.code(404), messagePage('Not found', `No analysed bundle of cluster ${request.params.clusterId}.`, signedInAs(request)));
    return sendPage(reply, clusterPage(history, signedInAs(request)));
  });

  app.get<{ Params: { fingerprint: string } }>('/fingerprints/:fingerprint', { config: page, schema: hidden }, async (request, reply) => {
    const report = FINGERPRINT.test(request.params.fingerprint) ? await fingerprintReport(context, request.params.fingerprint) : undefined;
    if (!report) return sendPage(reply.code(404), messagePage('Not found', `No analysed bundle has the finding ${request.params.fingerprint}.`, signedInAs(request)));
    return sendPage(reply, fingerprintPage(report, signedInAs(request)));
  });

  app.get<{ Querystring: { next?: string } }>('/login', { schema: hidden }, async (request, reply) => sendPage(reply, loginPage(safeNext(request.query.next), false)));

  app.post<{ Body: Record<string, string | undefined> }>('/login', { schema: hidden }, async (request, reply) => {
    const secret = (request.body?.token ?? '').trim();
    const token = secret ? await context.store.findToken(hashToken(secret)) : undefined;
    if (!token) return sendPage(reply.code(401), loginPage(safeNext(request.body?.next), true));
    reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(secret)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${30 * 24 * 3600}${request.protocol === 'https' ? '; Secure' : ''}`);
    return reply.redirect(safeNext(request.body?.next), 303);
  });

  app.post('/logout', { schema: hidden }, async (_request, reply) => {
    reply.header('set-cookie', `${TOKEN_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    return reply.redirect('/login', 303);
  });

  // Browsers ask for it on every page; there is none.
  app.get('/favicon.ico', { schema: hidden }, async (_request, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/assets/app.css', { schema: hidden }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(APP_CSS));
  app.get('/assets/app.js', { schema: hidden }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(APP_JS));
}

export function sendPage(reply: FastifyReply, body: string) {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store').send(body);
}

export function signedInAs(request: FastifyRequest): string | null {
  return request.principal && request.principal.via !== 'open' ? request.principal.name : null;
}

/** Where to go after signing in: a path of this site only (never `//other.host`). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}

function validTime(value: string | undefined): boolean {
  return Boolean(value) && !Number.isNaN(Date.parse(value!));
}

function pick(query: Record<string, string | undefined>, names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.flatMap((name) => (typeof query[name] === 'string' && query[name] !== '' ? [[name, query[name]!.slice(0, 200)]] : [])));
}
