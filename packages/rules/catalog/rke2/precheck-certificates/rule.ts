import type { LogFile } from '@bundle-triage/core';
import type { Evidence } from '../../../src/report/report-types.js';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';

const EXPIRED = 'x509: certificate has expired or is not yet valid';
const WINDOW_MS = 24 * 3600_000;

/** Pre-check step 2, as far as logs tell: an expired RKE2 certificate shows up as x509 errors. */
export default defineCodeRule({
  id: 'precheck-certificates',
  title: 'Pre-check Certificates: expired RKE2 certificates',
  description:
    'Check 2 of the upgrade-helpers pre-check script: every /var/lib/rancher/rke2/server/tls/**/*.crt on the node must not be expired (WARNING within 10 days). Certificate files are not in a support bundle; when rke2-server or kubelet logged "x509: certificate has expired or is not yet valid" in the last 24 hours before the bundle was made, the check would fail. Otherwise the check is skipped, since the bundle cannot show the certificates are valid or about to expire.',
  severity: 'high',
  component: 'rke2',
  tags: ['precheck', 'upgrade', 'certificates'],
  detectability: 'partial',
  detectabilityNote: 'certificate files are not collected; only expiry that already broke TLS shows in the logs',
  references: [PRECHECK_SCRIPT],
  whyCode: 'no matching log line must end as skipped (the bundle cannot prove the certificates valid), which declarative outcomes cannot express',
  inputs: {
    rke2: { logs: { nodeFile: 'logs/rke2-server.log' }, required: false },
    kubelet: { logs: { nodeFile: 'logs/kubelet.log' }, required: false },
  },
  evaluate: async (context) => {
    const files = [...((context.inputs.rke2 ?? []) as LogFile[]), ...((context.inputs.kubelet ?? []) as LogFile[])];
    const created = context.facts.createdAt ? Date.parse(context.facts.createdAt) : undefined;
    const pattern = context.pattern('x509: certificate has expired or is not yet valid');
    const evidence: Evidence[] = [];
    const nodes = new Set<string>();
    for (const file of files) {
      for await (const match of file.grep(pattern, { prefilter: ['x509'], ...(created === undefined ? {} : { since: created - WINDOW_MS }), signal: context.signal, maxMatches: 2 })) {
        evidence.push(context.logEvidence(file, match.line, match.raw));
        if (file.node) nodes.add(file.node);
      }
    }
    if (evidence.length === 0) {
      return context.skip('not-recorded',
        `certificate files are not in a support bundle and no rke2-server/kubelet log line of the last 24 hours says "${EXPIRED}"; check on each control-plane node with for c in /var/lib/rancher/rke2/server/tls/*.crt; do openssl x509 -checkend 864000 -noout -in $c || echo $c; done`,
      );
    }
    return [
      {
        status: 'fail',
        message: `Certificates Test: Failed — RKE2 on ${[...nodes].sort().join(', ')} logs "${EXPIRED}": certificates under /var/lib/rancher/rke2/server/tls have expired`,
        evidence: evidence.slice(0, 6),
        remediation: {
          summary: 'Rotate the RKE2 certificates by bumping spec.rkeConfig.rotateCertificates.generation on the provisioning cluster fleet-local/local, wait for the nodes to restart their services, then run the pre-check again.',
          commands: [
            `kubectl -n fleet-local patch clusters.provisioning.cattle.io local --type merge -p "{\\"spec\\":{\\"rkeConfig\\":{\\"rotateCertificates\\":{\\"generation\\":$(( $(kubectl -n fleet-local get clusters.provisioning.cattle.io local -o jsonpath='{.spec.rkeConfig.rotateCertificates.generation}' || echo 0) + 1 ))}}}}"`,
          ],
        },
      },
    ];
  },
});
