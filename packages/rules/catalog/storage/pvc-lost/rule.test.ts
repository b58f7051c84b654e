import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { pvcLost } from './fault.js';

const ID = 'pvc-lost';

describe(ID, () => {
  it('fails for a Lost claim whose Longhorn volume survives, saying the data can still be reached and how', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1241 });
    const { claim, volume } = pvcLost(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `PVC default/${claim} is Lost: its PersistentVolume ${volume} no longer exists, but the Longhorn volume of that name does (state detached, robustness unknown), so its data can still be reached.`,
    );
    expectCited(builder, run.finding, 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', /^\/status\/phase$/, 'phase: Lost');
    expectCited(builder, run.finding, 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', /^\/metadata\/name$/, `name: ${volume}`);
    expect(run.finding!.remediation!.summary).toContain(`Re-create the PersistentVolume ${volume}`);
  });

  it('fails, pointing at backups, when the Longhorn volume is gone too', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1242 });
    const { claim, volume } = pvcLost(builder, { volumeDeleted: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toBe(`PVC default/${claim} is Lost: its PersistentVolume ${volume} no longer exists, and neither does a Longhorn volume of that name.`);
    expect(run.finding!.remediation!.summary).toMatch(/^The volume is gone: restore the data from a backup/);
  });

  it('passes on the healthy cluster, whose stopped VM\'s claim is Bound to a detached volume (near miss)', async () => {
    expect((await runRule(await catalogRule(ID), healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1241 }))).outcome).toBe('pass');
  });
});
