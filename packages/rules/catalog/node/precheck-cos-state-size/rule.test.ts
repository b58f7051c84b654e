import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';

describe('precheck-cos-state-size', () => {
  it('skips the v1.7.x COS_STATE check with its reason, and by version elsewhere', async () => {
    const builder = readinessCluster(1);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = 'v1.7.1'; });
    expect((await runRule(await catalogRule('precheck-cos-state-size'), builder)).skipReason).toBe(
      'the size of the COS_STATE partition is not recorded in a support bundle; check it on each node with df -h /run/initramfs/cos-state (needs at least 15 GB)',
    );
    expect((await runRule(await catalogRule('precheck-cos-state-size'), readinessCluster(1))).skipReason).toBe('applies to Harvester >=1.7.0 <1.8.0; this bundle is v1.4.1');
  });
});
