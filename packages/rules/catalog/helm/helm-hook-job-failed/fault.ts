/**
 * A user's chart was uninstalled through its HelmChart and the uninstall stopped on the chart's
 * pre-delete hook: `default/postgres-operator` (a HelmChart someone applied) was deleted two
 * hours ago; its hook Job `postgres-operator-pre-delete`, which deletes the operator's clusters
 * first, failed at its backoff limit. klipper-helm ran `helm uninstall … || true`, so the
 * helm-delete Job completed and helm-controller removed the HelmChart: what the bundle still holds
 * is the failed hook Job and the release's Deployment, still running. With `succeeded`, the hook
 * Job completed (the near miss: a retained successful hook).
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export function helmHookJobFailed(builder: BundleBuilder, options: { succeeded?: boolean } = {}): KubeObject {
  const namespace = 'default';
  const release = 'postgres-operator';
  const started = secondsBefore(builder, 2 * 3600);
  const ended = secondsBefore(builder, 2 * 3600 - 190);
  const conditions = options.succeeded
    ? [
        { lastProbeTime: ended, lastTransitionTime: ended, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'SuccessCriteriaMet' },
        { lastProbeTime: ended, lastTransitionTime: ended, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'Complete' },
      ]
    : [
        { lastProbeTime: ended, lastTransitionTime: ended, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'FailureTarget' },
        { lastProbeTime: ended, lastTransitionTime: ended, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'Failed' },
      ];
  const labels = { 'app.kubernetes.io/instance': release, 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': release, 'helm.sh/chart': `${release}-1.12.2` };
  builder.addObject({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      annotations: { 'helm.sh/hook': 'pre-delete', 'helm.sh/hook-delete-policy': 'before-hook-creation', 'helm.sh/hook-weight': '-5' },
      creationTimestamp: started,
      generation: 1,
      labels,
      name: `${release}-pre-delete`,
      namespace,
    },
    spec: {
      backoffLimit: 2,
      template: { spec: { containers: [{ command: ['/bin/sh', '-c', 'kubectl delete postgresqls --all --wait --timeout=60s'], image: 'registry.example.com/tools/kubectl:1.30.7', name: 'cleanup' }], restartPolicy: 'Never', serviceAccountName: `${release}-cleanup` } },
    },
    status: { ...(options.succeeded ? { completionTime: ended, succeeded: 1 } : { failed: 3 }), conditions, ready: 0, startTime: started, terminating: 0, uncountedTerminatedPods: {} },
  });
  builder.addObject({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: { 'deployment.kubernetes.io/revision': '1', 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace },
      creationTimestamp: secondsBefore(builder, 9 * 24 * 3600),
      generation: 1,
      labels,
      name: release,
      namespace,
    },
    spec: { replicas: 1, selector: { matchLabels: { 'app.kubernetes.io/name': release } }, template: { metadata: { labels }, spec: { containers: [{ image: 'registry.example.com/zalando/postgres-operator:v1.12.2', name: 'operator' }], serviceAccountName: release } } },
    status: { availableReplicas: 1, observedGeneration: 1, readyReplicas: 1, replicas: 1, updatedReplicas: 1 },
  });
  return builder.getObject('batch/v1', 'Job', namespace, `${release}-pre-delete`)!;
}
