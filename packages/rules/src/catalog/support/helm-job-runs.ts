import type { KubeObject, LogFile } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import type { RuleContext } from '../../rule/rule.js';
import { fieldOf, recordOf, recordsOf, textOf, type Fields } from '../../rule/object-fields.js';

/**
 * What a bundle shows of the Job helm-controller runs for a HelmChart (k3s-io/helm-controller):
 * `helm-install-<chart>` while the chart exists, `helm-delete-<chart>` once it is being deleted,
 * in the chart's namespace, restartPolicy OnFailure (the container restarts in place), backoff
 * limit 1000 unless the chart sets one (Harvester's Addons: 5). Its pod's log is the klipper-helm
 * script's trace with helm's own output; the last thing Helm said there — `Error: …`, or
 * `STATUS: deployed` / `release "…" uninstalled` — is what happened, whatever the exit code:
 * the delete path runs `helm uninstall … || true`, so a failed uninstall still "completes" the Job.
 */
export interface HelmJobRun {
  jobName: string;
  job?: Readonly<KubeObject>;
  /** The Job's pods, oldest first. */
  pods: readonly Readonly<KubeObject>[];
  state: HelmJobState;
  /** The Job's Failed or Complete condition (and its index), when it has one. */
  condition?: { index: number; reason: string; message: string; time?: string };
  /** A pod that cannot run or keeps failing, with the container status that says so. */
  troubled?: { pod: Readonly<KubeObject>; pointer: string; reason: string; detail: string; restarts: number };
  /** The last result Helm logged in the Job's pods, when their logs were collected. */
  outcome?: HelmOutcome;
  /** The pod logs that were searched (none: the pods are gone, or their logs were not collected). */
  logsRead: number;
}

export type HelmJobState = 'missing' | 'complete' | 'failed' | 'failing' | 'pending' | 'running' | 'waiting';

export interface HelmOutcome {
  kind: 'error' | 'success';
  /** The line's text after its timestamp, e.g. `Error: UPGRADE FAILED: …`. */
  text: string;
  file: LogFile;
  line: number;
  raw: string;
}

/**
 * What both Helm rules read besides the charts: helm-controller's Jobs and their pods (labelled
 * with the chart), Helm's hook Jobs (annotated), and the job pods' logs.
 */
export const HELM_JOB_INPUTS = {
  jobs: { resource: { group: 'batch', resource: 'jobs', containing: 'helmcharts.helm.cattle.io/chart' } },
  hookJobs: { resource: { group: 'batch', resource: 'jobs', containing: 'helm.sh/hook' } },
  pods: { resource: { group: '', resource: 'pods', containing: 'helmcharts.helm.cattle.io/chart' } },
  helmLogs: { logs: { podPrefix: 'helm-', container: 'helm' }, required: false },
} as const;

/** Lines that say how a helm run ended (helm's output, and klipper-helm's own stops). */
const OUTCOME = /^(?:(?<error>Error: .+|Release status is '.+' and failure policy is .+; waiting for operator intervention)|(?<success>STATUS: deployed|release ".+" uninstalled|\+ echo 'No helm chart installed; nothing to delete'))\s*$/;
const OUTCOME_PREFILTER = ['Error: ', 'STATUS: deployed', '" uninstalled', 'nothing to delete', 'waiting for operator intervention'];
const WAITING_TROUBLE = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'CreateContainerError', 'InvalidImageName', 'RunContainerError']);

/** The Job helm-controller runs for `chart` now (`action` from whether the chart is being deleted). */
export async function helmJobRun(
  context: Pick<RuleContext, 'signal'>,
  chart: Readonly<KubeObject>,
  jobs: readonly Readonly<KubeObject>[],
  pods: readonly Readonly<KubeObject>[],
  logs: readonly LogFile[],
): Promise<HelmJobRun> {
  const namespace = chart.metadata.namespace;
  const action = chart.metadata.deletionTimestamp ? 'delete' : 'install';
  const recorded = textOf(chart, 'status.jobName');
  const jobName = recorded?.startsWith(`helm-${action}-`) ? recorded : `helm-${action}-${chart.metadata.name}`;
  const job = jobs.find((candidate) => candidate.metadata.namespace === namespace && candidate.metadata.name === jobName);
  const jobPods = pods
    .filter((pod) => pod.metadata.namespace === namespace && ownedByJob(pod, jobName))
    .sort((a, b) => (String(a.metadata.creationTimestamp ?? '') < String(b.metadata.creationTimestamp ?? '') ? -1 : 1));
  const names = new Set(jobPods.map((pod) => pod.metadata.name));
  // Within a pod, the previous run (`.log.1`) before the current one.
  const podLogs = logs
    .filter((file) => file.namespace === namespace && names.has(file.pod ?? ''))
    .sort((a, b) => jobPods.findIndex((pod) => pod.metadata.name === a.pod) - jobPods.findIndex((pod) => pod.metadata.name === b.pod) || Number(b.previous ?? false) - Number(a.previous ?? false));
  const outcome = await lastOutcome(podLogs, context.signal);
  const run: HelmJobRun = { jobName, pods: jobPods, state: 'missing', logsRead: podLogs.length, ...(job ? { job } : {}), ...(outcome ? { outcome } : {}) };
  if (!job) return run;

  const conditions = recordsOf(job, 'status.conditions');
  const finished = (type: string) => conditions.findIndex((condition) => condition.type === type && condition.status === 'True');
  const failed = finished('Failed');
  const complete = finished('Complete');
  const at = failed >= 0 ? failed : complete;
  if (at >= 0) {
    const condition = conditions[at];
    const time = textOf(condition, 'lastTransitionTime');
    run.condition = { index: at, reason: textOf(condition, 'reason') ?? '', message: textOf(condition, 'message') ?? '', ...(time ? { time } : {}) };
    run.state = failed >= 0 ? 'failed' : 'complete';
    return run;
  }
  const troubled = jobPods.map(troubleOf).find((trouble) => trouble !== undefined);
  if (troubled) {
    run.troubled = troubled;
    run.state = troubled.reason === 'Unschedulable' || troubled.reason.includes('Image') || troubled.reason.startsWith('Create') ? 'pending' : 'failing';
    return run;
  }
  run.state = jobPods.some((pod) => textOf(pod, 'status.phase') === 'Running' || textOf(pod, 'status.phase') === 'Pending') ? 'running' : 'waiting';
  return run;
}

/** Evidence for a run: the Helm line that proves the result, then the Job's or pod's status field. */
export async function helmRunEvidence(context: Pick<RuleContext, 'evidence' | 'logEvidence'>, run: HelmJobRun): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  if (run.outcome?.kind === 'error') evidence.push(context.logEvidence(run.outcome.file, run.outcome.line, run.outcome.raw));
  if (run.job && run.condition) evidence.push(await context.evidence(run.job, `/status/conditions/${run.condition.index}/reason`));
  if (run.troubled) evidence.push(await context.evidence(run.troubled.pod, run.troubled.pointer));
  return evidence;
}

/** `Error: …` from the outcome, in quotes, or what the bundle lacks to say it. */
export function helmErrorText(run: HelmJobRun): string {
  if (run.outcome?.kind === 'error') return `Helm logged "${run.outcome.text}"`;
  if (run.logsRead === 0) return run.pods.length === 0 ? 'its pod is gone (the Job controller deletes it at the backoff limit), so no Helm output was collected' : 'no log of its pod was collected';
  return 'its log holds no Helm error';
}

/** The Helm hook Job an error names (`job <name> failed: <reason>`), in the release's namespace. */
export function hookJobNamed(run: HelmJobRun, jobs: readonly Readonly<KubeObject>[], releaseNamespace: string): Readonly<KubeObject> | undefined {
  const named = /\bjob (?<name>[a-z0-9]([-a-z0-9.]*[a-z0-9])?) failed\b/.exec(run.outcome?.kind === 'error' ? run.outcome.text : '')?.groups?.name;
  if (!named) return undefined;
  return jobs.find((job) => job.metadata.name === named && job.metadata.namespace === releaseNamespace && recordOf(job, 'metadata.annotations')['helm.sh/hook'] !== undefined);
}

/** The namespace the chart's release lives in. */
export function releaseNamespaceOf(chart: Readonly<KubeObject>): string {
  return textOf(chart, 'spec.targetNamespace') ?? chart.metadata.namespace ?? '';
}

async function lastOutcome(files: readonly LogFile[], signal: AbortSignal): Promise<HelmOutcome | undefined> {
  let last: HelmOutcome | undefined;
  for (const file of files) {
    for await (const line of file.lines({ prefilter: OUTCOME_PREFILTER, signal })) {
      const groups = OUTCOME.exec(line.text)?.groups;
      if (!groups) continue;
      last = { kind: groups.error ? 'error' : 'success', text: line.text.trim(), file, line: line.line, raw: line.raw };
    }
  }
  return last;
}

/** Whether a pod is one of Job `job`'s: by either job-name label, or by its owner reference. */
export function ownedByJob(pod: Readonly<KubeObject>, job: string): boolean {
  const labels = pod.metadata.labels ?? {};
  if (labels['job-name'] === job || labels['batch.kubernetes.io/job-name'] === job) return true;
  return recordsOf(pod, 'metadata.ownerReferences').some((owner) => owner.kind === 'Job' && owner.name === job);
}

/** A pod that cannot run (unschedulable, image) or whose container keeps failing. */
function troubleOf(pod: Readonly<KubeObject>): HelmJobRun['troubled'] {
  const statuses = recordsOf(pod, 'status.containerStatuses');
  for (const [index, status] of statuses.entries()) {
    const restarts = Number(fieldOf(status, 'restartCount') ?? 0);
    const waiting = textOf(status, 'state.waiting.reason');
    if (waiting && WAITING_TROUBLE.has(waiting)) {
      const exit = fieldOf(status, 'lastState.terminated.exitCode');
      const detail = waiting === 'CrashLoopBackOff' ? `the helm container exited ${exit === undefined ? 'with an error' : `with code ${String(exit)}`} and restarted ${restarts} time(s)` : (textOf(status, 'state.waiting.message') ?? waiting);
      return { pod, pointer: `/status/containerStatuses/${index}/state/waiting/reason`, reason: waiting, detail, restarts };
    }
    const exit = fieldOf(status, 'lastState.terminated.exitCode');
    if (restarts > 0 && exit !== undefined && Number(exit) !== 0) {
      return { pod, pointer: `/status/containerStatuses/${index}/lastState/terminated/exitCode`, reason: 'Error', detail: `the helm container exited with code ${String(exit)} and restarted ${restarts} time(s)`, restarts };
    }
  }
  const conditions = recordsOf(pod, 'status.conditions');
  const scheduled = conditions.findIndex((condition: Fields) => condition.type === 'PodScheduled' && condition.status === 'False');
  if (scheduled >= 0) {
    return { pod, pointer: `/status/conditions/${scheduled}/message`, reason: 'Unschedulable', detail: textOf(conditions[scheduled], 'message') ?? 'the pod cannot be scheduled', restarts: 0 };
  }
  return undefined;
}
