import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { addUserDeployment } from '../../../../../testdata/generator/fault-support/workload-objects.js';
import { podCrashLooping } from '../pod-crash-looping/fault.js';
import { deploymentUnavailable } from './fault.js';

const ID = 'deployment-unavailable';
const DEPLOYMENTS = 'yamls/namespaced/longhorn-system/apps/v1/deployments.yaml';

describe(ID, () => {
  it('fails (high) for a system Deployment below its minimum, citing the unavailable count and the Available condition', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    deploymentUnavailable(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      'Deployment longhorn-system/csi-attacher has 1 of 3 replica(s) unavailable (2 available; Available False since 2025-03-12T08:34:07Z: Deployment does not have minimum availability.)',
    );
    expectCited(builder, run.finding, DEPLOYMENTS, /^\/status\/unavailableReplicas$/, 'unavailableReplicas: 1');
    expectCited(builder, run.finding, DEPLOYMENTS, /^\/status\/conditions\/0\/status$/, 'status: "False"');
  });

  it('warns while the Deployment is still Available (one pod down within maxUnavailable)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    deploymentUnavailable(builder, { withinBudget: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain('has 1 of 3 replica(s) unavailable (2 available; Available True since');
  });

  it('is medium for a user Deployment', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podCrashLooping(builder, { user: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['fail', 'medium']);
    expect(run.finding!.message).toMatch(/^Deployment default\/web-frontend has 1 of 1 replica\(s\) unavailable/);
  });

  it('passes when every replica is available again, a user Deployment beside it (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    deploymentUnavailable(builder, { withinBudget: true, recovered: true });
    addUserDeployment(builder);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
