import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { statefulsetUnavailable } from './fault.js';

const ID = 'statefulset-unavailable';

describe(ID, () => {
  it('fails (high) for a system StatefulSet with no ready replica, citing the replicas it wants', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    statefulsetUnavailable(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe('StatefulSet cattle-fleet-local-system/fleet-agent has 0 of 1 replica(s) ready');
    expectCited(builder, run.finding, 'yamls/namespaced/cattle-fleet-local-system/apps/v1/statefulsets.yaml', /^\/spec\/replicas$/, 'replicas: 1');
  });

  it('passes for a StatefulSet scaled to zero on purpose (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    statefulsetUnavailable(builder, { scaledDown: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
