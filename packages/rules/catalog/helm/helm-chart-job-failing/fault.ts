/**
 * RKE2's `rke2-ingress-nginx` chart can no longer be upgraded. Variants:
 * - `invalid-values` (default): a HelmChartConfig gave the controller a host port of 0; helm-
 *   controller recreated the install Job, whose `helm upgrade` fails with "UPGRADE FAILED: cannot
 *   patch … is invalid"; the container exits 1 and restarts in place (CrashLoopBackOff).
 * - `hook`: the chart's pre-upgrade hook Job `rke2-ingress-nginx-admission-create` (the webhook
 *   certificate generator) failed at its backoff limit, so `helm upgrade` fails with "pre-upgrade
 *   hooks failed: job … failed: BackoffLimitExceeded".
 * - `retry-policy`: a newer helm-controller with `failurePolicy: retry`, where klipper-helm runs
 *   `helm upgrade …; exit 0`: the Job is Complete while Helm's last line is the error.
 * - `recovered` (near miss): the release was `failed`, klipper-helm's reinstall path logged an
 *   uninstall error, then installed the chart (`STATUS: deployed`); the Job completed.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addHelmJob, faultRandom, firstNode, helmChart, klipperHelmLog, removeJobAndPods, secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export type HelmChartJobFailingVariant = 'invalid-values' | 'hook' | 'retry-policy' | 'recovered';

export const INVALID_PORT_ERROR =
  'cannot patch "rke2-ingress-nginx-controller" with kind DaemonSet: DaemonSet.apps "rke2-ingress-nginx-controller" is invalid: spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 0: must be between 1 and 65535, inclusive';
export const HOOK_JOB = 'rke2-ingress-nginx-admission-create';

export function helmChartJobFailing(builder: BundleBuilder, variant: HelmChartJobFailingVariant = 'invalid-values'): { job: string; pod?: string } {
  const random = faultRandom(7331);
  const node = firstNode(builder);
  const namespace = 'kube-system';
  const name = 'rke2-ingress-nginx';
  const configured = secondsBefore(builder, 50 * 60);
  builder.addObject({
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChartConfig',
    metadata: { creationTimestamp: configured, generation: 1, name, namespace },
    spec: { valuesContent: variant === 'invalid-values' ? 'controller:\n  hostPort:\n    ports:\n      http: 0\n      https: 443\n' : 'controller:\n  config:\n    use-forwarded-headers: "true"\n' },
  });
  if (variant === 'retry-policy') {
    builder.updateObject('helm.cattle.io/v1', 'HelmChart', namespace, name, (chart) => {
      (chart.spec as Record<string, unknown>).failurePolicy = 'retry';
    });
  }
  const chart = helmChart(builder, namespace, name);
  removeJobAndPods(builder, namespace, `helm-install-${name}`);

  const created = secondsBefore(builder, 48 * 60);
  const start = secondsBefore(builder, 4 * 60);
  const end = secondsBefore(builder, 4 * 60 - 6);
  if (variant === 'hook') {
    const failedAt = secondsBefore(builder, 45 * 60);
    builder.addObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        annotations: { 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' },
        creationTimestamp: secondsBefore(builder, 47 * 60),
        generation: 1,
        labels: { 'app.kubernetes.io/component': 'admission-webhook', 'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': 'rke2-ingress-nginx' },
        name: HOOK_JOB,
        namespace,
      },
      spec: {
        backoffLimit: 6,
        template: { spec: { containers: [{ args: ['create', '--host=rke2-ingress-nginx-controller-admission,rke2-ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=rke2-ingress-nginx-admission'], image: 'rancher/mirrored-ingress-nginx-kube-webhook-certgen:v1.4.4', name: 'create' }], restartPolicy: 'OnFailure', serviceAccountName: 'rke2-ingress-nginx-admission' } },
      },
      status: {
        conditions: [
          { lastProbeTime: failedAt, lastTransitionTime: failedAt, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'FailureTarget' },
          { lastProbeTime: failedAt, lastTransitionTime: failedAt, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'Failed' },
        ],
        failed: 7,
        ready: 0,
        startTime: secondsBefore(builder, 47 * 60),
        terminating: 0,
        uncountedTerminatedPods: {},
      },
    });
  }
  const error = variant === 'invalid-values' ? INVALID_PORT_ERROR : variant === 'hook' ? `pre-upgrade hooks failed: job ${HOOK_JOB} failed: BackoffLimitExceeded` : variant === 'retry-policy' ? INVALID_PORT_ERROR : undefined;
  if (variant === 'recovered') {
    const result = addHelmJob(builder, random, { chart, action: 'install', run: { action: 'install', start, end }, state: { kind: 'complete' }, node, created });
    // The reinstall path: the failed release's uninstall errors, the install after it succeeds.
    builder.removePodLogs(namespace, result.pod!);
    const lines = klipperHelmLog({ action: 'install', chart: name, namespace, start, end });
    const install = lines.findIndex((line) => typeof line !== 'string' && line.text.startsWith('+ helm install'));
    lines.splice(
      install - 1,
      0,
      { time: start, text: "+ echo 'Uninstalling failed helm chart'" },
      { time: start, text: `+ helm uninstall ${name} --namespace ${namespace} --wait` },
      { time: start, text: `Error: uninstall: Release not loaded: ${name}: release: not found` },
      { time: start, text: '+ echo Deleted' },
      { time: start, text: 'Deleted' },
    );
    builder.addPodLog(namespace, result.pod!, 'helm', lines);
    return result;
  }
  const state = variant === 'retry-policy' ? { kind: 'complete' as const } : { kind: 'crash-looping' as const, restarts: 9, lastExit: end };
  return addHelmJob(builder, random, { chart, action: 'install', run: { action: 'upgrade', revision: 3, ...(error ? { error } : {}), start, end }, state, node, created });
}
