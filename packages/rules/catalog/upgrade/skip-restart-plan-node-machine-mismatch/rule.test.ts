import { describe, expect, it } from 'vitest';
import { skipRestartPlanNodeMachineMismatch } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('skip-restart-plan-node-machine-mismatch');

describe('skip-restart-plan-node-machine-mismatch (S33)', () => {
  it('fails when apply-manifests waits for the plan and a node lacks harvesterhci.io/managed', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 33 });
    const orphan = skipRestartPlanNodeMachineMismatch(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `apply-manifests keeps "Waiting for plan hvst-upgrade-7xk2p-skip-restart-rancher-system-agent to complete..." (30 times) because node ${orphan} lacks label harvesterhci.io/managed=true (no CAPI Machine: 3 nodes, 2 machines).`,
    );
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expectCites(bundle, run, log.path, 'Waiting for plan hvst-upgrade-7xk2p-skip-restart-rancher-system-agent to complete...');
  });

  it('does not fire when every node is managed (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 33 });
    skipRestartPlanNodeMachineMismatch(bundle, { allManaged: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
