import type { Evidence } from '@bundle-triage/report';
import { defineCodeRule, type CodeFinding } from '../../../src/rule/rule.js';
import { recordsOf, textOf } from '../../../src/rule/object-fields.js';
import { HELM_JOB_INPUTS, helmErrorText, helmJobRun, helmRunEvidence, hookJobNamed, releaseNamespaceOf } from '../../../src/catalog/support/helm-job-runs.js';
import { isSystemNamespace } from '../../../src/catalog/support/system-namespaces.js';

/**
 * A HelmChart (helm.cattle.io) whose install/upgrade Job fails: the Job failed at its backoff
 * limit, its pod keeps failing or cannot start, helm-controller set the chart's Failed condition,
 * or the Job completed while Helm's last word in its log is an `Error:`.
 */
export default defineCodeRule({
  id: 'helm-chart-job-failing',
  title: "A HelmChart's helm-install Job fails (the Helm error from the job pod's log)",
  description:
    'For each HelmChart (helm.cattle.io) that is not being deleted, finds the Job helm-controller runs for it ' +
    '(status.jobName, helm-install-<chart>, in the chart\'s namespace), that Job\'s pods, and their logs (the klipper-helm ' +
    'script\'s trace with Helm\'s own output). It fails when the Job failed at its backoff limit (1000 by default, 5 for ' +
    'Harvester Addons), when its pod keeps failing (restartPolicy OnFailure: the container restarts in place, CrashLoopBackOff) ' +
    'or cannot start, when the chart\'s Failed condition is True (newer helm-controller), or when the Job completed but the last ' +
    'thing Helm logged is an Error: — the pod\'s log is the proof, the exit code is not. It quotes that Error: line (INSTALLATION ' +
    'FAILED / UPGRADE FAILED, a failed pre-install or pre-upgrade hook …). Severity follows impact: a chart in a system namespace ' +
    '(RKE2\'s charts in kube-system, Harvester\'s Addons) is high, a user\'s chart medium. A chart whose job pods are gone and whose ' +
    'Job has not failed is not judged.',
  severity: 'high',
  component: 'helm',
  tags: ['health', 'helm', 'job'],
  versions: 'all (helm-controller v0.15+ conditions; klipper-helm entry script)',
  detectability: 'detectable',
  refines: [{ rule: 'job-failed' }],
  explains: [{ rule: 'harvester-addon-failed', via: 'owner' }],
  references: [
    { title: 'k3s-io/helm-controller: pkg/controllers/chart/chart.go (job, conditions JobCreated/Failed)', url: 'https://github.com/k3s-io/helm-controller/blob/master/pkg/controllers/chart/chart.go' },
    { title: 'k3s-io/klipper-helm: entry (the helm-install/helm-delete script)', url: 'https://github.com/k3s-io/klipper-helm/blob/master/entry' },
    { title: 'RKE2 docs: Helm integration, HelmChart and HelmChartConfig', url: 'https://docs.rke2.io/helm' },
  ],
  whyCode: {
    needs: ['object-join', 'log-line-order'],
    because: 'joins each HelmChart to its Job, the Job to its pods and the pods to their logs, and decides on the LAST result Helm logged (an Error: followed by STATUS: deployed is a success), not on any matching line',
  },
  inputs: {
    charts: { resource: { group: 'helm.cattle.io', resource: 'helmcharts' } },
    ...HELM_JOB_INPUTS,
  },
  async evaluate(context) {
    const findings: CodeFinding[] = [];
    for (const chart of context.inputs.charts) {
      if (chart.metadata.deletionTimestamp) continue;
      const run = await helmJobRun(context, chart, context.inputs.jobs, context.inputs.pods, context.inputs.helmLogs);
      const failedCondition = recordsOf(chart, 'status.conditions').findIndex((condition) => condition.type === 'Failed' && condition.status === 'True');
      const where = `${chart.metadata.namespace}/${chart.metadata.name}`;
      const job = `${chart.metadata.namespace}/${run.jobName}`;
      let what: string | undefined;
      if (run.state === 'failed') what = `its Job ${job} failed (${run.condition?.reason}: ${run.condition?.message}); ${helmErrorText(run)}`;
      else if (run.state === 'failing') what = `its Job ${job} keeps failing: ${run.troubled?.detail}; ${helmErrorText(run)}`;
      else if (run.state === 'pending') what = `the pod of its Job ${job} cannot run (${run.troubled?.reason}: ${run.troubled?.detail})`;
      else if (run.state === 'complete' && run.outcome?.kind === 'error') what = `its Job ${job} completed, but Helm failed: "${run.outcome.text}" (the Job's success does not prove the release was applied)`;
      else if (failedCondition >= 0) what = `helm-controller set its Failed condition: ${textOf(recordsOf(chart, 'status.conditions')[failedCondition], 'message') ?? 'no message'}`;
      if (!what) continue;

      const evidence: Evidence[] = await helmRunEvidence(context, run);
      const hook = hookJobNamed(run, context.inputs.hookJobs, releaseNamespaceOf(chart));
      if (hook) evidence.push(await context.evidence(hook, failedConditionPointer(hook)));
      if (failedCondition >= 0) evidence.push(await context.evidence(chart, `/status/conditions/${failedCondition}/message`));
      evidence.push(await context.evidence(chart, textOf(chart, 'status.jobName') ? '/status/jobName' : '/metadata/name'));
      const system = isSystemNamespace(chart.metadata.namespace) || isSystemNamespace(releaseNamespaceOf(chart));
      const hookText = hook ? ` The failure is the Helm hook Job ${hook.metadata.namespace}/${hook.metadata.name} (${annotation(hook, 'helm.sh/hook')}).` : '';
      findings.push({
        status: 'fail',
        severity: system ? 'high' : 'medium',
        subject: chart,
        message: `HelmChart ${where} is not applied: ${what}.${hookText}`,
        evidence,
        remediation: {
          summary: `Fix what Helm reports for ${where} (the chart's values, a HelmChartConfig, a resource it cannot patch, a failing hook), then let helm-controller run the install Job again.`,
          steps: [
            `Read the whole error: kubectl -n ${chart.metadata.namespace} logs job/${run.jobName} --tail=40 (the previous run: add --previous to the pod).`,
            `Values come from the HelmChart and from a HelmChartConfig of the same name in ${chart.metadata.namespace}; correct the one that is wrong.`,
            ...(hook ? [`The hook Job ${hook.metadata.namespace}/${hook.metadata.name} failed: read its pod's log, fix it, delete the failed hook Job so Helm can create it again.`] : []),
            `helm-controller recreates the Job when the chart's spec or values change; to retry unchanged, delete job ${run.jobName} in ${chart.metadata.namespace}.`,
          ],
          commands: [
            `kubectl -n ${chart.metadata.namespace} get helmchart ${chart.metadata.name} -o yaml`,
            `kubectl -n ${chart.metadata.namespace} logs job/${run.jobName} --tail=40`,
            `kubectl -n ${releaseNamespaceOf(chart)} get secrets -l owner=helm,name=${chart.metadata.name}`,
          ],
        },
      });
    }
    return findings;
  },
});

function annotation(object: { metadata: { annotations?: Record<string, string> } }, key: string): string {
  return object.metadata.annotations?.[key] ?? '';
}

function failedConditionPointer(job: Parameters<typeof recordsOf>[0]): string {
  const index = recordsOf(job, 'status.conditions').findIndex((condition) => condition.type === 'Failed');
  return index < 0 ? '/metadata/name' : `/status/conditions/${index}/reason`;
}
