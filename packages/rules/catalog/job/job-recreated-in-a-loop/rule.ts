import type { KubeObject } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import { defineCodeRule, type CodeFinding, type RuleContext } from '../../../src/rule/rule.js';
import { fieldOf, recordsOf, textOf } from '../../../src/rule/object-fields.js';
import { isSystemNamespace } from '../../../src/catalog/support/system-namespaces.js';
import { humanAge } from '../../../src/match/render-template.js';
import { ownedByJob } from '../../../src/catalog/support/helm-job-runs.js';

/** Runs this close together are one loop, not a schedule. */
const WINDOW_MS = 60 * 60_000;
/** Failed runs in one window that make it a loop. */
const FAILED_RUNS = 3;

const INPUTS = {
  jobs: { resource: { group: 'batch', resource: 'jobs' } },
  pods: { resource: { group: '', resource: 'pods', containing: 'job-name' } },
} as const;
type Context = RuleContext<typeof INPUTS>;

/**
 * Jobs (or a Job's pods) created again and again: a Job whose pods keep failing while it retries,
 * and an owner (a CronJob, a controller) or a name stem whose Jobs keep failing within an hour.
 */
export default defineCodeRule({
  id: 'job-recreated-in-a-loop',
  title: 'Jobs or their pods are recreated in a loop (failing again and again within an hour)',
  description:
    'Two shapes of the same problem, from the objects the bundle holds: (1) a Job that has not finished yet whose pods failed ' +
    `${FAILED_RUNS} times or more within an hour — with restartPolicy Never each retry is a new pod, and a large backoffLimit ` +
    'makes this last for hours; (2) Jobs of one owner (a CronJob or a controller, by its ownerReference) or, for Jobs without one, ' +
    `of one name stem (the name without its generated suffix), of which ${FAILED_RUNS} or more failed within an hour — a CronJob ` +
    'keeps only failedJobsHistoryLimit of them (default 1), so several failed runs in the bundle are a schedule that keeps failing ' +
    'or a controller that keeps recreating its Job. It cites the newest failed pod\'s termination or each failed Job\'s Failed ' +
    'condition. A CronJob\'s normal history (a few completed runs and at most one failed) does not fire. Severity follows impact: ' +
    'system namespaces high, a user\'s medium.',
  severity: 'high',
  component: 'job',
  tags: ['health', 'job'],
  versions: 'all',
  detectability: 'partial',
  detectabilityNote: 'A controller that deletes each failed Job before creating the next leaves only one in the bundle; events (when collected) are then the only trace.',
  refines: [{ rule: 'job-failed' }],
  references: [
    { title: 'Kubernetes docs: Jobs — pod backoff failure policy', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy' },
    { title: 'Kubernetes docs: CronJob — jobs history limits, concurrency policy', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/' },
  ],
  whyCode: {
    needs: ['object-join'],
    because: 'groups Jobs by their owner or name stem and pods by their Job, then counts the failed ones inside a sliding one-hour window; conditions count elements of one list, never groups of a list matched to another',
  },
  inputs: INPUTS,
  async evaluate(context) {
    return [...(await retryingJobs(context)), ...(await failingGroups(context))];
  },
});

/** (1) Unfinished Jobs whose pods keep failing. */
async function retryingJobs(context: Context): Promise<CodeFinding[]> {
  const findings: CodeFinding[] = [];
  for (const job of context.inputs.jobs) {
    if (finished(job)) continue;
    const failedPods = context.inputs.pods
      .filter((pod) => pod.metadata.namespace === job.metadata.namespace && ownedByJob(pod, job.metadata.name) && textOf(pod, 'status.phase') === 'Failed')
      .sort(byCreation);
    const burst = densestWindow(failedPods);
    if (burst.length < FAILED_RUNS) continue;
    const newest = burst[burst.length - 1]!;
    const exit = terminatedPointer(newest);
    const evidence: Evidence[] = [await context.evidence(newest, exit ?? '/status/phase')];
    if (fieldOf(job, 'status.failed') !== undefined) evidence.push(await context.evidence(job, '/status/failed'));
    const namespace = job.metadata.namespace;
    findings.push({
      status: 'warn',
      severity: isSystemNamespace(namespace) ? 'high' : 'medium',
      subject: job,
      message:
        `Job ${namespace}/${job.metadata.name} keeps retrying: ${burst.length} of its pods failed within ${span(burst)} ` +
        `(${burst.map((pod) => pod.metadata.name).join(', ')}), the last ${termination(newest)}; backoffLimit ${String(fieldOf(job, 'spec.backoffLimit') ?? 6)}, ${String(fieldOf(job, 'status.failed') ?? burst.length)} failed so far.`,
      evidence,
      remediation: remediation(namespace, `logs ${newest.metadata.name}`),
    });
  }
  return findings;
}

/** (2) Owners (or name stems) whose Jobs keep failing. */
async function failingGroups(context: Context): Promise<CodeFinding[]> {
  const groups = new Map<string, { label: string; jobs: Readonly<KubeObject>[] }>();
  for (const job of context.inputs.jobs) {
    const owner = recordsOf(job, 'metadata.ownerReferences').find((reference) => reference.controller === true) ?? recordsOf(job, 'metadata.ownerReferences')[0];
    const key = owner ? `${job.metadata.namespace}|${String(owner.kind)}|${String(owner.name)}` : `${job.metadata.namespace}|stem|${nameStem(job.metadata.name)}`;
    const label = owner ? `${String(owner.kind)} ${job.metadata.namespace}/${String(owner.name)}` : `Jobs ${job.metadata.namespace}/${nameStem(job.metadata.name)}-*`;
    const group = groups.get(key) ?? { label, jobs: [] };
    group.jobs.push(job);
    groups.set(key, group);
  }
  const findings: CodeFinding[] = [];
  for (const { label, jobs } of [...groups.values()].sort((a, b) => (a.label < b.label ? -1 : 1))) {
    const failed = densestWindow(jobs.filter((job) => failedCondition(job) >= 0).sort(byCreation));
    if (failed.length < FAILED_RUNS) continue;
    const evidence = await Promise.all(failed.slice(-6).map((job) => context.evidence(job, `/status/conditions/${failedCondition(job)}/reason`)));
    const namespace = failed[0]!.metadata.namespace;
    const reasons = [...new Set(failed.map((job) => textOf(recordsOf(job, 'status.conditions')[failedCondition(job)], 'reason') ?? 'Failed'))].join(', ');
    findings.push({
      status: 'fail',
      severity: isSystemNamespace(namespace) ? 'high' : 'medium',
      key: label,
      message: `${label} ran ${failed.length} Jobs that failed (${reasons}) within ${span(failed)}: ${failed.map((job) => job.metadata.name).join(', ')}; it keeps creating Jobs that fail.`,
      evidence,
      remediation: remediation(namespace, `describe job ${failed[failed.length - 1]!.metadata.name}`),
    });
  }
  return findings;
}

function remediation(namespace: string | undefined, inspect: string): NonNullable<CodeFinding['remediation']> {
  return {
    summary: 'Find out why each run fails (the pods\' logs and exit codes), fix that, and stop the loop meanwhile (suspend the CronJob, or delete the Job) if the retries do harm.',
    steps: [
      `kubectl -n ${namespace} ${inspect}`,
      `A CronJob can be paused with: kubectl -n ${namespace} patch cronjob <name> -p '{"spec":{"suspend":true}}'`,
    ],
    commands: [`kubectl -n ${namespace} get jobs,pods --sort-by=.metadata.creationTimestamp`],
  };
}

function finished(job: Readonly<KubeObject>): boolean {
  return recordsOf(job, 'status.conditions').some((condition) => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True');
}

function failedCondition(job: Readonly<KubeObject>): number {
  return recordsOf(job, 'status.conditions').findIndex((condition) => condition.type === 'Failed' && condition.status === 'True');
}

/** The most objects created within one window (sorted by creation), latest first on ties. */
function densestWindow<T extends Readonly<KubeObject>>(sorted: readonly T[]): T[] {
  let best: T[] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (created(sorted[end]!) - created(sorted[start]!) > WINDOW_MS) start += 1;
    if (end - start + 1 >= best.length) best = sorted.slice(start, end + 1);
  }
  return best;
}

function created(object: Readonly<KubeObject>): number {
  const time = Date.parse(object.metadata.creationTimestamp ?? '');
  return Number.isNaN(time) ? 0 : time;
}

function byCreation(a: Readonly<KubeObject>, b: Readonly<KubeObject>): number {
  return created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : 1);
}

function span(objects: readonly Readonly<KubeObject>[]): string {
  return humanAge(created(objects[objects.length - 1]!) - created(objects[0]!));
}

/** `nightly-report-28978560` → `nightly-report`, `backup-vm1-x7k2p` → `backup-vm1`. */
function nameStem(name: string): string {
  return name.replace(/-(\d{6,}|[a-z0-9]{5})$/, '');
}

function terminatedPointer(pod: Readonly<KubeObject>): string | undefined {
  const index = recordsOf(pod, 'status.containerStatuses').findIndex((status) => fieldOf(status, 'state.terminated.exitCode') !== undefined);
  return index < 0 ? undefined : `/status/containerStatuses/${index}/state/terminated/exitCode`;
}

function termination(pod: Readonly<KubeObject>): string {
  const status = recordsOf(pod, 'status.containerStatuses').find((candidate) => fieldOf(candidate, 'state.terminated.exitCode') !== undefined);
  if (!status) return `in phase ${textOf(pod, 'status.phase') ?? 'Failed'}`;
  return `exited with code ${String(fieldOf(status, 'state.terminated.exitCode'))} (${textOf(status, 'state.terminated.reason') ?? 'Error'})`;
}
