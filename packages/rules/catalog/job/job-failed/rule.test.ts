import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { jobFailed } from './fault.js';

const rule = () => catalogRule('job-failed');

describe('job-failed', () => {
  it('fails high for a system Job that hit its backoff limit, citing the Failed condition', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 12 });
    const job = jobFailed(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      `System Job cattle-system/${job.metadata.name} failed 40m ago: BackoffLimitExceeded (Job has reached the specified backoff limit); 3 pod(s) failed, backoffLimit 2.`,
    );
    expectCited(bundle, run.finding, 'yamls/namespaced/cattle-system/batch/v1/jobs.yaml', /^\/status\/conditions\/1\/reason$/, 'reason: BackoffLimitExceeded');
  });

  it('fails medium for a user Job past its deadline', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 12 });
    jobFailed(bundle, { kind: 'user', reason: 'DeadlineExceeded' });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toContain('Job default/db-schema-migrate failed 40m ago: DeadlineExceeded (Job was active longer than specified deadline)');
  });

  it('warns for a failed CronJob run (its history keeps the last failure), naming the CronJob', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 12 });
    jobFailed(bundle, { kind: 'cron' });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain('The last failed run of CronJob default/nightly-report (nightly-report-28978560, 40m ago) ended BackoffLimitExceeded');
  });

  it('reports a failure older than 7 days as a leftover (info), not a failure', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 12 });
    jobFailed(bundle, { failedSecondsBefore: 12 * 24 * 3600 });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('info');
    expect(run.finding!.message).toContain('failed 12d ago (BackoffLimitExceeded: Job has reached the specified backoff limit) and was left behind');
  });

  it('passes for a Job whose first pod failed and whose retry completed (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 12 });
    jobFailed(bundle, { recovered: true });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('pass');
  });
});
