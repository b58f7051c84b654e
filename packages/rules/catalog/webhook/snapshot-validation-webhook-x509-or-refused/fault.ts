/**
 * S44 `snapshot-validation-webhook-x509-or-refused` (signatures.md §5): the harvester apiserver
 * cannot create VolumeSnapshots for a VM backup because calls to the
 * snapshot-validation-webhook.csi.kubernetes.io webhook fail: `cause: 'x509'` (Secret and
 * caBundle out of sync, #4920) or `'refused'` (no webhook pod serving, PR #5107). `cause:
 * 'other-webhook'` is the near miss: a connection refused from a different webhook.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { logrusLine, podsWithPrefix } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface SnapshotWebhookOptions {
  cause?: 'x509' | 'refused' | 'other-webhook';
  /** Seconds before the bundle (default 100: after the healthy cluster's last harvester line). */
  secondsAgo?: number;
}

const X509 =
  'x509: certificate signed by unknown authority (possibly because of "x509: invalid signature: parent certificate cannot sign this kind of certificate" while trying to verify candidate authority certificate "harvester-snapshot-validation-webhook.kube-system.svc")';

export function snapshotValidationWebhookX509OrRefused(builder: BundleBuilder, options: SnapshotWebhookOptions = {}): void {
  const harvester = podsWithPrefix(builder, 'harvester-system', 'harvester-').find((pod) => (pod.spec as { containers: { name: string }[] }).containers.some((container) => container.name === 'apiserver'));
  if (!harvester) throw new Error('no harvester apiserver pod in this bundle (start from healthyCluster)');
  const cause = options.cause ?? 'x509';
  const seconds = options.secondsAgo ?? 100;
  const webhook = cause === 'other-webhook' ? 'validator.longhorn.io' : 'snapshot-validation-webhook.csi.kubernetes.io';
  const url = cause === 'other-webhook' ? 'https://longhorn-admission-webhook.longhorn-system.svc:9502/v1/webhook/validation?timeout=10s' : 'https://harvester-snapshot-validation-webhook.kube-system.svc:443/volumesnapshot?timeout=10s';
  const reason = cause === 'x509' ? X509 : 'dial tcp 10.53.118.27:443: connect: connection refused';
  const line = (offset: number, backup: string) =>
    logrusLine(builder, seconds - offset, 'error', `error syncing 'default/${backup}': handler harvester-vm-backup-controller: Internal error occurred: failed calling webhook "${webhook}": failed to call webhook: Post "${url}": ${reason}, requeuing`);
  builder.addPodLog('harvester-system', harvester.metadata.name, 'apiserver', [line(0, 'ubuntu-2204-web-backup-0312'), line(20, 'ubuntu-2204-web-backup-0312')]);
}
