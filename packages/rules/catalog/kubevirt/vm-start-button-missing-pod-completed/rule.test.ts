import { describe, expect, it } from 'vitest';
import { vmStartButtonMissingPodCompleted } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'vm-start-button-missing-pod-completed';

describe(ID, () => {
  it('fails for a Stopped VM with a pending Start whose virt-launcher pod Completed, citing VM, pod and VMI', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 121 });
    const { pod } = vmStartButtonMissingPodCompleted(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `VM default/ubuntu-2204-web is Stopped with a pending Start request, but its virt-launcher pod ${pod} has completed (Ready False, reason PodCompleted) and was not removed, so the VM cannot be started from the UI.`,
    );
    const [printable, request, podReason, vmiReason] = run.finding!.evidence;
    expect(printable!.path).toBe('yamls/namespaced/default/kubevirt.io/v1/virtualmachines.yaml');
    expect(citedLine(builder, printable!).trim()).toBe('printableStatus: Stopped');
    expect(citedLine(builder, request!).trim()).toBe('- action: Start');
    expect(podReason!.path).toBe('yamls/namespaced/default/v1/pods.yaml');
    expect(citedLine(builder, podReason!).trim()).toBe('reason: PodCompleted');
    expect(vmiReason!.path).toBe('yamls/namespaced/default/kubevirt.io/v1/virtualmachineinstances.yaml');
    expect(citedLine(builder, vmiReason!).trim()).toBe('reason: PodTerminating');
    expect(run.finding!.remediation!.commands).toEqual([`kubectl delete pod ${pod} -n default --force`]);
  });

  it('passes when the Start request waits but the old pod is already gone (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 121 });
    vmStartButtonMissingPodCompleted(builder, { podRemoved: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
