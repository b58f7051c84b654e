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

describe('precheck-certificates on the kubelet log', () => {
  // kubelet.log is klog, not journal output: each line dates itself (`E0312 08:14:07.123456`, the year the bundle's).
  const kubeletX509 = (builder: ReturnType<typeof readinessCluster>, hoursBefore: number) => {
    const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
    const at = new Date(Date.parse(builder.createdAt) - hoursBefore * 3_600_000);
    const stamp = `${String(at.getUTCMonth() + 1).padStart(2, '0')}${String(at.getUTCDate()).padStart(2, '0')} ${at.toISOString().slice(11, 19)}.123456`;
    builder.addNodeFile(node, 'logs/kubelet.log', `I${stamp}    3012 server.go:484] "Kubelet version" kubeletVersion="v1.30.7+rke2r1"\nE${stamp}    3012 certificate_manager.go:562] "Unhandled Error" err="kubernetes.io/kube-apiserver-client-kubelet: x509: certificate has expired or is not yet valid"\n`);
    return node;
  };

  it('fails on a kubelet x509 line of the last hour', async () => {
    const builder = readinessCluster(1);
    kubeletX509(builder, 1);
    expect((await runRule(await catalogRule('precheck-certificates'), builder)).outcome).toBe('fail');
  });

  it('does not count a kubelet x509 line of ten days ago as one of the last 24 hours', async () => {
    const builder = readinessCluster(1);
    kubeletX509(builder, 240);
    const run = await runRule(await catalogRule('precheck-certificates'), builder);
    expect(run.outcome).toBe('skipped');
  });
});
