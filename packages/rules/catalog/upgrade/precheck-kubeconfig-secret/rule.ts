import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';

const LABEL = 'cluster.x-k8s.io/cluster-name';

/** Pre-check step 17 reads a Secret, and support-bundle-kit collects no Secrets but machine plans. */
export default defineCodeRule({
  id: 'precheck-kubeconfig-secret',
  title: 'Pre-check Kubeconfig Secret: local-kubeconfig must carry the CAPI cluster-name label',
  description:
    'Check 17 of the upgrade-helpers pre-check script: secret fleet-local/local-kubeconfig must carry the label cluster.x-k8s.io/cluster-name=local. support-bundle-kit collects no Secrets except the machine-plan ones in fleet-local (bundle-format.md §2.4), so the check is normally skipped; it is evaluated if a bundle does hold the secret.',
  severity: 'high',
  component: 'upgrade',
  tags: ['precheck', 'upgrade', 'capi'],
  detectability: 'not-detectable',
  detectabilityNote: 'support bundles do not collect this Secret',
  references: [PRECHECK_SCRIPT],
  whyCode: 'the usual result is a skip with a specific reason (secrets are not collected), which a declarative rule cannot say',
  inputs: { secrets: { resource: { group: '', resource: 'secrets', namespace: 'fleet-local' }, required: false } },
  evaluate: async (context) => {
    const secret = ((context.inputs.secrets ?? []) as KubeObject[]).find((candidate) => candidate.metadata.name === 'local-kubeconfig');
    if (!secret) {
      return context.skip('not-recorded',
        'secret fleet-local/local-kubeconfig is not in a support bundle: support-bundle-kit collects no Secrets except the machine-plan ones in fleet-local; check it with kubectl get secret local-kubeconfig -n fleet-local --show-labels',
      );
    }
    const labels = (secret.metadata.labels ?? {}) as Record<string, string>;
    if (labels[LABEL] === 'local') return [];
    return [
      {
        status: 'fail',
        message: `Kubeconfig Secret Test: Failed — secret fleet-local/local-kubeconfig does not have the label ${LABEL}=local`,
        evidence: [await context.evidence(secret, labels[LABEL] === undefined ? '/metadata' : `/metadata/labels/${LABEL.replace('/', '~1')}`)],
        subject: secret,
        remediation: {
          summary: 'Label the secret so CAPI finds the local cluster kubeconfig, then run the pre-check again.',
          commands: [`kubectl label secret local-kubeconfig -n fleet-local ${LABEL}=local`],
          patch: {
            target: secret,
            operations: secret.metadata.labels
              ? [{ op: 'add', path: `/metadata/labels/${LABEL.replace('/', '~1')}`, value: 'local' }]
              : [{ op: 'add', path: '/metadata/labels', value: { [LABEL]: 'local' } }],
          },
        },
      },
    ];
  },
});
