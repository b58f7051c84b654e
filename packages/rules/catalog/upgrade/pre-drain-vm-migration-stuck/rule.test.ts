import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { preDrainVmMigrationStuck } from './fault.js';
import { vmMigrationFailed } from '../../kubevirt/vm-migration-failed/fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { analyze } from '../../../src/engine/analyze.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('pre-drain-vm-migration-stuck');

describe('pre-drain-vm-migration-stuck (S28)', () => {
  it('fails when pre-drain keeps waiting and names the migration stuck in Scheduling', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 28 });
    preDrainVmMigrationStuck(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(
      /^A node is stuck in Pre-draining: hvst-upgrade-7xk2p-pre-drain-harvester-node-0-\w{5} keeps logging "Waiting for VM live-migration or shutdown\.\.\.\(60\)" \(60 times\); migrations not progressing: VirtualMachineInstanceMigration default\/\S+-migration-q8v2x\.$/,
    );
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expectCites(bundle, run, log.path, 'Waiting for VM live-migration or shutdown...(count: ');
    expectCites(bundle, run, 'yamls/namespaced/default/kubevirt.io/v1/virtualmachineinstancemigrations.yaml', 'phase: Scheduling');
  });

  it('does not fire on a migration that finished after two waits (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 28 });
    preDrainVmMigrationStuck(bundle, { loops: 2 });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('covers vm-migration-failed for a failed migration it names', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 28 });
    preDrainVmMigrationStuck(bundle);
    const { migration } = vmMigrationFailed(bundle, { hoursAgo: 1 });
    const run = await runRule(await rule(), bundle);
    expect(run.finding!.message).toContain(`VirtualMachineInstanceMigration default/${migration}`);
    const generic = await runRule(await catalogRule('vm-migration-failed'), bundle);
    expect(generic.outcome).toBe('warn');
    const opened = await openBundle(bundle.toZip());
    try {
      const report = await analyze(opened, { rules: [await rule(), await catalogRule('vm-migration-failed')] });
      expect(report.findings.find((finding) => finding.ruleId === 'vm-migration-failed')!.coveredBy).toBe('pre-drain-vm-migration-stuck');
    } finally {
      await opened.close();
    }
  });
});
