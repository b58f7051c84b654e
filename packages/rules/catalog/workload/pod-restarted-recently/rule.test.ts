import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { podRestartedRecently } from './fault.js';

const ID = 'pod-restarted-recently';
const PODS = 'yamls/namespaced/harvester-system/v1/pods.yaml';

describe(ID, () => {
  it('warns (high) about a system container OOMKilled 47 minutes before the bundle, citing the exit and the last lines of the run that ended', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod, container } = podRestartedRecently(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toMatch(
      new RegExp(`^pod harvester-system/${pod.metadata.name}: container ${container} ended OOMKilled \\(exit code 137\\) and runs again \\(1 restart\\(s\\) in all\\), 47m before the bundle was taken; the last lines of the run that ended: .*reenqueuing VirtualMachineInstance .* / .*Updating cluster config .*$`),
    );
    expectCited(builder, run.finding, PODS, /\/lastState\/terminated\/reason$/, 'reason: OOMKilled');
    expectCited(builder, run.finding, PODS, /\/lastState\/terminated\/finishedAt$/, 'finishedAt:');
    const logs = run.finding!.evidence.filter((item) => item.path.endsWith(`${container}.log.1`));
    expect(logs.map((item) => citedLine(builder, item))).toEqual([expect.stringContaining('reenqueuing VirtualMachineInstance'), expect.stringContaining('Updating cluster config')]);
  });

  it('is low for a user pod that exited with an error an hour before the bundle, and cites its error line', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podRestartedRecently(builder, { user: true, reason: 'Error', minutesAgo: 60 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.severity).toBe('low');
    expect(run.finding!.message).toContain('container web-frontend ended Error (exit code 1) and runs again (1 restart(s) in all), 1h before the bundle was taken; the last lines of the run that ended: 2025/03/12 08:27:04 [error] 29#29: *1180 upstream timed out');
  });

  it('passes for a restart three days old, however many restarts the container counts (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podRestartedRecently(builder, { reason: 'Error', minutesAgo: 3 * 24 * 60 });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('passes for a container lost with its node (reason Unknown after a reboot: a near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podRestartedRecently(builder, { reason: 'Unknown', minutesAgo: 20 });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('says so when the previous run\'s log is not in the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podRestartedRecently(builder, { logs: false });
    expect((await runRule(await catalogRule(ID), builder)).finding!.message).toMatch(/the last lines of the run that ended: none \(its previous log is not in this bundle\)$/);
  });
});
