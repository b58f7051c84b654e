import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { podUnschedulableFault } from './fault.js';

const ID = 'pod-unschedulable';

describe(ID, () => {
  it('fails (high) for a system pod Pending for 25 minutes, with the scheduler\'s message', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const pod = podUnschedulableFault(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      `pod harvester-system/${pod.metadata.name} has been Pending and unschedulable for 25m: 0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
    );
    expectCited(builder, run.finding, 'yamls/namespaced/harvester-system/v1/pods.yaml', /\/status\/conditions\/0\/reason$/, 'reason: Unschedulable');
  });

  it('is medium for a user pod, and passes for one that waits for a minute only (near miss)', async () => {
    const user = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podUnschedulableFault(user, { user: true });
    const run = await runRule(await catalogRule(ID), user);
    expect([run.outcome, run.finding!.severity]).toEqual(['fail', 'medium']);
    expect(run.finding!.message).toContain('0/1 nodes are available: 1 Insufficient memory.');
    const waiting = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podUnschedulableFault(waiting, { user: true, minutesAgo: 1 });
    expect((await runRule(await catalogRule(ID), waiting)).outcome).toBe('pass');
  });

  it('explains its Deployment short of a replica', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podUnschedulableFault(builder);
    const report = await catalogReport(builder);
    const cause = report.findings.find((finding) => finding.ruleId === ID)!;
    const deployment = report.findings.find((finding) => finding.ruleId === 'deployment-unavailable')!;
    expect(deployment.message).toMatch(/^Deployment harvester-system\/virt-controller has 1 of 2 replica\(s\) unavailable/);
    expect(deployment.causedBy).toEqual([{ ruleId: ID, fingerprint: cause.fingerprint }]);
    expect(report.summary.headline).toBe(ID);
  });
});
