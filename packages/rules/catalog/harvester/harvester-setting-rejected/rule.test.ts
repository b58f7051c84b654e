import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { harvesterSettingRejected, WEBHOOK_ERROR } from './fault.js';

const rule = () => catalogRule('harvester-setting-rejected');
const SETTINGS = 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml';

describe('harvester-setting-rejected', () => {
  it('fails when a setting controller recorded configured False with its error, quoting it', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 81 });
    harvesterSettingRejected(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(`Setting overcommit-config (value {"cpu":1600,"memory":150,"storage":300}) was not applied: its controller reports "${WEBHOOK_ERROR}".`);
    expectCited(bundle, run.finding, SETTINGS, /^\/status\/conditions\/0\/message$/, 'failed calling webhook');
  });

  it('warns when a storage-network change has been "In Progress" for an hour', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 81 });
    harvesterSettingRejected(bundle, 'storage-network');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain('Setting storage-network has been "In Progress" for 1h2m: "Waiting for all volumes detached: pvc-3f0c9a7e');
  });

  it('passes for configured False without a message: the default backup target (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 81 });
    harvesterSettingRejected(bundle, 'default-target');
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('is skipped, not passed, on a bundle of a kit that did not collect the settings (before v0.0.26)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.0.3', nodes: 1, seed: 81, kit: 'old' });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('missing-input');
  });
});
