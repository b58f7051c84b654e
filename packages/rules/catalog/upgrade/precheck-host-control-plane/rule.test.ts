import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';

describe('precheck-host-control-plane on a bundle that cannot answer it', () => {
  it('is skipped with the reason and what to run instead', async () => {
    const run = await runRule(await catalogRule('precheck-host-control-plane'), readinessCluster(1));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(/^the Host check depends on the node the pre-check script is started on.*\(harvester-node-0\)$/);
  });
});
