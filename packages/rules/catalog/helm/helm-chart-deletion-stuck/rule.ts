import type { Evidence } from '@bundle-triage/report';
import { defineCodeRule, type CodeFinding } from '../../../src/rule/rule.js';
import { fieldOf, textOf } from '../../../src/rule/object-fields.js';
import { HELM_JOB_INPUTS, helmErrorText, helmJobRun, helmRunEvidence, hookJobNamed, releaseNamespaceOf } from '../../../src/catalog/support/helm-job-runs.js';
import { isSystemNamespace } from '../../../src/catalog/support/system-namespaces.js';
import { humanAge } from '../../../src/match/render-template.js';

const FINALIZER = 'wrangler.cattle.io/on-helm-chart-remove';
/** A deletion this long before the bundle was taken is stuck, not in progress. */
const STUCK_AFTER_MS = 10 * 60_000;

/**
 * A HelmChart whose deletion never completes: helm-controller keeps its finalizer until the
 * chart's helm-delete Job has succeeded, so the Job's state (and its pod's log) says why.
 */
export default defineCodeRule({
  id: 'helm-chart-deletion-stuck',
  title: "A HelmChart's deletion never completes (its helm-delete Job fails, or never ran)",
  description:
    'helm-controller keeps the finalizer wrangler.cattle.io/on-helm-chart-remove on a HelmChart being deleted until the chart\'s ' +
    'helm-delete-<chart> Job (helm uninstall) has succeeded. For each HelmChart deleted more than 10 minutes before the bundle was ' +
    'taken and still carrying that finalizer, the rule reads the Job, its pods and their logs and says why: no helm-delete Job ' +
    '(helm-controller, inside rke2-server, is not processing the chart, or the chart is marked unmanaged); the Job failed at its ' +
    'backoff limit (helm-controller then waits for ever); its pod keeps failing or cannot start, quoting Helm\'s error; or the Job ' +
    'completed — klipper-helm runs `helm uninstall … || true`, so a completed helm-delete Job whose log ends in an Error: line means ' +
    'the release and its resources stay behind once the chart goes. A failed pre-delete hook named in that error is cited. ' +
    'Severity follows impact: a chart in a system namespace (RKE2\'s, Harvester\'s Addons) high, a user\'s medium. It refines the ' +
    'generic stuck-deletion finding about the same chart and explains the Addon stuck disabling.',
  severity: 'high',
  component: 'helm',
  tags: ['health', 'helm', 'deletion'],
  versions: 'all (helm-controller with the on-helm-chart-remove finalizer)',
  detectability: 'detectable',
  refines: [{ rule: 'object-deletion-stuck' }, { rule: 'job-failed' }],
  explains: [{ rule: 'harvester-addon-failed', via: 'owner' }],
  references: [
    { title: 'k3s-io/helm-controller: pkg/controllers/chart/chart.go (OnRemove: the helm-delete Job must succeed)', url: 'https://github.com/k3s-io/helm-controller/blob/master/pkg/controllers/chart/chart.go' },
    { title: 'k3s-io/klipper-helm: entry — helm uninstall … --wait || true', url: 'https://github.com/k3s-io/klipper-helm/blob/master/entry' },
    { title: 'k3s-io/k3s#1984: HelmChart stuck deleting, helm-delete job', url: 'https://github.com/k3s-io/k3s/issues/1984' },
  ],
  whyCode: {
    needs: ['object-join', 'log-line-order'],
    because: 'joins each deleting HelmChart to its helm-delete Job, the Job to its pods and their logs, and decides on the LAST result Helm logged there',
  },
  inputs: {
    charts: { resource: { group: 'helm.cattle.io', resource: 'helmcharts', containing: 'deletionTimestamp' } },
    ...HELM_JOB_INPUTS,
  },
  async evaluate(context) {
    const createdAt = context.facts.createdAt ? Date.parse(context.facts.createdAt) : Number.NaN;
    if (Number.isNaN(createdAt)) context.skip('missing-input', "the bundle's creation time is unknown, so how long a deletion has been pending cannot be told");
    const findings: CodeFinding[] = [];
    for (const chart of context.inputs.charts) {
      const requested = Date.parse(textOf(chart, 'metadata.deletionTimestamp') ?? '');
      const finalizers = fieldOf(chart, 'metadata.finalizers');
      const finalizer = Array.isArray(finalizers) ? finalizers.indexOf(FINALIZER) : -1;
      if (Number.isNaN(requested) || createdAt - requested < STUCK_AFTER_MS || finalizer < 0) continue;
      const run = await helmJobRun(context, chart, context.inputs.jobs, context.inputs.pods, context.inputs.helmLogs);
      const where = `${chart.metadata.namespace}/${chart.metadata.name}`;
      const job = `Job ${chart.metadata.namespace}/${run.jobName}`;
      const since = (time: string | undefined) => (time && !Number.isNaN(Date.parse(time)) ? ` ${humanAge(createdAt - Date.parse(time))} ago` : '');
      const annotations = chart.metadata.annotations ?? {};
      let status: CodeFinding['status'] = 'fail';
      let why: string;
      switch (run.state) {
        case 'missing':
          why = 'helmcharts.helm.cattle.io/unmanaged' in annotations
            ? 'it is marked helmcharts.helm.cattle.io/unmanaged, so no helm-controller removes the finalizer'
            : `helm-controller never created its ${job} (status.jobName is ${textOf(chart, 'status.jobName') ?? 'empty'}): the helm-controller managing it${annotations['helmcharts.cattle.io/managed-by'] ? ` (${annotations['helmcharts.cattle.io/managed-by']})` : ''} is not processing it — it runs inside rke2-server on the control-plane nodes`;
          break;
        case 'failed':
          why = `its ${job} failed${since(run.condition?.time)} (${run.condition?.reason}: ${run.condition?.message}) and helm-controller waits for it to succeed, so it never removes the finalizer; ${helmErrorText(run)}`;
          break;
        case 'failing':
          why = `its ${job} keeps failing: ${run.troubled?.detail}; ${helmErrorText(run)}`;
          break;
        case 'pending':
          why = `the pod of its ${job} cannot run (${run.troubled?.reason}: ${run.troubled?.detail})`;
          break;
        case 'complete':
          why =
            run.outcome?.kind === 'error'
              ? `its ${job} completed${since(run.condition?.time)}, but Helm failed: "${run.outcome.text}" — klipper-helm ends the uninstall with "|| true", so the release and its resources stay behind once the chart goes; and helm-controller has not removed the finalizer since`
              : `its ${job} completed${since(run.condition?.time)}, yet helm-controller has not removed the finalizer: is helm-controller (inside rke2-server on the control-plane nodes) running?`;
          break;
        default:
          status = 'warn';
          why = `its ${job} has not finished (helm uninstall --wait waits until the release's resources are gone)`;
      }
      const evidence: Evidence[] = [
        ...(await helmRunEvidence(context, run)),
        await context.evidence(chart, '/metadata/deletionTimestamp'),
        await context.evidence(chart, `/metadata/finalizers/${finalizer}`),
      ];
      const hook = hookJobNamed(run, context.inputs.hookJobs, releaseNamespaceOf(chart));
      if (hook) evidence.push(await context.evidence(hook, '/metadata/name'));
      const system = isSystemNamespace(chart.metadata.namespace) || isSystemNamespace(releaseNamespaceOf(chart));
      findings.push({
        status,
        severity: system ? 'high' : 'medium',
        subject: chart,
        message: `HelmChart ${where} has been deleting for ${humanAge(createdAt - requested)}: ${why}.${hook ? ` The uninstall stopped on the Helm hook Job ${hook.metadata.namespace}/${hook.metadata.name}.` : ''}`,
        evidence,
        remediation: {
          summary: `Make the helm-delete Job of ${where} succeed (fix what Helm reports, or get helm-controller running); remove the finalizer by hand only after uninstalling the release yourself.`,
          steps: [
            `kubectl -n ${chart.metadata.namespace} logs job/${run.jobName} --tail=40 — Helm's error is the last Error: line.`,
            `After fixing the cause, delete the failed Job (kubectl -n ${chart.metadata.namespace} delete job ${run.jobName}); helm-controller creates it again.`,
            `If the release must go regardless: helm uninstall ${chart.metadata.name} -n ${releaseNamespaceOf(chart)} (--no-hooks when a hook fails), then kubectl -n ${chart.metadata.namespace} patch helmchart ${chart.metadata.name} --type=json -p '[{"op":"remove","path":"/metadata/finalizers"}]'.`,
          ],
          commands: [`kubectl -n ${chart.metadata.namespace} get helmchart ${chart.metadata.name} -o yaml`, `kubectl -n ${chart.metadata.namespace} get jobs,pods -l helmcharts.helm.cattle.io/chart=${chart.metadata.name}`],
        },
      });
    }
    return findings;
  },
});
