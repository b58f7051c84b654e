import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { helmChartJobFailing, HOOK_JOB } from '../helm-chart-job-failing/fault.js';
import { jobFailed } from '../../job/job-failed/fault.js';
import { helmHookJobFailed } from './fault.js';

const rule = () => catalogRule('helm-hook-job-failed');

describe('helm-hook-job-failed', () => {
  it('fails for a failed pre-delete hook: the uninstall stopped on it though klipper-helm reported it done', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 31 });
    helmHookJobFailed(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toBe(
      "Helm pre-delete hook Job default/postgres-operator-pre-delete of release postgres-operator failed 1h56m ago (BackoffLimitExceeded): `helm uninstall` stops on it, so the release and its resources stay; klipper-helm's helm-delete Job still ends as completed.",
    );
    expectCited(bundle, run.finding, 'yamls/namespaced/default/batch/v1/jobs.yaml', /^\/metadata\/annotations\/helm.sh~1hook$/, 'helm.sh/hook: pre-delete');
    expectCited(bundle, run.finding, 'yamls/namespaced/default/batch/v1/jobs.yaml', /^\/status\/conditions\/1\/reason$/, 'reason: BackoffLimitExceeded');
  });

  it('fails high for a failed pre-upgrade hook of a system chart (RKE2 ingress admission certificates)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 31 });
    helmChartJobFailing(bundle, 'hook');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toContain(`Helm pre-install,pre-upgrade hook Job kube-system/${HOOK_JOB} of release rke2-ingress-nginx failed 45m ago (BackoffLimitExceeded): the install or upgrade that ran it failed before applying the chart`);
  });

  it('passes for a hook Job that completed and was kept (near miss), and ignores failed Jobs that are not hooks', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 31 });
    helmHookJobFailed(bundle, { succeeded: true });
    jobFailed(bundle, { kind: 'user' });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('pass');
  });
});
