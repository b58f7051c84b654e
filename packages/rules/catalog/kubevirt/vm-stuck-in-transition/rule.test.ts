import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { vmStuckInTransition } from './fault.js';

const ID = 'vm-stuck-in-transition';
const VMIS = 'yamls/namespaced/default/kubevirt.io/v1/virtualmachineinstances.yaml';

describe(ID, () => {
  it('fails (high) for a VM Starting for over an hour, citing the VMI\'s first phase transition', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1231 });
    const { vm, node } = vmStuckInTransition(builder, 'starting', 75);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['fail', 'high']);
    expect(run.findings.filter((finding) => finding.status !== 'pass')).toHaveLength(1);
    expect(run.finding!.message).toBe(`VM default/${vm} has been Starting for 1h15m (VMI phase Scheduled, node ${node}).`);
    expectCited(builder, run.finding, VMIS, /^\/status\/phaseTransitionTimestamps\/0\/phaseTransitionTimestamp$/, 'phaseTransitionTimestamp: "2025-03-12T07:59:07Z"');
  });

  it('warns (medium) for a VM Starting for 20 minutes', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1232 });
    const { vm } = vmStuckInTransition(builder, 'starting', 20);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.finding!.message).toBe(`VM default/${vm} has been Starting for 20m (VMI phase Scheduled, node harvester-node-0).`);
  });

  it('gives only info for a VM that started three minutes ago (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1231 });
    const { vm } = vmStuckInTransition(builder, 'starting', 3);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.message]).toEqual(['info', `VM default/${vm} is Starting, for less than 10 minutes or for a time the bundle does not record.`]);
  });

  it('fails for a VM Stopping for two hours, from the VMI\'s deletionTimestamp', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1233 });
    const { vm, node } = vmStuckInTransition(builder, 'stopping', 120);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toBe(`VM default/${vm} has been Stopping for 2h (VMI phase Running, node ${node}).`);
    expectCited(builder, run.finding, VMIS, /^\/metadata\/deletionTimestamp$/, 'deletionTimestamp:');
  });

  it('warns for a migration running for 25 minutes, from the VMI\'s migrationState', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1234 });
    const { vm } = vmStuckInTransition(builder, 'migrating', 25);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(new RegExp(`^VM default/${vm} has been Migrating for 24m45s \\(VMI phase Running, node harvester-node-\\d\\)\\.$`));
    expectCited(builder, run.finding, VMIS, /^\/status\/migrationState\/startTimestamp$/, 'startTimestamp:');
  });

  it('passes on the healthy cluster, whose completed migration left its VM Running (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1234 });
    expect(builder.listObjects('kubevirt.io/v1', 'VirtualMachineInstanceMigration', 'default').map((migration) => (migration.status as { phase: string }).phase)).toEqual(['Succeeded']);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
