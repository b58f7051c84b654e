import { describe, expect, it } from 'vitest';
import { postDrainingElementalStateYaml } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('post-draining-elemental-state-yaml');

describe('post-draining-elemental-state-yaml (S30)', () => {
  it('fails on "undefined state partition" and return code 33', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 30 });
    postDrainingElementalStateYaml(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/^hvst-upgrade-7xk2p-post-drain-harvester-node-0-\w{5} is stuck in Post-draining: "Invalid upgrade command setup undefined state partition" and "elemental upgrade failed with return code: 33" \(2 times\) — state\.yaml on COS_STATE is incomplete\.$/);
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expectCites(bundle, run, log.path, 'elemental upgrade failed with return code: 33');
    expectCites(bundle, run, log.path, 'Invalid upgrade command setup undefined state partition');
  });

  it('does not fire when elemental fails with another code (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 30 });
    postDrainingElementalStateYaml(bundle, { returnCode: 1 });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('is skipped when no upgrade job log was collected', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 30 });
    const { setServerVersion } = await import('../../../../../testdata/generator/fault-support/upgrade-objects.js');
    setServerVersion(bundle, 'v1.2.0');
    const run = await runRule(await rule(), bundle);
    expect(run.skipReason).toBe('no log of pods hvst-upgrade-* in namespace harvester-system was collected in this bundle');
  });
});
