import type { FastifyInstance, FastifyReply } from 'fastify';
import { withAnalysisBundle } from '../../browse/analysis-bundle.js';
import { bundleKinds } from '../../browse/bundle-kinds.js';
import { nodeLogPage, podLogPage, type LogLinesRequest } from '../../browse/log-page.js';
import { describeObject } from '../../browse/object-description.js';
import { objectTable } from '../../browse/object-table.js';
import { ErrorBody, IdParams } from '../api-schemas.js';
import {
  BundleKinds,
  LogPage,
  NodeLogParams,
  NodeLogQuery,
  ObjectDescription,
  ObjectParams,
  ObjectQuery,
  ObjectTable,
  ObjectTableQuery,
  PodLogParams,
  PodLogQuery,
  TypeParams,
  type NodeLogQuery as NodeLogQueryType,
  type ObjectQuery as ObjectQueryType,
  type ObjectTableQuery as ObjectTableQueryType,
  type PodLogQuery as PodLogQueryType,
} from '../browse-schemas.js';
import type { ServiceContext } from '../service-context.js';
import { readStoredReport } from './analysis-routes.js';

/** Errors every browse route may answer, besides its 200. */
const BROWSE_ERRORS = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 422: ErrorBody };
const read = { permission: 'read' as const };

/**
 * The object browser's API (reader role): `get`, `describe` and `logs` over the bundle of a
 * finished analysis, answered from the stored bundle file, redacted. 410 once retention removed
 * the file (the report stays), 409 while the analysis runs or when it ended in an error.
 */
export function objectRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get<{ Params: { id: string } }>(
    '/api/analyses/:id/objects',
    {
      config: read,
      schema: { summary: 'The resource types, namespaces and nodes an analysed bundle holds', tags: ['objects'], params: IdParams, response: { 200: BundleKinds, ...BROWSE_ERRORS } },
    },
    async (request) => withAnalysisBundle(context, request.params.id, (bundle) => bundleKinds(bundle, request.params.id)),
  );

  app.get<{ Params: { id: string; type: string }; Querystring: ObjectTableQueryType }>(
    '/api/analyses/:id/objects/:type',
    {
      config: read,
      schema: {
        summary: "kubectl get: one type's objects with kubectl's columns (every namespace unless one is given), each with its path:line",
        tags: ['objects'],
        params: TypeParams,
        querystring: ObjectTableQuery,
        response: { 200: ObjectTable, ...BROWSE_ERRORS },
      },
    },
    async (request) => {
      const { query } = request;
      return withAnalysisBundle(context, request.params.id, (bundle) =>
        objectTable(bundle, request.params.id, {
          type: request.params.type,
          ...(query.namespace ? { namespace: query.namespace } : {}),
          ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}),
          ...(query.fieldSelector ? { fieldSelector: query.fieldSelector } : {}),
          wide: query.wide === true,
          limit: query.limit ?? 500,
          offset: query.offset ?? 0,
        }),
      );
    },
  );

  app.get<{ Params: { id: string; type: string; name: string }; Querystring: ObjectQueryType }>(
    '/api/analyses/:id/objects/:type/:name',
    {
      config: read,
      schema: {
        summary: 'kubectl describe: one object (namespace default: default), its conditions, events, owner chain, the findings citing it, its logs, the object itself',
        tags: ['objects'],
        params: ObjectParams,
        querystring: ObjectQuery,
        response: { 200: ObjectDescription, ...BROWSE_ERRORS },
      },
    },
    async (request) => {
      const { id, type, name } = request.params;
      return withAnalysisBundle(context, id, async (bundle) =>
        describeObject(bundle, id, await readStoredReport(context, id), { type, name, ...(request.query.namespace ? { namespace: request.query.namespace } : {}) }),
      );
    },
  );

  app.get<{ Params: { id: string; namespace: string; pod: string }; Querystring: PodLogQueryType }>(
    '/api/analyses/:id/logs/pods/:namespace/:pod',
    {
      config: read,
      schema: {
        summary: "kubectl logs: a page of a container's log (or its previous run), filtered by an RE2 pattern and a time, each line with its path:line",
        tags: ['objects'],
        params: PodLogParams,
        querystring: PodLogQuery,
        response: { 200: LogPage, ...BROWSE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id, namespace, pod } = request.params;
      const { query } = request;
      return withAnalysisBundle(context, id, (bundle) =>
        podLogPage(bundle, id, { namespace, pod, ...(query.container ? { container: query.container } : {}), previous: query.previous === true }, linesRequest(query, reply)),
      );
    },
  );

  app.get<{ Params: { id: string; node: string }; Querystring: NodeLogQueryType }>(
    '/api/analyses/:id/logs/nodes/:node',
    {
      config: read,
      schema: {
        summary: "A page of a node's log (rke2-server, kernel, kubelet, …; without file: the node's logs to choose from), filtered like a pod's",
        tags: ['objects'],
        params: NodeLogParams,
        querystring: NodeLogQuery,
        response: { 200: LogPage, ...BROWSE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id, node } = request.params;
      const { query } = request;
      return withAnalysisBundle(context, id, (bundle) => nodeLogPage(bundle, id, { node, ...(query.file ? { file: query.file } : {}), previous: query.previous === true }, linesRequest(query, reply)));
    },
  );
}

/** The filters and page of a log request; reading stops when the client goes away. */
export function linesRequest(query: { grep?: string | undefined; since?: string | undefined; tail?: number | undefined; limit?: number | undefined; offset?: number | undefined }, reply: FastifyReply, defaultLimit = 500): LogLinesRequest {
  const gone = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) gone.abort();
  });
  return {
    ...(query.grep ? { grep: query.grep } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.tail ? { tail: query.tail } : {}),
    limit: query.limit ?? defaultLimit,
    offset: query.offset ?? 0,
    signal: gone.signal,
  };
}
