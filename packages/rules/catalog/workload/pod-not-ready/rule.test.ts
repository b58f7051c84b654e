import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { podNotReadyFault } from './fault.js';

const ID = 'pod-not-ready';

describe(ID, () => {
  it('fails (high) for a system pod not Ready for 12 minutes, naming the container and citing its last error lines', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod, container } = podNotReadyFault(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toMatch(
      new RegExp(
        `^pod harvester-system/${pod.metadata.name} on node harvester-node-\\d has not been Ready for 12m \\(Ready False: reason ContainersNotReady, message containers with unready status: \\[${container}\\]\\); containers not ready: ${container} \\(running\\); last error lines: .*TLS handshake error from 10.52.0.1:51234.* / .*TLS handshake error from 10.52.0.1:51872.*$`,
      ),
    );
    expectCited(builder, run.finding, 'yamls/namespaced/harvester-system/v1/pods.yaml', /\/status\/conditions\/\d\/status$/, 'status: "False"');
    expect(run.finding!.evidence.filter((item) => item.path.endsWith(`/${container}.log`))).toHaveLength(2);
  });

  it('warns (medium) for a user pod', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podNotReadyFault(builder, { user: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.severity).toBe('medium');
  });

  it('passes for a pod not ready for two minutes (a rolling restart: near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podNotReadyFault(builder, { minutesAgo: 2 });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
