import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule, runRules } from '@bundle-triage/rules/testing';
import { addWorkloadHistory, generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornVolumeDeletedUnderBoundPv } from './fault.js';

const ID = 'longhorn-volume-deleted-under-bound-pv';

/** A healthy cluster with its PersistentVolumes (the workload history writes them, as the kit collects them). */
function clusterWithVolumes() {
  const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1251 });
  addWorkloadHistory(cluster);
  return cluster.builder;
}

describe(ID, () => {
  it('fails for a Bound PV whose Longhorn volume is gone, naming the claim and the pods that still mount it', async () => {
    const builder = clusterWithVolumes();
    const { claim, volume, launcherPod } = longhornVolumeDeletedUnderBoundPv(builder);
    expect(launcherPod).toBeDefined();
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `PersistentVolume ${volume} is Bound to claim default/${claim}, but longhorn-system has no Longhorn volume ${volume}: it was deleted, and its data with it. Pods still mounting the claim, whose I/O on it fails: default/${launcherPod}.`,
    );
    expectCited(builder, run.finding, 'yamls/cluster/v1/persistentvolumes.yaml', /^\/spec\/csi\/volumeHandle$/, `volumeHandle: ${volume}`);
    expectCited(builder, run.finding, 'yamls/cluster/v1/persistentvolumes.yaml', /^\/status\/phase$/, 'phase: Bound');
    expectCited(builder, run.finding, 'yamls/namespaced/default/v1/pods.yaml', /\/persistentVolumeClaim\/claimName$/, `claimName: ${claim}`);
    expect(run.finding!.remediation!.commands).toContain(`kubectl -n default describe pvc ${claim}`);
  });

  it('is the cause of the claim and the PV stuck in deletion: object-deletion-stuck says so and is not the headline', async () => {
    const builder = clusterWithVolumes();
    const { claim, volume } = longhornVolumeDeletedUnderBoundPv(builder);
    const report = await runRules([await catalogRule(ID), await catalogRule('object-deletion-stuck')], builder);
    const cause = report.findings.find((finding) => finding.ruleId === ID && finding.status === 'fail')!;
    const stuck = report.findings.filter((finding) => finding.ruleId === 'object-deletion-stuck' && finding.status === 'fail');
    expect(stuck.map((finding) => finding.message.match(/^\S+ (\S+)/)![1]).sort()).toEqual([`default/${claim}`, volume].sort());
    for (const finding of stuck) expect(finding.causedBy).toEqual([{ ruleId: ID, fingerprint: cause.fingerprint }]);
    expect(report.summary.headlineFingerprint).toBe(cause.fingerprint);
  });

  it('passes while the Longhorn volume exists, and for a Released PV being reclaimed (near misses)', async () => {
    expect((await runRule(await catalogRule(ID), clusterWithVolumes())).outcome).toBe('pass');
    const released = clusterWithVolumes();
    longhornVolumeDeletedUnderBoundPv(released, { released: true });
    expect((await runRule(await catalogRule(ID), released)).outcome).toBe('pass');
  });

  it('is skipped, not failed for every PV, when a newer kit wrote no Longhorn volume list (empty, or unreadable: the kit does not say)', async () => {
    const builder = clusterWithVolumes();
    builder.removeResource('longhorn.io', 'volumes', 'longhorn-system');
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.skipKind]).toEqual(['skipped', 'missing-input']);
  });

  it("fails on an old kit's empty list of Longhorn volumes (items: []), as on the real v1.0 sample", async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1251, kit: 'old' });
    addWorkloadHistory(cluster);
    for (const volume of cluster.builder.listObjects('longhorn.io/v1beta2', 'Volume', 'longhorn-system')) cluster.builder.removeObject('longhorn.io/v1beta2', 'Volume', 'longhorn-system', volume.metadata.name);
    // The list as the v1.0 sample holds it: the old kit lists every type the API serves, empty or not.
    cluster.builder.addFile('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  continue: "null"\n  resourceVersion: "14659229"\n');
    const run = await runRule(await catalogRule(ID), cluster.builder);
    expect(run.outcome).toBe('fail');
  });

  it('is skipped, never passed, when the bundle has no PersistentVolume list', async () => {
    const builder = clusterWithVolumes();
    longhornVolumeDeletedUnderBoundPv(builder);
    builder.removeResource('', 'persistentvolumes');
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.skipKind]).toEqual(['skipped', 'missing-input']);
  });
});
