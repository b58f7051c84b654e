import { describe, expect, it } from 'vitest';
import { BundleBuilder, citedLine, runRule } from '@bundle-triage/rules/testing';
import rule from './rule.js';
import { csiPods } from './fault.js';

describe('acme-csi-driver-version-skew', () => {
  it('warns when the pods run two driver versions, citing each pod\'s image line', async () => {
    const bundle = csiPods(['v2.4.1', 'v2.4.1', 'v2.3.0']);
    const run = await runRule(rule, bundle);
    expect(run.outcome).toBe('warn');
    expect(run.finding?.message).toBe('The acme-csi pods run 2 driver versions: v2.4.1 (acme-csi-controller-5f7d9, acme-csi-node-x7k2p); v2.3.0 (acme-csi-node-q4m8z).');
    expect(run.finding?.evidence.map((item) => `${item.object?.name}: ${citedLine(bundle, item).trim()}`).sort()).toEqual([
      'acme-csi-controller-5f7d9: - image: registry.acme.example/acme-csi:v2.4.1',
      'acme-csi-node-q4m8z: - image: registry.acme.example/acme-csi:v2.3.0',
      'acme-csi-node-x7k2p: - image: registry.acme.example/acme-csi:v2.4.1',
    ]);
  });

  it('passes when every pod runs the same version', async () => {
    expect((await runRule(rule, csiPods(['v2.4.1', 'v2.4.1']))).outcome).toBe('pass');
  });

  it('is skipped, not passed, when the bundle did not collect acme-storage', async () => {
    const run = await runRule(rule, new BundleBuilder({ createdAt: '2025-03-12T09:14:07Z', kubernetesVersion: 'v1.30.7+rke2r1' }));
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('missing-input');
  });
});
