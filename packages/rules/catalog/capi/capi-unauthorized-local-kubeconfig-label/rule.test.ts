import { describe, expect, it } from 'vitest';
import { capiUnauthorizedLocalKubeconfigLabel } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('capi-unauthorized-local-kubeconfig-label');

describe('capi-unauthorized-local-kubeconfig-label (S24)', () => {
  it('fails on repeated Unauthorized Node watches and quotes the cluster condition', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 24 });
    capiUnauthorizedLocalKubeconfigLabel(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/^capi-controller-manager cannot watch Nodes \("Failed to watch \*v1\.Node: failed to list \*v1\.Node: Unauthorized", 6 times in capi-controller-manager-\S+\), so cluster fleet-local\/local stays at 'configuring bootstrap node\(s\) custom-9cb22ccf7984: waiting for kubelet to update'\.$/);
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expect(log.path).toMatch(/^logs\/cattle-provisioning-capi-system\/capi-controller-manager-/);
    expectCites(bundle, run, log.path, 'failed to list *v1.Node: Unauthorized');
  });

  it('does not fire when capi-controller-manager reconciles normally (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 24 });
    capiUnauthorizedLocalKubeconfigLabel(bundle, { authorized: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
