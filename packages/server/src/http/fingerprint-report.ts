import type { FingerprintReport } from './api-schemas.js';
import type { ServiceContext } from './service-context.js';

/** Every bundle and cluster where a finding appears: "seen in N bundles from M clusters, first on …". */
export async function fingerprintReport(context: ServiceContext, fingerprint: string): Promise<FingerprintReport | undefined> {
  const sightings = await context.store.fingerprintSightings(fingerprint);
  const first = sightings[0];
  if (!first) return undefined;
  const times = sightings.map((sighting) => sighting.bundleCreatedAt ?? sighting.queuedAt).sort();
  const clusters = new Set(sightings.map((sighting) => sighting.clusterId ?? `unknown:${sighting.analysisId}`)).size;
  const firstSeen = times[0] ?? null;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return {
    fingerprint,
    ruleId: first.ruleId,
    title: first.title,
    bundles: sightings.length,
    clusters,
    firstSeen,
    lastSeen: times.at(-1) ?? null,
    summary: `seen in ${plural(sightings.length, 'bundle')} from ${plural(clusters, 'cluster')}${firstSeen ? `, first on ${firstSeen.slice(0, 10)}` : ''}`,
    sightings: sightings.map((sighting) => ({
      analysisId: sighting.analysisId,
      clusterId: sighting.clusterId,
      status: sighting.status,
      bundleCreatedAt: sighting.bundleCreatedAt,
      queuedAt: sighting.queuedAt,
      tickets: sighting.tickets,
    })),
  };
}
