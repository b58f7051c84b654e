import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../errors.js';
import { ClusterHistory, ClusterList, ClusterParams, ErrorBody, FingerprintParams, FingerprintReport } from '../api-schemas.js';
import { clusterHistory } from '../cluster-history.js';
import { fingerprintReport } from '../fingerprint-report.js';
import type { ServiceContext } from '../service-context.js';

/** Clusters (identified from what their bundles record), their history, and fingerprints. */
export function clusterRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get(
    '/api/clusters',
    { config: { permission: 'read' }, schema: { summary: 'Clusters with analysed bundles, latest bundle first', tags: ['clusters'], response: { 200: ClusterList } } },
    async () => context.store.clusters(),
  );

  app.get<{ Params: { clusterId: string } }>(
    '/api/clusters/:clusterId',
    {
      config: { permission: 'read' },
      schema: {
        summary: "A cluster's bundles, oldest first, each with the findings diff against the bundle before it",
        tags: ['clusters'],
        params: ClusterParams,
        response: { 200: ClusterHistory, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const history = await clusterHistory(context, request.params.clusterId);
      if (!history) throw new NotFoundError('cluster', request.params.clusterId);
      return history;
    },
  );

  app.get<{ Params: { fingerprint: string } }>(
    '/api/fingerprints/:fingerprint',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Every analysed bundle and cluster where a finding appears',
        tags: ['clusters'],
        params: FingerprintParams,
        response: { 200: FingerprintReport, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const report = await fingerprintReport(context, request.params.fingerprint);
      if (!report) throw new NotFoundError('fingerprint', request.params.fingerprint);
      return report;
    },
  );
}
