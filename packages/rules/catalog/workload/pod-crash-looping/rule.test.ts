import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { addWorkloadHistory, generateHealthyCluster, healthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornEvictionRequestedManagerCrash } from '../../longhorn/longhorn-eviction-requested-manager-crash/fault.js';
import { podCrashLooping } from './fault.js';

const ID = 'pod-crash-looping';

describe(ID, () => {
  // After the error line the container logs an info line: picked too, or no error line picked at
  // all (then the rule falls back to the last lines), the info line shows in the message.
  it.each([
    ['error:', 'error: open /etc/harvester/lb.yaml: no such file or directory'],
    ['Error', 'Error loading configuration: invalid ippool default/pool-vlan10'],
    ['ERROR', 'ERROR ippool default/pool-vlan10 not synced'],
    ['level=error', 'time="2025-03-06T22:41:01Z" level=error msg="cannot reach the webhook"'],
    ['mixed case', 'ErRoR: webhook did not answer'],
  ])('takes a line logged with %s as the last error line, and not the info line after it', async (_spelling, line) => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod, container } = podCrashLooping(builder, { noLogs: true });
    builder.addPodLog('harvester-system', pod.metadata.name, container, [line, 'time="2025-03-06T22:41:02Z" level=info msg="retrying in 10s"']);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message.split('; last log lines: ')[1]).toBe(line);
  });

  it('fails for a crash-looping system pod (high), citing its waiting reason and the last error lines of its two runs', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod, container } = podCrashLooping(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toMatch(
      new RegExp(`^pod harvester-system/${pod.metadata.name} is crash-looping: container ${container} in CrashLoopBackOff after 11 restart\\(s\\), last exit Error \\(code 1\\), 3m20s before the bundle was taken; last log lines: .*level=fatal msg="leader election lost" / .*level=error msg="failed to sync ippool .* / .*level=fatal msg="leader election lost"$`),
    );
    expectCited(builder, run.finding, 'yamls/namespaced/harvester-system/v1/pods.yaml', /\/containerStatuses\/0\/state\/waiting\/reason$/, 'reason: CrashLoopBackOff');
    const logs = run.finding!.evidence.filter((item) => item.path.startsWith('logs/'));
    expect(logs.map((item) => item.path.split('/').at(-1))).toEqual([`${container}.log.1`, `${container}.log`, `${container}.log`]);
    // Excerpts are clipped at 240 characters; the cited line starts with the excerpt.
    for (const item of logs) expect(citedLine(builder, item).startsWith(item.excerpt.replace(/…$/, ''))).toBe(true);
    expect(run.finding!.remediation!.commands).toContain(`kubectl -n harvester-system logs ${pod.metadata.name} -c ${container} --previous`);
  });

  it('is medium for a user workload, and reads an init container\'s log when that is what crash-loops', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    const { pod } = podCrashLooping(builder, { init: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toBe(
      `pod default/${pod.metadata.name} is crash-looping: container wait-for-db in CrashLoopBackOff after 6 restart(s), last exit Error (code 1), 2m30s before the bundle was taken; last log lines: nc: bad address 'postgres' / nc: bad address 'postgres'`,
    );
    expectCited(builder, run.finding, 'yamls/namespaced/default/v1/pods.yaml', /\/initContainerStatuses\/0\/state\/waiting\/reason$/, 'reason: CrashLoopBackOff');
  });

  it('says so when the bundle holds no log of the container', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podCrashLooping(builder, { noLogs: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toMatch(/; last log lines: none \(no log of the container in this bundle\)$/);
  });

  it('takes a klog error or fatal line (E0306 …, F0306 …) and an upper-case ERROR for an error line', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod, container } = podCrashLooping(builder, { noLogs: true });
    builder.addPodLog('harvester-system', pod.metadata.name, container, [
      'I0306 22:40:01.120000       1 server.go:80] Starting harvester-load-balancer',
      'E0306 22:40:31.417000       1 controller.go:112] webhook validator.harvester-load-balancer-webhook.harvesterhci.io did not answer within 30s',
      'I0306 22:40:31.500000       1 controller.go:120] requeue default/pool-vlan10',
      'ERROR ippool default/pool-vlan10 not synced',
      'F0306 22:41:01.417000       1 main.go:52] leader election lost',
    ]);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/; last log lines: E0306 .*did not answer within 30s \/ ERROR ippool default\/pool-vlan10 not synced \/ F0306 .*leader election lost$/);
  });

  it('passes for a container that exited once and runs again (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podCrashLooping(builder, { recovered: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('explains its Deployment being unavailable (via the ReplicaSet that owns the pod) and heads the report over that symptom', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod } = podCrashLooping(builder);
    const report = await catalogReport(builder);
    const cause = report.findings.find((finding) => finding.ruleId === ID)!;
    const deployment = report.findings.find((finding) => finding.ruleId === 'deployment-unavailable')!;
    expect(deployment.message).toMatch(/^Deployment harvester-system\/harvester-load-balancer has 1 of 1 replica\(s\) unavailable \(0 available; Available False since /);
    expect(deployment.causedBy).toEqual([{ ruleId: ID, fingerprint: cause.fingerprint }]);
    expect(cause.explains).toContainEqual({ ruleId: 'deployment-unavailable', fingerprint: deployment.fingerprint });
    expect(report.summary.headline).toBe(ID);
    // The generic not-ready finding about the same pod is its detail.
    expect(report.findings.find((finding) => finding.ruleId === 'pod-not-ready')).toMatchObject({ status: 'info', coveredBy: ID });
    expect(cause.message).toContain(pod.metadata.name);
  });

  it('carries the BackOff events of its pod, and no separate events finding lists them (the workloads history)', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1421 });
    addWorkloadHistory(cluster);
    const report = await catalogReport(cluster.builder);
    const cause = report.findings.find((finding) => finding.ruleId === ID)!;
    expect(cause.events?.map((group) => [group.reason, group.count, group.source])).toEqual([['BackOff', 397, 'kubelet']]);
    expect(citedLine(cluster.builder, { path: cause.events![0]!.path, line: cause.events![0]!.line, excerpt: '' }).trim()).toBe('reason: BackOff');
    expect(report.findings.filter((finding) => finding.ruleId === 'events-warning-repeated')).toEqual([]);
    expect(report.summary.headline).toBe(ID);
  });

  it('is explained by Longhorn eviction requested when the crashing pod is longhorn-manager (S37 heads the report)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 37 });
    longhornEvictionRequestedManagerCrash(builder, { node: 'harvester-node-0', crashLoop: true });
    const report = await catalogReport(builder);
    const cause = report.findings.find((finding) => finding.ruleId === 'longhorn-eviction-requested-manager-crash')!;
    const crash = report.findings.find((finding) => finding.ruleId === ID)!;
    expect(crash.message).toMatch(/^pod longhorn-system\/longhorn-manager-\w+ is crash-looping/);
    expect(crash.causedBy).toEqual([{ ruleId: cause.ruleId, fingerprint: cause.fingerprint }]);
    expect(report.summary.headline).toBe(cause.ruleId);
  });
});
