/**
 * S14 `mcc-rancher-monitoring-modified-admission-webhook-cabundle` (signatures.md §2): a v1.0.x
 * rancher-monitoring ManagedChart without comparePatches; the admission webhooks' run-time
 * caBundle makes mcc-rancher-monitoring Modified (#2152). `withComparePatches` applies the
 * installer PR #274 entries (a near miss); `alsoNotReady` adds resources the bundle waits on besides
 * the webhooks (the real v1.0 sample: the Grafana PVC being deleted).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { SeededRandom } from '../../../../../testdata/generator/random.js';
import { editChart, setChartNotReady, setServerVersion, type NonReadyEntry } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

const webhookPatch = (ca: string) =>
  JSON.stringify({ webhooks: [{ admissionReviewVersions: ['v1', 'v1beta1'], clientConfig: { caBundle: ca, service: { name: 'rancher-monitoring-operator', namespace: 'cattle-monitoring-system', path: '/admission-prometheusrules/validate', port: 443 } }, name: 'prometheusrulemutate.monitoring.coreos.com' }] });

export function mccRancherMonitoringModifiedAdmissionWebhookCaBundle(builder: BundleBuilder, options: { withComparePatches?: boolean; alsoNotReady?: NonReadyEntry[] } = {}): void {
  const random = new SeededRandom(0x514);
  setServerVersion(builder, 'v1.0.3');
  if (options.withComparePatches) {
    editChart(builder, 'rancher-monitoring', (spec) => {
      spec.diff = {
        comparePatches: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'].map((kind) => ({
          apiVersion: 'admissionregistration.k8s.io/v1',
          kind,
          name: 'rancher-monitoring-admission',
          operations: [{ op: 'remove', path: '/webhooks' }],
        })),
      };
    });
  }
  setChartNotReady(builder, 'rancher-monitoring', {
    state: 'Modified',
    modified: options.withComparePatches
      ? [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'cattle-monitoring-system', name: 'rancher-monitoring-grafana', patch: '{"spec":{"replicas":1}}' }]
      : [
          { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', name: 'rancher-monitoring-admission', patch: webhookPatch(random.pemBase64()) },
          { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', name: 'rancher-monitoring-admission', patch: webhookPatch(random.pemBase64()) },
        ],
    ...(options.alsoNotReady ? { nonReady: options.alsoNotReady } : {}),
  });
}
