import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runRule, runRules, type BundleBuilder } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { helmChartDeletionStuck, UNINSTALL_ERROR, UNREACHABLE } from './fault.js';

const ID = 'helm-chart-deletion-stuck';
const rule = () => catalogRule(ID);
const CHARTS = 'yamls/namespaced/harvester-system/helm.cattle.io/v1/helmcharts.yaml';

const analyzeWith = async (builder: BundleBuilder, ids: string[]) => runRules(await Promise.all(ids.map((id) => catalogRule(id))), builder);

describe(ID, () => {
  it('fails when the helm-delete Job keeps failing, quoting the Helm error from its pod log', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 71 });
    const { pod } = helmChartDeletionStuck(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      `HelmChart harvester-system/vm-import-controller has been deleting for 3h: its Job harvester-system/helm-delete-vm-import-controller keeps failing: the helm container exited with code 1 and restarted 4 time(s); Helm logged "Error: ${UNREACHABLE}".`,
    );
    expect(run.finding!.evidence[0]!.path).toBe(`logs/harvester-system/${pod}/helm.log`);
    expect(citedLine(bundle, run.finding!.evidence[0]!)).toContain('Error: Kubernetes cluster unreachable');
    expectCited(bundle, run.finding, CHARTS, /^\/metadata\/finalizers\/0$/, '- wrangler.cattle.io/on-helm-chart-remove');
  });

  it('fails when the helm-delete Job failed at its backoff limit, saying its pod (and log) are gone', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 71 });
    helmChartDeletionStuck(bundle, 'failed');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain('its Job harvester-system/helm-delete-vm-import-controller failed 2h ago (BackoffLimitExceeded: Job has reached the specified backoff limit) and helm-controller waits for it to succeed');
    expect(run.finding!.message).toContain('its pod is gone (the Job controller deletes it at the backoff limit), so no Helm output was collected');
  });

  it('fails when the helm-delete Job "completed" while Helm logged an error (klipper-helm\'s || true)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 71 });
    helmChartDeletionStuck(bundle, 'completed-with-error');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain(`its Job harvester-system/helm-delete-vm-import-controller completed 25m ago, but Helm failed: "Error: ${UNINSTALL_ERROR}" — klipper-helm ends the uninstall with "|| true"`);
    expectCited(bundle, run.finding, 'yamls/namespaced/harvester-system/batch/v1/jobs.yaml', /^\/status\/conditions\/1\/reason$/, 'reason: CompletionsReached');
  });

  it('passes while a deletion requested 40 s before the bundle runs its Job (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 71 });
    helmChartDeletionStuck(bundle, 'recent');
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('covers the generic stuck-deletion finding about the chart and explains the Addon stuck disabling', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 71 });
    helmChartDeletionStuck(bundle);
    const report = await analyzeWith(bundle, [ID, 'object-deletion-stuck', 'harvester-addon-failed']);
    const chart = report.findings.find((finding) => finding.ruleId === ID && finding.status === 'fail')!;
    const generic = report.findings.find((finding) => finding.ruleId === 'object-deletion-stuck' && finding.status !== 'pass');
    const addon = report.findings.find((finding) => finding.ruleId === 'harvester-addon-failed' && finding.status === 'warn');
    expect(generic?.status).toBe('info');
    expect(generic?.coveredBy).toBe(ID);
    expect(generic?.message).toContain('finalizer wrangler.cattle.io/on-helm-chart-remove (removed by helm-controller (inside rke2-server on the control-plane nodes)');
    expect(addon?.message).toContain('has been in AddonDisabling for 3h');
    expect(addon?.causedBy).toEqual([{ ruleId: ID, fingerprint: chart.fingerprint }]);
    expect(report.summary.headline).toBe(ID);
  });
});
