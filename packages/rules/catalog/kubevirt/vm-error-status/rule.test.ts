import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { vmErrorStatus } from './fault.js';

const ID = 'vm-error-status';
const VMS = 'yamls/namespaced/default/kubevirt.io/v1/virtualmachines.yaml';

describe(ID, () => {
  it('fails for an unschedulable VM with the scheduler\'s reason, citing the status and the condition', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1221 });
    const { vm } = vmErrorStatus(builder, 'unschedulable');
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toBe(
      `VM default/${vm} is ErrorUnschedulable: PodScheduled: 0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.`,
    );
    expectCited(builder, run.finding, VMS, /^\/status\/printableStatus$/, 'printableStatus: ErrorUnschedulable');
    const condition = run.finding!.evidence.find((item) => item.pointer?.endsWith('/message'))!;
    expect(citedLine(builder, condition)).toContain('0/3 nodes are available: 3 Insufficient memory.');
  });

  it('fails for a VM in CrashLoopBackOff with its start failures', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1222 });
    const { vm } = vmErrorStatus(builder, 'crash-loop');
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(`VM default/${vm} is CrashLoopBackOff after 4 failed start(s) in a row (next retry at 2025-03-12T09:16:27Z): no condition of the VM says why.`);
    expectCited(builder, run.finding, VMS, /^\/status\/startFailure\/consecutiveFailCount$/, 'consecutiveFailCount: 4');
  });

  it('fails for a VM whose claim was deleted (ErrorPvcNotFound), with the VMI\'s sync error', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1223 });
    const { vm, claim } = vmErrorStatus(builder, 'pvc-not-found');
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toBe(`VM default/${vm} is ErrorPvcNotFound: Synchronized: PVC default/${claim} does not exist, waiting for it to appear`);
  });

  it('fails for a VM paused by an I/O error, naming the node its VMI runs on', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1224 });
    const { vm } = vmErrorStatus(builder, 'paused-io-error');
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(
      new RegExp(`^VM default/${vm} is Paused by an I/O error on its disk \\('VMI was paused, low-level IO error detected', since 1h10m before the bundle\\) on node harvester-node-\\d; the guest is frozen until the storage behind its disk works again\\.$`),
    );
    expectCited(builder, run.finding, VMS, /^\/status\/conditions\/\d+\/reason$/, 'reason: PausedIOError');
  });

  it('passes for a VM its owner paused, and for the healthy cluster\'s stopped VM (near misses)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1224 });
    expect(builder.getObject('kubevirt.io/v1', 'VirtualMachine', 'default', 'win2022-jumphost')!.status).toMatchObject({ printableStatus: 'Stopped' });
    vmErrorStatus(builder, 'paused-by-user');
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
