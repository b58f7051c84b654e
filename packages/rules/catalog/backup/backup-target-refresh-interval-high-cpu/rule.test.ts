import { describe, expect, it } from 'vitest';
import { backupTargetRefreshIntervalHighCpu } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'backup-target-refresh-interval-high-cpu';

describe(ID, () => {
  it('fails on v1.4.2 for an NFS backup target without refreshIntervalInSeconds, with a patch that adds it', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 91 });
    backupTargetRefreshIntervalHighCpu(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'The nfs backup target nfs://192.168.122.50:/exports/harvester-backups has no refreshIntervalInSeconds, so Harvester refreshes it continuously and the nodes run at high CPU.',
    );
    const field = run.finding!.evidence[0]!;
    expect([field.path, field.pointer]).toEqual(['yamls/cluster/harvesterhci.io/v1beta1/settings.yaml', '/value']);
    expect(citedLine(builder, field).trim()).toBe(`value: '{"type":"nfs","endpoint":"nfs://192.168.122.50:/exports/harvester-backups"}'`);
    const patch = run.finding!.remediation!.patch!;
    expect(patch.operations).toEqual([{ op: 'replace', path: '/value', value: '{"type":"nfs","endpoint":"nfs://192.168.122.50:/exports/harvester-backups","refreshIntervalInSeconds":300}' }]);
    expect(run.finding!.remediation!.commands).toContain('kubectl edit setting backup-target');
  });

  it('warns on v1.4.1, before the upgrade, and fails for an interval of 0', async () => {
    const before = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 92 });
    backupTargetRefreshIntervalHighCpu(before);
    const warned = await runRule(await catalogRule(ID), before);
    expect(warned.outcome).toBe('warn');
    expect(warned.finding!.message).toContain('after the upgrade to v1.4.2 Harvester would refresh it continuously');
    const zero = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 93 });
    backupTargetRefreshIntervalHighCpu(zero, { refreshIntervalInSeconds: 0 });
    expect((await runRule(await catalogRule(ID), zero)).finding!.message).toContain('has refreshIntervalInSeconds 0');
  });

  it('passes when the interval is set, as the pre-check suggests (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 91 });
    backupTargetRefreshIntervalHighCpu(builder, { refreshIntervalInSeconds: 300 });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped before v1.4.1 and when the setting is not in the bundle', async () => {
    const old = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 94 });
    backupTargetRefreshIntervalHighCpu(old);
    expect((await runRule(await catalogRule(ID), old)).skipReason).toBe('applies to Harvester >=1.4.1; this bundle is v1.4.0');
    const missing = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 94 });
    missing.removeObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'backup-target');
    expect((await runRule(await catalogRule(ID), missing)).skipReason).toBe('settings backup-target is not in this bundle');
  });
});
