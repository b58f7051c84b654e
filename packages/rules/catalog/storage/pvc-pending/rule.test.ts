import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { pvcPending, waitingClaimConsumerScheduled } from './fault.js';

const ID = 'pvc-pending';
const CLAIMS = 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml';
const EVENTS = 'yamls/namespaced/default/v1/events.yaml';

describe(ID, () => {
  it('fails for a claim whose provisioning failed, citing its phase and the ProvisioningFailed event', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1211 });
    const { claim } = pvcPending(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status !== 'pass')).toHaveLength(1);
    expect(run.finding!.message).toBe(
      `PVC default/${claim} (StorageClass harvester-longhorn) has been Pending for 25m: provisioning failed 10 time(s), the last 40s before the bundle: ` +
        'failed to provision volume with StorageClass "harvester-longhorn": rpc error: code = DeadlineExceeded desc = context deadline exceeded',
    );
    expectCited(builder, run.finding, CLAIMS, /^\/status\/phase$/, 'phase: Pending');
    const event = run.finding!.evidence.find((item) => item.path === EVENTS)!;
    expect(citedLine(builder, event).trim()).toBe(`message: 'failed to provision volume with StorageClass "harvester-longhorn": rpc`);
  });

  it('warns (medium) for a claim waiting 10 minutes to an hour on its provisioner without an error, naming the events', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1212 });
    const { claim } = pvcPending(builder, { failed: false });
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.finding!.message).toBe(
      `PVC default/${claim} (StorageClass harvester-longhorn) has been Pending for 25m; last events: ExternalProvisioning: Waiting for a volume to be created either by the external provisioner ` +
        `'driver.longhorn.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.; Provisioning: External provisioner is provisioning volume for claim "default/${claim}".`,
    );
  });

  it('fails (high) for a claim Pending an hour or more, even without events left in the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1213 });
    const { claim } = pvcPending(builder, { minutes: 130, failed: false });
    for (const event of builder.listObjects('v1', 'Event', 'default')) if ((event.involvedObject as { name: string }).name === claim) builder.removeObject('v1', 'Event', 'default', event.metadata.name);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['fail', 'high']);
    expect(run.finding!.message).toBe(`PVC default/${claim} (StorageClass harvester-longhorn) has been Pending for 2h10m; last events: none left in the bundle.`);
  });

  it('passes for a claim created minutes ago, which is still being provisioned (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1211 });
    pvcPending(builder, { minutes: 3, failed: false });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('passes for the healthy cluster\'s WaitForFirstConsumer claim that no pod uses yet, and fails once a consumer was scheduled and provisioning failed', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1214 });
    expect(builder.getObject('v1', 'PersistentVolumeClaim', 'default', 'build-cache')!.status).toEqual({ phase: 'Pending' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
    waitingClaimConsumerScheduled(builder);
    const failed = await runRule(await catalogRule(ID), builder);
    expect(failed.outcome).toBe('fail');
    expect(failed.finding!.message).toContain('PVC default/build-cache (StorageClass longhorn-strict-local) has been Pending for 2d');
  });

  it('explains the VM that waits for the claim (WaitingForVolumeBinding)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1211 });
    const { vm } = pvcPending(builder);
    const report = await runCatalog(builder);
    const pending = report.findings.find((finding) => finding.ruleId === ID && finding.status === 'fail')!;
    const waiting = report.findings.find((finding) => finding.ruleId === 'vm-stuck-in-transition' && finding.status === 'warn')!;
    expect(waiting.message).toBe(`VM default/${vm} has been WaitingForVolumeBinding for 24m58s (VMI phase Pending, node none).`);
    expect(waiting.causedBy).toEqual([{ ruleId: ID, fingerprint: pending.fingerprint }]);
    expect(report.summary.headline).toBe(ID);
  });
});
