import { describe, expect, it } from 'vitest';
import { rwxMigratableVmRestartOnCsiRestart } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'rwx-migratable-vm-restart-on-csi-restart';

describe(ID, () => {
  it('warns when auto-delete-pod-when-volume-detached-unexpectedly is true and VMs run on migratable RWX volumes', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 41 });
    rwxMigratableVmRestartOnCsiRestart(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(
      /^Longhorn setting auto-delete-pod-when-volume-detached-unexpectedly is true, so restarting the longhorn-csi-plugin pods during the upgrade can restart the VMs on 2 attached migratable RWX volume\(s\) \(PVC sles15-sp6-db-disk-0-\w+, ubuntu-2204-web-disk-0-\w+\)\.$|\(PVC ubuntu-2204-web-disk-0-\w+, sles15-sp6-db-disk-0-\w+\)\.$/,
    );
    const setting = run.finding!.evidence[0]!;
    expect(setting.path).toBe('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/settings.yaml');
    expect(citedLine(builder, setting).trim()).toBe('value: "true"');
    expect(run.finding!.remediation!.patch!.diff).toContain('-value: "true"');
    expect(run.finding!.remediation!.patch!.diff).toContain('+value: "false"');
  });

  it('passes when the setting was disabled before the upgrade (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 41 });
    rwxMigratableVmRestartOnCsiRestart(builder, { value: 'false' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped when the setting is not in the bundle, and on releases with the Longhorn fix', async () => {
    const missing = await runRule(await catalogRule(ID), healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 }));
    expect(missing.skipReason).toBe('settings longhorn-system/auto-delete-pod-when-volume-detached-unexpectedly is not in this bundle');
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 41 });
    rwxMigratableVmRestartOnCsiRestart(builder);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
      setting.value = 'v1.5.2';
    });
    expect((await runRule(await catalogRule(ID), builder)).skipReason).toBe('applies to Harvester >=1.4.0 <1.5.2; this bundle is v1.5.2');
  });
});
