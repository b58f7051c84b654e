import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runRule, runRules, type BundleBuilder } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { helmChartJobFailing, HOOK_JOB, INVALID_PORT_ERROR } from './fault.js';

const ID = 'helm-chart-job-failing';
const rule = () => catalogRule(ID);

const analyzeWith = async (builder: BundleBuilder, ids: string[]) => runRules(await Promise.all(ids.map((id) => catalogRule(id))), builder);

describe(ID, () => {
  it('fails when the install Job crash-loops, quoting the Helm error line from the job pod log', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 21 });
    const { pod } = helmChartJobFailing(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      `HelmChart kube-system/rke2-ingress-nginx is not applied: its Job kube-system/helm-install-rke2-ingress-nginx keeps failing: the helm container exited with code 1 and restarted 9 time(s); Helm logged "Error: UPGRADE FAILED: ${INVALID_PORT_ERROR}".`,
    );
    const [proof] = run.finding!.evidence;
    expect(proof!.path).toBe(`logs/kube-system/${pod}/helm.log`);
    expect(citedLine(bundle, proof!)).toContain('Error: UPGRADE FAILED: cannot patch "rke2-ingress-nginx-controller"');
    expectCited(bundle, run.finding, 'yamls/namespaced/kube-system/v1/pods.yaml', /\/state\/waiting\/reason$/, 'reason: CrashLoopBackOff');
    expectCited(bundle, run.finding, 'yamls/namespaced/kube-system/helm.cattle.io/v1/helmcharts.yaml', /^\/status\/jobName$/, 'jobName: helm-install-rke2-ingress-nginx');
  });

  it('fails when the Job completed but Helm\'s last word is an error (klipper-helm exits 0 after a failed upgrade with failurePolicy retry)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 21 });
    helmChartJobFailing(bundle, 'retry-policy');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain('its Job kube-system/helm-install-rke2-ingress-nginx completed, but Helm failed: "Error: UPGRADE FAILED: cannot patch');
    expectCited(bundle, run.finding, 'yamls/namespaced/kube-system/batch/v1/jobs.yaml', /^\/status\/conditions\/1\/reason$/, 'reason: CompletionsReached');
  });

  it('names the failed pre-upgrade hook Job, which explains the chart and is the headline', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 21 });
    helmChartJobFailing(bundle, 'hook');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain(`Helm logged "Error: UPGRADE FAILED: pre-upgrade hooks failed: job ${HOOK_JOB} failed: BackoffLimitExceeded". The failure is the Helm hook Job kube-system/${HOOK_JOB} (pre-install,pre-upgrade).`);
    expectCited(bundle, run.finding, 'yamls/namespaced/kube-system/batch/v1/jobs.yaml', /^\/status\/conditions\/1\/reason$/, 'reason: BackoffLimitExceeded');

    const report = await analyzeWith(bundle, [ID, 'helm-hook-job-failed', 'job-failed']);
    const hook = report.findings.find((finding) => finding.ruleId === 'helm-hook-job-failed' && finding.status === 'fail');
    const chart = report.findings.find((finding) => finding.ruleId === ID && finding.status === 'fail');
    expect(hook?.explains).toEqual([{ ruleId: ID, fingerprint: chart!.fingerprint }]);
    expect(chart?.causedBy).toEqual([{ ruleId: 'helm-hook-job-failed', fingerprint: hook!.fingerprint }]);
    // The generic failed-Job finding for the hook Job is covered by the Helm-specific ones.
    expect(report.findings.filter((finding) => finding.ruleId === 'job-failed').map((finding) => finding.status)).toEqual(['info']);
    expect(report.summary.headline).toBe('helm-hook-job-failed');
  });

  it('passes when the log\'s Error is followed by a successful install and the Job completed (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 21 });
    helmChartJobFailing(bundle, 'recovered');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('pass');
  });

  it('passes on the completed helm-install Jobs of a healthy cluster, RKE2\'s and the enabled Addon\'s', async () => {
    const run = await runRule(await rule(), healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 21 }));
    expect(run.outcome).toBe('pass');
  });
});
