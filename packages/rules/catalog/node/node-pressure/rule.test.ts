import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { nodePressure } from './fault.js';

const ID = 'node-pressure';

describe(ID, () => {
  it('fails for a node under disk pressure, with the kubelet\'s message and how long before the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const node = nodePressure(builder, { pressures: ['DiskPressure'], minutesAgo: 35 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `node ${node} reports DiskPressure (KubeletHasDiskPressure: kubelet has disk pressure) since 35m before the bundle was taken; the kubelet evicts pods from it and takes no new ones`,
    );
    expectCited(builder, run.finding, 'yamls/cluster/v1/nodes.yaml', /^\/status\/conditions\/1\/status$/, 'status: "True"');
  });

  it('names every pressure of the node at once', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    nodePressure(builder, { pressures: ['MemoryPressure', 'PIDPressure'], minutesAgo: 5 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toContain('reports MemoryPressure and PIDPressure (KubeletHasInsufficientMemory: kubelet has insufficient memory available; KubeletHasInsufficientPID: kubelet has insufficient PID available) since 5m before');
  });

  it('passes when the pressure was relieved before the bundle was taken (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    nodePressure(builder, { pressures: ['DiskPressure'], minutesAgo: 4, recovered: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
