import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';

describe('precheck-node-free-space on a bundle that cannot answer it', () => {
  it('is skipped with the reason and what to run instead', async () => {
    const run = await runRule(await catalogRule('precheck-node-free-space'), readinessCluster(1));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(/^free disk space of nodes is not recorded in a support bundle; check it on each node with kubectl get --raw/);
  });
});
