import { compareReports } from '@bundle-triage/report';
import type { ClusterHistory } from './api-schemas.js';
import { analysisBody } from './present.js';
import { readStoredReport } from './routes/analysis-routes.js';
import type { ServiceContext } from './service-context.js';

/** How many bundles of a cluster the history shows (the newest). */
export const HISTORY_LIMIT = 50;

/**
 * A cluster's bundles, oldest first, each with the findings that appeared, disappeared or stayed
 * since the bundle before it (the same comparison as `bundle-triage diff`).
 */
export async function clusterHistory(context: ServiceContext, clusterId: string): Promise<ClusterHistory | undefined> {
  const analyses = (await context.store.clusterHistory(clusterId)).slice(-HISTORY_LIMIT);
  if (analyses.length === 0) return undefined;
  const reports = await Promise.all(analyses.map((analysis) => readStoredReport(context, analysis.id)));
  return {
    clusterId,
    source: analyses.at(-1)!.cluster?.source ?? null,
    analyses: analyses.map((analysis, index) => {
      const before = index > 0 ? reports[index - 1] : undefined;
      const after = reports[index];
      const diff = before && after ? compareReports(before, after) : undefined;
      return {
        analysis: analysisBody(analysis),
        diff: diff ? { previousAnalysisId: analyses[index - 1]!.id, appeared: diff.appeared, disappeared: diff.disappeared, stayed: diff.stayed } : null,
      };
    }),
  };
}
