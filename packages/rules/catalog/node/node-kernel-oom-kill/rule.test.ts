import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeKernelOomKill, type OomVictim } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-oom-kill',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelOomKill(cluster),
  // The same kill three days before the bundle: information, not a failure.
  nearMiss: (cluster) => nodeKernelOomKill(cluster, { minutesBefore: 3 * 24 * 60 }),
  nearMissOutcome: 'info',
  status: 'fail',
  message: (named) => {
    const { node, cgroup } = named as OomVictim;
    return `The OOM killer killed 1 VM process(es) (qemu) on ${node} in the 24 hours up to the bundle, the last one 1h35m before it: each one a VM that stopped at once; pids 48213; memory cgroups (the virt-launcher pods): ${cgroup}`;
  },
  file: 'logs/kernel.log',
  proof: 'Memory cgroup out of memory: Killed process 48213 (qemu-kvm)',
});

describe('node-kernel-oom-kill', () => {
  const rule = () => catalogRule('node-kernel-oom-kill');

  it('fails for a system component, naming it and its cgroup', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 71 });
    const { node } = nodeKernelOomKill(cluster, { process: 'longhorn-manage', minutesBefore: 30 });
    const run = await runRule(await rule(), cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(new RegExp(`^The OOM killer killed 1 system process\\(es\\) on ${node} .*: longhorn-manage \\(pid 48213, ${node}\\); memory cgroups: /kubepods/pod`));
    expect(run.finding!.evidence.map((item) => citedLine(cluster.builder, item))).toEqual([
      expect.stringContaining('Killed process 48213 (longhorn-manage)'),
      expect.stringContaining('task_memcg=/kubepods/pod'),
    ]);
  });

  it('warns for another process, and is information for kills older than a day', async () => {
    const recent = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 72 });
    nodeKernelOomKill(recent, { process: 'nginx' });
    expect((await runRule(await rule(), recent.builder)).outcome).toBe('warn');
    const old = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 72 });
    nodeKernelOomKill(old, { minutesBefore: 3 * 24 * 60 });
    const run = await runRule(await rule(), old.builder);
    expect(run.outcome).toBe('info');
    expect(run.finding!.message).toMatch(/^Earlier OOM kills .*: qemu-kvm \(pid 48213, harvester-node-\d\), the last 3d before the bundle$/);
  });
});
