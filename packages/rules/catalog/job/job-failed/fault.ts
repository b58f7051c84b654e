/**
 * A Job that failed: by default Rancher's system-agent upgrade Job on the first node
 * (system-upgrade-controller's `apply-system-agent-upgrader-on-<node>-with-<hash>` in
 * cattle-system), whose pods failed until the backoff limit. Options make it a user Job, a
 * CronJob's run, an older leftover, or a Job that failed once and then completed (a near miss).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { faultRandom, secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export interface JobFailedOptions {
  /** Where and what: the system-agent upgrader (default), a user Job, or a CronJob's run. */
  kind?: 'system' | 'user' | 'cron';
  /** How long before the bundle the Job failed (default 40 minutes). */
  failedSecondsBefore?: number;
  /** The pods failed once, the retry completed: Complete, not Failed. */
  recovered?: boolean;
  reason?: 'BackoffLimitExceeded' | 'DeadlineExceeded';
}

export function jobFailed(builder: BundleBuilder, options: JobFailedOptions = {}): KubeObject {
  const random = faultRandom(4242);
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const kind = options.kind ?? 'system';
  const failedAt = secondsBefore(builder, options.failedSecondsBefore ?? 40 * 60);
  const started = new Date(Date.parse(failedAt) - 11 * 60_000).toISOString().replace('.000Z', 'Z');
  const reason = options.reason ?? 'BackoffLimitExceeded';
  const message = reason === 'DeadlineExceeded' ? 'Job was active longer than specified deadline' : 'Job has reached the specified backoff limit';
  const uid = random.uuid();
  const hash = random.hex(10);
  const place =
    kind === 'system'
      ? { namespace: 'cattle-system', name: `apply-system-agent-upgrader-on-${node}-with-${hash}`, image: 'rancher/system-agent-installer-rke2:v1.30.7-rke2r1', owner: undefined }
      : kind === 'user'
        ? { namespace: 'default', name: 'db-schema-migrate', image: 'registry.example.com/shop/migrate:2.14.0', owner: undefined }
        : { namespace: 'default', name: 'nightly-report-28978560', image: 'registry.example.com/shop/report:1.3.2', owner: { apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: 'nightly-report', uid: random.uuid() } };
  const status = options.recovered
    ? {
        completionTime: failedAt,
        conditions: [
          { lastProbeTime: failedAt, lastTransitionTime: failedAt, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'SuccessCriteriaMet' },
          { lastProbeTime: failedAt, lastTransitionTime: failedAt, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'Complete' },
        ],
        failed: 1,
        ready: 0,
        startTime: started,
        succeeded: 1,
        terminating: 0,
        uncountedTerminatedPods: {},
      }
    : {
        conditions: [
          { lastProbeTime: failedAt, lastTransitionTime: failedAt, message, reason, status: 'True', type: 'FailureTarget' },
          { lastProbeTime: failedAt, lastTransitionTime: failedAt, message, reason, status: 'True', type: 'Failed' },
        ],
        failed: reason === 'DeadlineExceeded' ? 1 : 3,
        ready: 0,
        startTime: started,
        terminating: 0,
        uncountedTerminatedPods: {},
      };
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      creationTimestamp: started,
      generation: 1,
      labels: kind === 'system' ? { 'plan.upgrade.cattle.io/system-agent-upgrader': hash, 'upgrade.cattle.io/controller': 'system-upgrade-controller', 'upgrade.cattle.io/node': node } : { app: place.name.replace(/-\d+$/, '') },
      name: place.name,
      namespace: place.namespace,
      ...(place.owner ? { ownerReferences: [place.owner] } : {}),
      uid,
    },
    spec: {
      ...(kind === 'system' ? { activeDeadlineSeconds: 900 } : {}),
      backoffLimit: 2,
      completionMode: 'NonIndexed',
      completions: 1,
      parallelism: 1,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      suspend: false,
      template: { spec: { containers: [{ image: place.image, name: 'upgrade' }], ...(kind === 'system' ? { nodeName: node } : {}), restartPolicy: 'Never' } },
    },
    status,
  };
  builder.addObject(job);
  return builder.getObject('batch/v1', 'Job', place.namespace, place.name)!;
}
