import { defineCodeRule } from '../../../src/rule/rule.js';
import { VALIDATOR_MASTER } from '../../../src/catalog/support/readiness-references.js';

/** The cert-expiry gate of newer validators dials the kube-apiserver; the certificate is not in a bundle. */
export default defineCodeRule({
  id: 'upgrade-gate-kubernetes-cert-expiring',
  title: 'Upgrade refused: "earliest expiring cert for default/kubernetes ClusterIP is <t>, it will expire in <d> days"',
  description:
    'Newer upgrade validators (checkCerts) refuse the upgrade when the certificate served at the default/kubernetes ClusterIP expires within 7 days (or the Upgrade annotation). The validator reads it from a TLS handshake; a support bundle holds neither the certificate nor secrets, so the check is skipped with the command to run. The release that added it is inferred as v1.5.0.',
  severity: 'critical',
  component: 'upgrade',
  tags: ['upgrade-gate', 'upgrade', 'certificates'],
  appliesTo: { harvester: '>=1.5.0', unknownVersion: 'evaluate' },
  detectability: 'not-detectable',
  detectabilityNote: 'the expiry of the kube-apiserver serving certificate is not recorded in a support bundle',
  references: [VALIDATOR_MASTER],
  whyCode: 'the check can never be answered from a bundle; a declarative rule cannot end as skipped with its own reason',
  evaluate: async (context) =>
    context.skip('not-recorded',
      'the expiry date of the certificate served at the default/kubernetes ClusterIP is not recorded in a support bundle (certificates and secrets are not collected); check it on a control-plane node with openssl x509 -enddate -noout -in /var/lib/rancher/rke2/server/tls/serving-kube-apiserver.crt',
    ),
});
