// Bundles for the kubectl tests: the committed fixtures, and generated variants of the
// workloads cluster (testdata/generator) opened from memory.
import { fileURLToPath } from 'node:url';
import { openBundle, type Bundle } from '../bundle.js';
import { addCustomResourceDefinitions, addWorkloadHistory, generateHealthyCluster } from '../../../../testdata/generator/index.js';
import type { ClusterContext } from '../../../../testdata/generator/cluster-context.js';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../../testdata/bundles/${name}`, import.meta.url));
}

export const WORKLOADS = {
  zip: fixturePath('workloads-v1.4.2.zip'),
  tarGz: fixturePath('workloads-v1.4.2.tar.gz'),
  folder: fixturePath('workloads-v1.4.2'),
};

/** The workloads cluster, changed by `change` (or not), then opened from its zip bytes. */
export async function workloadsVariant(change?: (cluster: ClusterContext) => void, options: { crds?: boolean } = {}): Promise<Bundle> {
  const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1421 });
  addWorkloadHistory(cluster);
  if (options.crds !== false) addCustomResourceDefinitions(cluster);
  change?.(cluster);
  return openBundle(cluster.builder.toZip());
}

export const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
