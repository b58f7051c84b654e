import { describe, expect, it } from 'vitest';
import { mccHarvesterErrAppliedReleaseNotFound } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-errapplied-release-not-found';

describe(`${ID} (S08)`, () => {
  it('fails on ErrApplied "release: not found", naming the non-ready Deployments and the witness node', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterErrAppliedReleaseNotFound(builder);
    const witness = builder.listObjects('v1', 'Node').at(-1)!.metadata.name;
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `An upgrade would be refused with 'managed chart harvester is not ready, please wait for it to be ready': mcc-harvester is ErrApplied with 'release: not found' (the Helm release record of harvester is missing); not ready: Deployment harvester-system/harvester, Deployment harvester-system/harvester-webhook; witness node: ${witness}.`,
    );
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'ErrApplied(1) [Cluster fleet-local/local: release: not found]');
    expectCited(builder, run.finding, 'yamls/cluster/v1/nodes.yaml', /witness$/, 'node-role.harvesterhci.io/witness: "true"');
  });

  it('does not fire on a different ErrApplied Helm error', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterErrAppliedReleaseNotFound(builder, { clusterMessage: 'UPGRADE FAILED: timed out waiting for the condition' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
