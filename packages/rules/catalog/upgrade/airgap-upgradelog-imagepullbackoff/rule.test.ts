import { describe, expect, it } from 'vitest';
import { airgapUpgradelogImagepullbackoff } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('airgap-upgradelog-imagepullbackoff');

describe('airgap-upgradelog-imagepullbackoff (S34)', () => {
  it('fails when the upgradelog-infra pods cannot pull their images in PreparingLoggingInfra', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 34 });
    airgapUpgradelogImagepullbackoff(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'Upgrade hvst-upgrade-7xk2p to v1.4.3 is stuck in PreparingLoggingInfra: hvst-upgrade-7xk2p-upgradelog-infra-fluentbit-8d2kq, hvst-upgrade-7xk2p-upgradelog-infra-fluentd-0 cannot pull fluent/fluent-bit:2.1.8, ghcr.io/kube-logging/fluentd:v1.15-ruby3 (ImagePullBackOff; the images are not in the air-gapped cluster).',
    );
    expectCites(bundle, run, 'yamls/namespaced/cattle-logging-system/v1/pods.yaml', 'reason: ImagePullBackOff');
  });

  it('does not fire when the images were pulled (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 34 });
    airgapUpgradelogImagepullbackoff(bundle, { pulled: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
