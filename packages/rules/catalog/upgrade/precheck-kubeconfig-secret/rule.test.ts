import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';

describe('precheck-kubeconfig-secret on a bundle that cannot answer it', () => {
  it('is skipped with the reason and what to run instead', async () => {
    const run = await runRule(await catalogRule('precheck-kubeconfig-secret'), readinessCluster(1));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(/^secret fleet-local\/local-kubeconfig is not in a support bundle: support-bundle-kit collects no Secrets except the machine-plan ones in fleet-local/);
  });
});
