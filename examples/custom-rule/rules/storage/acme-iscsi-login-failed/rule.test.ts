import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundleBuilder, runRule } from '@bundle-triage/rules/testing';
import { CREATED_AT, clusterWithCsiLog, loginFailure } from './fault.js';

const RULE = readFileSync(new URL('./rule.yaml', import.meta.url), 'utf8');

describe('acme-iscsi-login-failed', () => {
  it('fails on repeated login failures within a day, citing each log line', async () => {
    const run = await runRule(
      RULE,
      clusterWithCsiLog([
        loginFailure('2025-03-12T06:00:00.000000001Z'),
        { time: '2025-03-12T06:00:01.000000001Z', text: 'I0312 node.go:88] NodeStageVolume retrying' },
        loginFailure('2025-03-12T07:00:00.000000001Z'),
        loginFailure('2025-03-12T08:00:00.000000001Z'),
      ]),
    );
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toContain('3 iSCSI login failures in the last day, last to iqn.2001-05.com.acme:vm-data at 10.20.0.5,3260');
    expect(run.finding?.evidence.map((item) => [item.path, item.line])).toEqual([
      ['logs/acme-storage/acme-csi-node-x7k2p/csi-node.log', 1],
      ['logs/acme-storage/acme-csi-node-x7k2p/csi-node.log', 3],
      ['logs/acme-storage/acme-csi-node-x7k2p/csi-node.log', 4],
    ]);
    expect(run.finding?.remediation?.commands[0]).toContain('acme-csi-node');
  });

  it('passes on a single failure (a SAN failover blip)', async () => {
    const run = await runRule(RULE, clusterWithCsiLog([loginFailure('2025-03-12T08:00:00.000000001Z')]));
    expect(run.outcome).toBe('pass');
  });

  it('passes on old failures outside the last day', async () => {
    const old = ['2025-03-01T06:00:00.000000001Z', '2025-03-01T07:00:00.000000001Z', '2025-03-01T08:00:00.000000001Z'];
    const run = await runRule(RULE, clusterWithCsiLog(old.map(loginFailure)));
    expect(run.outcome).toBe('pass');
  });

  it('is skipped, not passed, when the bundle did not collect acme-storage', async () => {
    const bundle = new BundleBuilder({ createdAt: CREATED_AT, kubernetesVersion: 'v1.30.7+rke2r1' });
    const run = await runRule(RULE, bundle);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(/acme-storage/);
  });
});
