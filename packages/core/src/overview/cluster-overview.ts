import type { Bundle } from '../bundle.js';
import { OverviewCollector } from './overview-collector.js';
import { OVERVIEW_RESOURCES } from './overview-resources.js';
import type { ClusterOverview } from './overview-types.js';

/**
 * The cluster at a glance, from what the bundle holds: versions, nodes (roles, Ready, cordoned,
 * kernel, OS), VMs and volumes by state, pods not ready per namespace, Fleet bundles not ready;
 * each fact with where it was read. Lists the bundle does not hold have no sources. Files it
 * reads that nobody held before are let go again, so memory stays flat.
 */
export async function clusterOverview(bundle: Bundle): Promise<ClusterOverview> {
  const facts = await bundle.facts();
  const collector = new OverviewCollector(bundle);
  const held = new Set(bundle.heldResourceFiles());
  for (const query of OVERVIEW_RESOURCES) {
    for (const file of bundle.resourceFiles(query)) {
      const objects = await bundle.resources({ group: file.group, version: file.version, resource: file.resource, namespace: file.namespace ?? null });
      collector.addObjects(objects, file.path);
      if (!held.has(file.path)) bundle.releaseResourceFile(file.path);
    }
  }
  return collector.finish(facts);
}
