/**
 * The committed fixtures under `testdata/bundles`, each with the recipe that makes it. Both
 * `testdata/generate.ts` (writes them) and the freshness test (rebuilds and compares) read this.
 */
import type { BundleBuilder } from '../../packages/rules/src/testing/bundle-builder.js';
import { fixS01 } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fix.js';
import { flagshipS01 } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fault.js';
import { addCustomResourceDefinitions } from './custom-resource-definitions.js';
import { generateHealthyCluster, healthyCluster } from './healthy-cluster.js';
import { addWorkloadHistory } from './workload-history.js';

export interface Fixture {
  /** File or folder name under testdata/bundles. */
  name: string;
  format: 'zip' | 'tar.gz' | 'directory';
  description: string;
  build(): BundleBuilder;
}

const flagship = (): BundleBuilder => {
  const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7996 });
  flagshipS01(bundle);
  return bundle;
};

/** A three-node v1.4.2 cluster with a history (workload-history.ts) and its CRD list. */
const workloads = (): BundleBuilder => {
  const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1421 });
  addWorkloadHistory(cluster);
  addCustomResourceDefinitions(cluster);
  return cluster.builder;
};

export const FIXTURES: readonly Fixture[] = [
  {
    name: 'healthy-v1.4.1-1node.zip',
    format: 'zip',
    description: 'Healthy single-node Harvester v1.4.1 (no finding expected).',
    build: () => healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 141 }),
  },
  {
    name: 'healthy-v1.4.2-3node.zip',
    format: 'zip',
    description: 'Healthy three-node Harvester v1.4.2; its harvester ManagedChart already has the snapshot-webhook comparePatches.',
    build: () => healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 142 }),
  },
  {
    name: 'flagship-v1.4.1.zip',
    format: 'zip',
    description: 'S01: mcc-harvester 0/1 Modified on the snapshot-validation-webhook Secret and VWC; upgrade to v1.4.2 would be denied.',
    build: flagship,
  },
  {
    name: 'flagship-v1.4.1-fixed.zip',
    format: 'zip',
    description: 'The S01 bundle after the fix: both comparePatches added, chart and bundle Ready 1/1.',
    build: () => {
      const bundle = flagship();
      fixS01(bundle);
      return bundle;
    },
  },
  {
    name: 'flagship-v1.4.1.tar.gz',
    format: 'tar.gz',
    description: 'The S01 bundle as a .tar.gz of the extracted folder (top folder kept).',
    build: flagship,
  },
  {
    name: 'flagship-v1.4.1',
    format: 'directory',
    description: 'The S01 bundle extracted: this folder is the bundle root (metadata.yaml, yamls/, logs/, nodes/).',
    build: flagship,
  },
  {
    name: 'workloads-v1.4.2.zip',
    format: 'zip',
    description: 'Three-node v1.4.2 with a history: ReplicaSets, a CrashLoopBackOff controller and a restarted longhorn-manager (with .log.1 previous logs), RKE2 HelmCharts and their completed Jobs, Services, PVs, warning events in both event lists, and the CRD list.',
    build: workloads,
  },
  {
    name: 'workloads-v1.4.2.tar.gz',
    format: 'tar.gz',
    description: 'The workloads bundle as a .tar.gz (top folder kept, node zips left zipped).',
    build: workloads,
  },
  {
    name: 'workloads-v1.4.2',
    format: 'directory',
    description: 'The workloads bundle extracted: this folder is the bundle root.',
    build: workloads,
  },
];

/** The bytes of a zip or tar.gz fixture. */
export function fixtureArchive(fixture: Fixture): Uint8Array {
  const bundle = fixture.build();
  if (fixture.format === 'zip') return bundle.toZip();
  if (fixture.format === 'tar.gz') return bundle.toTarGz();
  throw new Error(`${fixture.name} is a directory fixture`);
}
