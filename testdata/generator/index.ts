/**
 * The fixture generator: a healthy Harvester cluster, the faults that break it the way the
 * catalog's signatures describe, and the writers (on BundleBuilder) that turn it into a bundle.
 *
 *   const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
 *   flagshipS01(bundle);
 *   bundle.writeZip('out/flagship.zip');
 */
export { healthyCluster, generateHealthyCluster, DEFAULT_CREATED_AT, type HealthyClusterOptions } from './healthy-cluster.js';
export { flagshipS01, snapshotWebhookModifications, type FlagshipS01Options } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fault.js';
export { fixS01 } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fix.js';
export { FIXTURES, type Fixture } from './fixtures.js';
export { addWorkloadHistory } from './workload-history.js';
export { addCustomResourceDefinitions, HARVESTER_CRDS } from './custom-resource-definitions.js';
export { updateNodeHealth } from './node-bundle.js';
export { restartContainer } from './pod-logs.js';
export { healthyNodeHealth, supportconfigFiles, type NodeFilesystem, type NodeHealth } from './supportconfig.js';
export { KIT_GENERATIONS, KIT_PROFILES, type KitName, type KitProfile } from '../../packages/rules/src/testing/kit-profile.js';
export { BundleBuilder, type BundleBuilderOptions, type KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
export { toGoYaml } from '../../packages/rules/src/testing/go-yaml.js';
