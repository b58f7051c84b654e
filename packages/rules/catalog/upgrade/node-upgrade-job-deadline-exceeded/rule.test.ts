import { describe, expect, it } from 'vitest';
import { nodeUpgradeJobDeadlineExceeded } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('node-upgrade-job-deadline-exceeded');

describe('node-upgrade-job-deadline-exceeded (S32)', () => {
  it('fails on the DeadlineExceeded node-upgrade job and offers the ManagedChart patch', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 32 });
    const job = nodeUpgradeJobDeadlineExceeded(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(`Node upgrade job cattle-system/${job} failed: "Job was active longer than specified deadline".`);
    expectCites(bundle, run, 'yamls/namespaced/cattle-system/batch/v1/jobs.yaml', 'reason: DeadlineExceeded');
    expect(run.finding!.remediation!.patch!.target.name).toBe('local-managed-system-upgrade-controller');
    expect(run.finding!.remediation!.patch!.diff).toContain('systemUpgradeJobActiveDeadlineSeconds');
  });

  it('does not fire when the job failed on its backoff limit (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 32 });
    nodeUpgradeJobDeadlineExceeded(bundle, { reason: 'BackoffLimitExceeded' });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
