import type { Bundle } from '@bundle-triage/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withAnalysisBundle } from '../../browse/analysis-bundle.js';
import { pageLinks } from '../../browse/browse-links.js';
import { checked, optional } from '../../browse/browse-parameters.js';
import { bundleKinds } from '../../browse/bundle-kinds.js';
import { nodeLogPage, podLogPage } from '../../browse/log-page.js';
import { describeObject } from '../../browse/object-description.js';
import { objectTable } from '../../browse/object-table.js';
import { BadParameterError, NotFoundError } from '../../errors.js';
import type { AnalysisRecord } from '../../store/records.js';
import { logPage, type LogFilters } from '../../ui/pages/log-page.js';
import { browseErrorPage, filterQuery, kindsPage, objectPage, tablePage, type TableFilters } from '../../ui/pages/object-pages.js';
import { browseErrorAnswer } from '../browse-error.js';
import type { ServiceContext } from '../service-context.js';
import { readStoredReport } from './analysis-routes.js';
import { linesRequest } from './object-routes.js';
import { sendPage, signedInAs, UUID } from './ui-routes.js';

type Query = Record<string, string | undefined>;
const page = { permission: 'read' as const, page: true };
const hidden = { hide: true };
/** Rows and log lines on one page of the web UI. */
const PAGE_SIZE = 500;

/**
 * The object browser's pages, over the same reads as its API: the kinds a bundle holds, a
 * kind's objects, an object (described, or as YAML), a pod's or a node's log. Parameters are
 * checked here as the API's schemas check them; what cannot be shown is a page that says why,
 * with the way back to the report.
 */
export function objectPageRoutes(app: FastifyInstance, context: ServiceContext): void {
  /** The page saying why the browser cannot show this, with the way back to the report. */
  const refused = (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown) => {
    const answer = browseErrorAnswer(error) ?? (error instanceof NotFoundError ? { status: 404, code: 'NOT_FOUND', message: error.message } : undefined);
    if (!answer) throw error;
    return sendPage(reply.code(answer.status), browseErrorPage(UUID.test(id) ? id : undefined, answer.status, answer.message, signedInAs(request)));
  };
  /** Renders a page of the bundle of analysis `id`, or the page saying why it cannot. */
  const browse = async (request: FastifyRequest, reply: FastifyReply, id: string, render: (bundle: Bundle, analysis: AnalysisRecord) => Promise<string>) => {
    try {
      if (!UUID.test(id)) throw new NotFoundError('analysis', id);
      return sendPage(reply, await withAnalysisBundle(context, id, render));
    } catch (error) {
      return refused(request, reply, id, error);
    }
  };

  app.get<{ Params: { id: string }; Querystring: Query }>('/analyses/:id/objects', { config: page, schema: hidden }, async (request, reply) => {
    const { id } = request.params;
    if (request.query.type) {
      // The kind picker is a plain form: its choice becomes the kind's own address.
      try {
        const type = checked('type', 'type', request.query.type);
        return reply.redirect(pageLinks.table(id, type, filterQuery(tableFilters(request.query))), 303);
      } catch (error) {
        return refused(request, reply, id, error);
      }
    }
    return browse(request, reply, id, async (bundle, analysis) => kindsPage(analysis, await bundleKinds(bundle, id), signedInAs(request)));
  });

  app.get<{ Params: { id: string; type: string }; Querystring: Query }>('/analyses/:id/objects/:type', { config: page, schema: hidden }, async (request, reply) => {
    const { id } = request.params;
    return browse(request, reply, id, async (bundle, analysis) => {
      const type = checked('type', 'type', request.params.type);
      const filters = tableFilters(request.query);
      const table = await objectTable(bundle, id, {
        type,
        ...(filters.namespace ? { namespace: filters.namespace } : {}),
        ...(filters.labelSelector ? { labelSelector: filters.labelSelector } : {}),
        ...(filters.fieldSelector ? { fieldSelector: filters.fieldSelector } : {}),
        wide: filters.wide === true,
        limit: PAGE_SIZE,
        offset: count('offset', request.query.offset) ?? 0,
      });
      return tablePage(analysis, await bundleKinds(bundle, id), table, filters, signedInAs(request));
    });
  });

  app.get<{ Params: { id: string; type: string; name: string }; Querystring: Query }>('/analyses/:id/objects/:type/:name', { config: page, schema: hidden }, async (request, reply) => {
    const { id } = request.params;
    return browse(request, reply, id, async (bundle, analysis) => {
      const type = checked('type', 'type', request.params.type);
      const name = checked('name', 'name', request.params.name);
      const namespace = optional('namespace', 'namespace', request.query.namespace);
      const description = await describeObject(bundle, id, await readStoredReport(context, id), { type, name, ...(namespace ? { namespace } : {}) });
      return objectPage(analysis, description, request.query.view === 'yaml' ? 'yaml' : 'describe', signedInAs(request));
    });
  });

  app.get<{ Params: { id: string; namespace: string; pod: string }; Querystring: Query }>('/analyses/:id/logs/pods/:namespace/:pod', { config: page, schema: hidden }, async (request, reply) => {
    const { id } = request.params;
    return browse(request, reply, id, async (bundle, analysis) => {
      const namespace = checked('namespace', 'namespace', request.params.namespace);
      const pod = checked('pod', 'name', request.params.pod);
      const container = optional('container', 'container', request.query.container);
      const filters = logFilters(request.query);
      const log = await podLogPage(bundle, id, { namespace, pod, ...(container ? { container } : {}), previous: request.query.previous === 'true' }, linesRequest({ ...filters, offset: count('offset', request.query.offset) }, reply, PAGE_SIZE));
      return logPage(analysis, log, filters, PAGE_SIZE, signedInAs(request));
    });
  });

  app.get<{ Params: { id: string; node: string }; Querystring: Query }>('/analyses/:id/logs/nodes/:node', { config: page, schema: hidden }, async (request, reply) => {
    const { id } = request.params;
    return browse(request, reply, id, async (bundle, analysis) => {
      const node = checked('node', 'node', request.params.node);
      const file = optional('file', 'nodeFile', request.query.file);
      const filters = logFilters(request.query);
      const log = await nodeLogPage(bundle, id, { node, ...(file ? { file } : {}), previous: request.query.previous === 'true' }, linesRequest({ ...filters, offset: count('offset', request.query.offset) }, reply, PAGE_SIZE));
      return logPage(analysis, log, filters, PAGE_SIZE, signedInAs(request));
    });
  });
}

function tableFilters(query: Query): TableFilters {
  const namespace = optional('namespace', 'namespace', query.namespace);
  const labelSelector = optional('labelSelector', 'text', query.labelSelector);
  const fieldSelector = optional('fieldSelector', 'text', query.fieldSelector);
  return { ...(namespace ? { namespace } : {}), ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}), ...(query.wide === 'true' ? { wide: true } : {}) };
}

function logFilters(query: Query): LogFilters {
  const grep = optional('grep', 'text', query.grep);
  const since = optional('since', 'text', query.since);
  const tail = count('tail', query.tail);
  if (grep !== undefined && grep.length > 500) throw new BadParameterError('grep', 'longer than 500 characters');
  if (tail !== undefined && (tail < 1 || tail > 5000)) throw new BadParameterError('tail', 'give a number of lines from 1 to 5000');
  return { ...(grep ? { grep } : {}), ...(since ? { since } : {}), ...(tail ? { tail } : {}) };
}

/** A whole number from a query parameter (absent or empty: undefined). */
function count(parameter: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d{1,9}$/.test(value.trim())) throw new BadParameterError(parameter, `"${value.slice(0, 20)}" is not a whole number`);
  return Number(value.trim());
}
