import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { daemonsetUnavailable } from './fault.js';

const ID = 'daemonset-unavailable';

describe(ID, () => {
  it('fails (high) for a system DaemonSet with a pod unavailable, citing its count', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    daemonsetUnavailable(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe('DaemonSet longhorn-system/longhorn-csi-plugin has 1 of 3 pod(s) unavailable (2 ready, 3 scheduled)');
    expectCited(builder, run.finding, 'yamls/namespaced/longhorn-system/apps/v1/daemonsets.yaml', /^\/status\/numberUnavailable$/, 'numberUnavailable: 1');
  });

  it('passes during a rolling update that keeps every pod available (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    daemonsetUnavailable(builder, { rolling: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
