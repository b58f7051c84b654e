import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { describeReadinessCheck, readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckCertificates } from './fault.js';

describeReadinessCheck({
  id: 'precheck-certificates',
  nearMissMaySkip: true,
  fault: precheckCertificates, nearMiss: (b) => precheckCertificates(b, { hoursBefore: 72 }),
  message: (_b, named) => `Certificates Test: Failed — RKE2 on ${named} logs "x509: certificate has expired or is not yet valid": certificates under /var/lib/rancher/rke2/server/tls have expired`,
  path: /^nodes\/harvester-node-0\.zip!?\/?.*rke2-server\.log$|rke2-server\.log$/, proof: 'x509: certificate has expired',
  noRequiredInput: 'both node logs are optional; without them the rule is skipped as not-recorded (tested below), never passed',
});

describe('precheck-certificates on a bundle that cannot answer it', () => {
  it('is skipped with the reason and what to run instead', async () => {
    const run = await runRule(await catalogRule('precheck-certificates'), readinessCluster(1));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(/^certificate files are not in a support bundle and no rke2-server\/kubelet log line of the last 24 hours/);
  });
});
