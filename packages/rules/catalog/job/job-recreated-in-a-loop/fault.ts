/**
 * Runs that fail again and again. Variants:
 * - `pods` (default): the user's `default/db-schema-migrate` Job (restartPolicy Never,
 *   backoffLimit 10) cannot reach its database: four pods failed in half an hour, a fifth retry is
 *   pending, and the Job has not given up yet.
 * - `cron`: the CronJob `default/nightly-report`, scheduled every 10 minutes with
 *   failedJobsHistoryLimit 5, has four failed runs in the last 45 minutes.
 * - `history` (near miss): an hourly CronJob's normal history, three completed runs and one failed.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { faultRandom, secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export type JobRecreatedVariant = 'pods' | 'cron' | 'history';

export function jobRecreatedInALoop(builder: BundleBuilder, variant: JobRecreatedVariant = 'pods'): string {
  const random = faultRandom(9119);
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  if (variant === 'pods') {
    const name = 'db-schema-migrate';
    const uid = random.uuid();
    builder.addObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { creationTimestamp: secondsBefore(builder, 41 * 60), generation: 1, labels: { app: name }, name, namespace: 'default', uid },
      spec: { backoffLimit: 10, completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }, template: { spec: { containers: [{ image: 'registry.example.com/shop/migrate:2.14.0', name: 'migrate' }], restartPolicy: 'Never' } } },
      status: { active: 1, failed: 4, ready: 0, startTime: secondsBefore(builder, 41 * 60), terminating: 0, uncountedTerminatedPods: {} },
    });
    [40, 31, 22, 12, 1].forEach((minutes, index) => {
      const failed = index < 4;
      const start = secondsBefore(builder, minutes * 60);
      const end = secondsBefore(builder, minutes * 60 - 35);
      builder.addObject({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          creationTimestamp: start,
          generateName: `${name}-`,
          labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name },
          name: `${name}-${random.podSuffix()}`,
          namespace: 'default',
          ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'Job', name, uid }],
        },
        spec: { containers: [{ image: 'registry.example.com/shop/migrate:2.14.0', name: 'migrate' }], nodeName: node, restartPolicy: 'Never' },
        status: failed
          ? { containerStatuses: [{ image: 'registry.example.com/shop/migrate:2.14.0', name: 'migrate', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, finishedAt: end, reason: 'Error', startedAt: start } } }], phase: 'Failed', startTime: start }
          : { containerStatuses: [{ image: 'registry.example.com/shop/migrate:2.14.0', name: 'migrate', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }], phase: 'Pending', startTime: start },
      });
    });
    return name;
  }
  const cron = variant === 'cron' ? 'nightly-report' : 'hourly-sync';
  const cronUid = random.uuid();
  builder.addObject({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { creationTimestamp: secondsBefore(builder, 9 * 24 * 3600), generation: 1, name: cron, namespace: 'default', uid: cronUid },
    spec: { concurrencyPolicy: 'Allow', failedJobsHistoryLimit: variant === 'cron' ? 5 : 1, schedule: variant === 'cron' ? '*/10 * * * *' : '0 * * * *', successfulJobsHistoryLimit: 3, suspend: false, jobTemplate: { spec: { backoffLimit: 0, template: { spec: { containers: [{ image: 'registry.example.com/shop/report:1.3.2', name: 'report' }], restartPolicy: 'Never' } } } } },
    status: { lastScheduleTime: secondsBefore(builder, 5 * 60) },
  });
  const runs = variant === 'cron' ? [45, 35, 25, 15].map((minutes) => ({ minutes, failed: true })) : [185, 125, 65, 5].map((minutes, index) => ({ minutes, failed: index === 1 }));
  for (const { minutes, failed } of runs) {
    const start = secondsBefore(builder, minutes * 60);
    const end = secondsBefore(builder, minutes * 60 - 20);
    const name = `${cron}-${Math.floor((Date.parse(start) / 60_000))}`;
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { creationTimestamp: start, generation: 1, name, namespace: 'default', ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: cron, uid: cronUid }] },
      spec: { backoffLimit: 0, template: { spec: { containers: [{ image: 'registry.example.com/shop/report:1.3.2', name: 'report' }], restartPolicy: 'Never' } } },
      status: failed
        ? { conditions: [{ lastProbeTime: end, lastTransitionTime: end, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'Failed' }], failed: 1, ready: 0, startTime: start }
        : { completionTime: end, conditions: [{ lastProbeTime: end, lastTransitionTime: end, status: 'True', type: 'Complete' }], ready: 0, startTime: start, succeeded: 1 },
    };
    builder.addObject(job);
  }
  return cron;
}
