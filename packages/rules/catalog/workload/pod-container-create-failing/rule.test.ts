import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { vmStuckStartingNotADeviceNode } from '../../kubevirt/vm-stuck-starting-not-a-device-node/fault.js';
import { podContainerCreateFailing } from './fault.js';

const ID = 'pod-container-create-failing';

describe(ID, () => {
  it('fails (high) for a system pod whose container cannot be created, naming what is missing', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const pod = podContainerCreateFailing(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(`pod harvester-system/${pod.metadata.name} cannot start: container harvester-webhook is in CreateContainerConfigError: secret "harvester-webhook-tls" not found`);
    expectCited(builder, run.finding, 'yamls/namespaced/harvester-system/v1/pods.yaml', /\/containerStatuses\/0\/state\/waiting\/reason$/, 'reason: CreateContainerConfigError');
  });

  it('is medium for a user workload', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podContainerCreateFailing(builder, { user: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toContain("couldn't find key DATABASE_URL in ConfigMap default/web-frontend-config");
  });

  it('passes while the container is being created (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podContainerCreateFailing(builder, { creating: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is a detail of the "not a device node" signature about the same virt-launcher pod, which takes over what it explains and heads the report', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 111 });
    const { pod } = vmStuckStartingNotADeviceNode(builder);
    const report = await catalogReport(builder);
    const signature = report.findings.find((finding) => finding.ruleId === 'vm-stuck-starting-not-a-device-node')!;
    expect(report.findings.find((finding) => finding.ruleId === ID)).toMatchObject({ status: 'info', coveredBy: signature.ruleId });
    expect(report.findings.find((finding) => finding.ruleId === 'precheck-pod-status')!.causedBy).toEqual([{ ruleId: signature.ruleId, fingerprint: signature.fingerprint }]);
    expect(report.summary.headline).toBe(signature.ruleId);
    expect(signature.message).toContain(pod);
  });
});
