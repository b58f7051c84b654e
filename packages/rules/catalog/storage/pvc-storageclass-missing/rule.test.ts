import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { MISSING_CLASS, pvcStorageClassMissing } from './fault.js';

const ID = 'pvc-storageclass-missing';
const CLAIMS = 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml';

describe(ID, () => {
  it('fails for the Pending claim whose StorageClass does not exist, citing the class it names and the ProvisioningFailed event', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1201 });
    const { claim } = pvcStorageClassMissing(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toMatch(
      new RegExp(
        `^PVC default/${claim} stays Pending: its StorageClass ${MISSING_CLASS} does not exist \\(the cluster has harvester-longhorn, longhorn-image-\\w+, longhorn-strict-local\\); ` +
          `the persistentvolume-controller reported ProvisioningFailed 161 time\\(s\\), the last 14s before the bundle: storageclass\\.storage\\.k8s\\.io "${MISSING_CLASS}" not found\\.$`,
      ),
    );
    expectCited(builder, run.finding, CLAIMS, /^\/spec\/storageClassName$/, `storageClassName: ${MISSING_CLASS}`);
    const event = run.finding!.evidence.find((item) => item.path === 'yamls/namespaced/default/v1/events.yaml')!;
    expect(citedLine(builder, event).trim()).toBe(`message: storageclass.storage.k8s.io "${MISSING_CLASS}" not found`);
  });

  it('fails on the claim alone when the event has expired from the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1202 });
    const { claim } = pvcStorageClassMissing(builder);
    for (const event of builder.listObjects('v1', 'Event', 'default')) if (event.reason === 'ProvisioningFailed') builder.removeObject('v1', 'Event', 'default', event.metadata.name);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(new RegExp(`^PVC default/${claim} stays Pending: its StorageClass ${MISSING_CLASS} does not exist \\(the cluster has [^)]+\\)\\.$`));
  });

  it('passes when the image and its class were deleted after the disks were made: the claims are Bound and keep working (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1201 });
    pvcStorageClassMissing(builder, { imageDeletedLater: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped, not passed, when the bundle has no StorageClass list', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1201 });
    pvcStorageClassMissing(builder);
    for (const storageClass of builder.listObjects('storage.k8s.io/v1', 'StorageClass')) builder.removeObject('storage.k8s.io/v1', 'StorageClass', undefined, storageClass.metadata.name);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.skipKind]).toEqual(['skipped', 'missing-input']);
  });
});

describe('causes before symptoms: missing StorageClass → Pending claim → VM that cannot start', () => {
  it('links the three findings and makes the missing StorageClass the headline', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1201 });
    const { claim, vm } = pvcStorageClassMissing(builder);
    const report = await runCatalog(builder);
    const find = (ruleId: string) => report.findings.find((finding) => finding.ruleId === ruleId && finding.status === 'fail')!;
    const [cause, pending, down] = [find(ID), find('pvc-pending'), find('vm-error-status')];
    expect(pending.message).toContain(`PVC default/${claim}`);
    expect(down.message).toMatch(new RegExp(`^VM default/${vm} is ErrorUnschedulable: PodScheduled: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims\\.`));
    expect(cause.explains).toEqual([{ ruleId: 'pvc-pending', fingerprint: pending.fingerprint }]);
    expect(pending.causedBy).toEqual([{ ruleId: ID, fingerprint: cause.fingerprint }]);
    expect(pending.explains).toEqual([{ ruleId: 'vm-error-status', fingerprint: down.fingerprint }]);
    expect(down.causedBy).toEqual([{ ruleId: 'pvc-pending', fingerprint: pending.fingerprint }]);
    expect(report.summary.headline).toBe(ID);
    expect(report.summary.headlineFingerprint).toBe(cause.fingerprint);
  });
});
