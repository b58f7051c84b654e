import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckCosStateSize } from './fault.js';

describeNodeHealthCheck({
  id: 'precheck-cos-state-size',
  source: 'supportconfig',
  version: 'v1.7.0',
  kits: ['v0.0.74'],
  oldBundleSkip: 'version',
  fault: (cluster) => precheckCosStateSize(cluster),
  // The filesystem of a 15 GiB partition, as the script's own example shows it.
  nearMiss: (cluster) => precheckCosStateSize(cluster, { sizeKiB: 15_375_304 }),
  status: 'fail',
  message: (node) =>
    `COS_STATE-Size Test: Failed — ERROR: ${node as string}: COS_STATE partition is only 7.8G (df -h of /run/initramfs/cos-state), upgrade to Harvester v1.8.x will result in corrupt OS image. Suggest re-installing first to ensure partition is 15GB.`,
  file: 'fs-diskio.txt',
  proof: /^\/dev\/sda3\s+ext4\s+7\.8G\s+3\.6G\s+4\.2G\s+47% \/run\/initramfs\/cos-state$/,
});

describe('precheck-cos-state-size', () => {
  it('applies to v1.7.x only (the pre-check runs it before the upgrade to v1.8)', async () => {
    expect((await runRule(await catalogRule('precheck-cos-state-size'), readinessCluster(1))).skipReason).toBe('applies to Harvester >=1.7.0 <1.8.0; this bundle is v1.4.1');
  });
});
