import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { jobRecreatedInALoop } from './fault.js';

const rule = () => catalogRule('job-recreated-in-a-loop');

describe('job-recreated-in-a-loop', () => {
  it('warns for a Job whose pods keep failing while it retries, citing the newest failure', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 19 });
    jobRecreatedInALoop(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toMatch(/^Job default\/db-schema-migrate keeps retrying: 4 of its pods failed within 28m \(db-schema-migrate-\w{5}, .*\), the last exited with code 2 \(Error\); backoffLimit 10, 4 failed so far\.$/);
    expectCited(bundle, run.finding, 'yamls/namespaced/default/v1/pods.yaml', /\/state\/terminated\/exitCode$/, 'exitCode: 2');
  });

  it('fails for a CronJob whose runs keep failing (more failed Jobs kept than a schedule leaves)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 19 });
    jobRecreatedInALoop(bundle, 'cron');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/^CronJob default\/nightly-report ran 4 Jobs that failed \(BackoffLimitExceeded\) within 30m: nightly-report-\d+, nightly-report-\d+, nightly-report-\d+, nightly-report-\d+; it keeps creating Jobs that fail\.$/);
    expectCited(bundle, run.finding, 'yamls/namespaced/default/batch/v1/jobs.yaml', /^\/status\/conditions\/0\/reason$/, 'reason: BackoffLimitExceeded');
  });

  it('passes for a CronJob\'s normal history: completed runs and one failure (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 19 });
    jobRecreatedInALoop(bundle, 'history');
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
