import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { vmMigrationFailed } from './fault.js';

const ID = 'vm-migration-failed';
const MIGRATIONS = 'yamls/namespaced/default/kubevirt.io/v1/virtualmachineinstancemigrations.yaml';

describe(ID, () => {
  it('warns for a migration that failed two hours ago, citing the Failed transition and the reason KubeVirt recorded', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1311 });
    const { migration, vm, source, target } = vmMigrationFailed(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.findings.filter((finding) => finding.status !== 'pass')).toHaveLength(1);
    expect(run.finding!.message).toBe(`Live migration ${migration} of VM default/${vm} failed 1h59m before the bundle (Target pod is down); source ${source}, target ${target}; the VM stays on its source node.`);
    expectCited(builder, run.finding, MIGRATIONS, /^\/status\/phaseTransitionTimestamps\/4\/phaseTransitionTimestamp$/, 'phaseTransitionTimestamp:');
    expectCited(builder, run.finding, MIGRATIONS, /^\/status\/migrationState\/failureReason$/, 'failureReason: Target pod is down');
  });

  it('warns without a reason when the KubeVirt release does not record one', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 1312 });
    const { migration } = vmMigrationFailed(builder, { reason: false });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toBe(`Live migration ${migration} of VM default/ubuntu-2204-web failed 1h59m before the bundle (no failure reason recorded); the VM stays on its source node.`);
  });

  it('passes for a migration that failed three days ago, and for the healthy cluster\'s completed one (near misses)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1311 });
    vmMigrationFailed(builder, { hoursAgo: 72 });
    expect(builder.listObjects('kubevirt.io/v1', 'VirtualMachineInstanceMigration', 'default').map((object) => (object.status as { phase: string }).phase).sort()).toEqual(['Failed', 'Succeeded']);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
