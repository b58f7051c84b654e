import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { twoNodeRke2AgentLbLost } from '../../upgrade/two-node-rke2-agent-lb-lost/fault.js';
import { nodeNotReady } from './fault.js';

const ID = 'node-not-ready';
const NODES = 'yamls/cluster/v1/nodes.yaml';

describe(ID, () => {
  it('fails for a node whose kubelet stopped posting, with the condition\'s reason and message and how long before the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { node } = nodeNotReady(builder, { minutesAgo: 20 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.severity).toBe('critical');
    expect(run.finding!.message).toBe(`node ${node} is NotReady: Ready is Unknown (NodeStatusUnknown: Kubelet stopped posting node status.) since 20m before the bundle was taken`);
    expectCited(builder, run.finding, NODES, /^\/status\/conditions\/3\/status$/, 'status: Unknown');
  });

  it('fails for a node whose kubelet reports it not ready (Ready False), naming the runtime\'s reason', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    nodeNotReady(builder, { status: 'False', minutesAgo: 90 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/is NotReady: Ready is False \(KubeletNotReady: container runtime network not ready: .*cni plugin not initialized\) since 1h30m before the bundle was taken$/);
    expectCited(builder, run.finding, NODES, /^\/status\/conditions\/3\/status$/, 'status: "False"');
  });

  it('passes when the node came back (Ready True since a few minutes: a near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    nodeNotReady(builder, { status: 'True', minutesAgo: 3 });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('explains the pods on the node and, through them, the DaemonSets short of a pod; it heads the report, the taint is its detail', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { node, pods } = nodeNotReady(builder, { minutesAgo: 20, pods: true });
    const report = await catalogReport(builder);
    const cause = report.findings.find((finding) => finding.ruleId === ID)!;
    expect(report.summary.headline).toBe(ID);
    expect(report.summary.headlineFingerprint).toBe(cause.fingerprint);
    // Every pod of the node that the controller marked not ready is a symptom of the node.
    const podFindings = report.findings.filter((finding) => finding.ruleId === 'pod-not-ready');
    expect(podFindings.length).toBe(pods.length);
    for (const symptom of podFindings) {
      expect(symptom.message).toContain(`on node ${node} has not been Ready for 20m`);
      expect(symptom.causedBy).toContainEqual({ ruleId: ID, fingerprint: cause.fingerprint });
    }
    // A DaemonSet whose pod on the node is not ready is explained by that pod (via its owner).
    const longhornManager = report.findings.find((finding) => finding.ruleId === 'daemonset-unavailable' && finding.message.startsWith('DaemonSet longhorn-system/longhorn-manager '))!;
    expect(longhornManager.message).toBe('DaemonSet longhorn-system/longhorn-manager has 1 of 3 pod(s) unavailable (2 ready, 3 scheduled)');
    expect(longhornManager.causedBy?.map((link) => link.ruleId)).toEqual(['pod-not-ready']);
    // The unreachable taint the node got is a detail of the NotReady node, and the upgrade checks its symptoms.
    expect(report.findings.find((finding) => finding.ruleId === 'node-unreachable-taint')).toMatchObject({ status: 'info', coveredBy: ID });
    for (const id of ['upgrade-gate-node-not-ready', 'precheck-node-status']) {
      expect(report.findings.find((finding) => finding.ruleId === id)?.causedBy, id).toContainEqual({ ruleId: ID, fingerprint: cause.fingerprint });
    }
  });

  it('is a detail of the two-node upgrade signature that says why the worker is NotReady (S25 refines it and heads the report)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 2, seed: 25 });
    twoNodeRke2AgentLbLost(builder);
    const report = await catalogReport(builder);
    expect(report.findings.find((finding) => finding.ruleId === ID)).toMatchObject({ status: 'info', coveredBy: 'two-node-rke2-agent-lb-lost' });
    expect(report.summary.headline).toBe('two-node-rke2-agent-lb-lost');
  });
});
