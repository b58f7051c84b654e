/**
 * S43 `rancher-webhook-cert-expired` (signatures.md §5): the rancher-webhook serving certificate
 * expired; rancher (and, with `fleetAgent`, fleet-agent) log that their calls to the
 * rancher.cattle.io / rancherauth.cattle.io webhooks fail with the x509 error. `minutesAgo`
 * places the errors (default 10 minutes before the bundle; > 1440 for the "older" variant).
 * `otherX509` writes an unrelated x509 error (another webhook) for the near miss.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { firstPod } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface RancherWebhookCertOptions {
  minutesAgo?: number;
  fleetAgent?: boolean;
  /** Near miss: an x509 error about a different webhook (not Rancher's). */
  otherX509?: boolean;
}

export function rancherWebhookCertExpired(builder: BundleBuilder, options: RancherWebhookCertOptions = {}): void {
  const rancher = firstPod(builder, 'cattle-system', 'rancher-', 'rancher-webhook');
  const created = Date.parse(builder.createdAt);
  const minutes = options.minutesAgo ?? 10;
  const at = (offset: number) => new Date(created - minutes * 60_000 + offset * 1000).toISOString();
  const kubelet = (offset: number) => `${at(offset).slice(0, 19)}.${String(311_204_117 + offset * 1013).padStart(9, '0')}Z`;
  const stamp = (offset: number) => `${at(offset).slice(0, 10).replaceAll('-', '/')} ${at(offset).slice(11, 19)}`;
  const webhook = options.otherX509 ? 'validator.harvesterhci.io' : 'rancherauth.cattle.io';
  const url = options.otherX509 ? 'https://harvester-webhook.harvester-system.svc:443/v1/webhook/validation?timeout=10s' : 'https://rancher-webhook.cattle-system.svc:443/v1/webhook/validation?timeout=10s';
  const error = options.otherX509
    ? 'x509: certificate signed by unknown authority'
    : 'x509: certificate has expired or is not yet valid: current time ' + at(0).slice(0, 19) + 'Z is after ' + new Date(created - 3 * 86400_000).toISOString().slice(0, 19) + 'Z';
  builder.addPodLog('cattle-system', rancher.metadata.name, 'rancher', [
    { time: kubelet(0), text: `${stamp(0)} [ERROR] error syncing 'p-7xk2c/creator-project-owner': handler mgmt-auth-prtb-controller: Internal error occurred: failed calling webhook "${webhook}": failed to call webhook: Post "${url}": ${error}, requeuing` },
    { time: kubelet(31), text: `${stamp(31)} [ERROR] error syncing 'u-b4qkhsnliz': handler mgmt-auth-userattributes-controller: Internal error occurred: failed calling webhook "${webhook}": failed to call webhook: Post "${url}": ${error}, requeuing` },
  ]);
  if (!options.fleetAgent) return;
  const agent = firstPod(builder, 'cattle-fleet-local-system', 'fleet-agent');
  builder.addPodLog('cattle-fleet-local-system', agent.metadata.name, 'fleet-agent', [
    { time: kubelet(45), text: `{"level":"error","ts":"${at(45)}","logger":"bundledeployment","msg":"Reconciler error","controller":"bundledeployment","name":"mcc-harvester","namespace":"cluster-fleet-local-local-1a3d67d0a899","error":"failed deploying bundle: Internal error occurred: failed calling webhook \\"rancher.cattle.io.secrets\\": failed to call webhook: Post \\"https://rancher-webhook.cattle-system.svc:443/v1/webhook/mutation/secrets?timeout=15s\\": ${error}"}` },
  ]);
}
