import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { parseRule } from '../rule/load-rules.js';
import { BundleBuilder, runRule } from '../testing/index.js';
import { analyze } from './analyze.js';

/** A pod whose container crashed: its previous run's log (`.log.1`) and the current one (`.log`). */
function crashingPod(): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('harvester-system');
  bundle.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'network-manager-7d9f-x2x4k', namespace: 'harvester-system' },
    spec: { containers: [{ name: 'manager' }, { name: 'sidecar' }] },
    status: {
      containerStatuses: [
        { name: 'manager', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        { name: 'sidecar', restartCount: 0, state: { running: { startedAt: '2025-03-06T20:00:00Z' } } },
      ],
    },
  });
  bundle.addPodLog('harvester-system', 'network-manager-7d9f-x2x4k', 'manager', [
    { time: '2025-03-06T22:30:00.000000001Z', text: 'level=info msg="starting"' },
    { time: '2025-03-06T22:30:01.000000001Z', text: 'level=error msg="first run: webhook timeout"' },
    { time: '2025-03-06T22:30:02.000000001Z', text: 'level=fatal msg="first run: exiting"' },
  ], { previous: true });
  bundle.addPodLog('harvester-system', 'network-manager-7d9f-x2x4k', 'manager', [
    { time: '2025-03-06T22:40:00.000000001Z', text: 'level=info msg="starting"' },
    { time: '2025-03-06T22:40:01.000000001Z', text: 'level=error msg="second run: webhook timeout"' },
    { time: '2025-03-06T22:40:02.000000001Z', text: 'level=info msg="retrying"' },
  ]);
  bundle.addPodLog('harvester-system', 'network-manager-7d9f-x2x4k', 'sidecar', [
    { time: '2025-03-06T22:44:00.000000001Z', text: 'level=error msg="sidecar error, not the crashing container"' },
  ]);
  return bundle;
}

const CRASH_RULE = (podLog: string) => `
id: crash-with-log
title: t
severity: high
component: workload
inputs:
  pods: { resource: { group: '', resource: pods, namespace: harvester-system } }
match: { forEach: pods, as: pod }
outcomes:
  - when:
      some:
        path: pod/status/containerStatuses
        as: status
        where:
          all:
            - field: { path: status/state/waiting/reason, equals: CrashLoopBackOff }
            - optional:
                podLog: ${podLog}
    status: fail
    message: '{{ status | map:name | join }} crashes; {{ lastErrorsCount | default:"0" }} error lines: {{ lastErrors | map:text | join:" / " | default:"no log" }}'
remediation: { summary: fix it }
`;

const LOG_OF_STATUS = "{ namespace: '{{ pod/metadata/namespace }}', pod: '{{ pod/metadata/name }}', container: '{{ status/name }}', pattern: 'level=(error|fatal)', last: 2, as: lastErrors }";

describe('podLog: the log of the object being evaluated', () => {
  it('reads the container named by the bound status across its runs and cites the last matching lines, newest last', async () => {
    const bundle = crashingPod();
    const run = await runRule(CRASH_RULE(LOG_OF_STATUS), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe('manager crashes; 3 error lines: level=fatal msg="first run: exiting" / level=error msg="second run: webhook timeout"');
    const logs = run.finding!.evidence.filter((item) => item.path.startsWith('logs/'));
    expect(logs.map((item) => [item.path, item.line])).toEqual([
      ['logs/harvester-system/network-manager-7d9f-x2x4k/manager.log.1', 3],
      ['logs/harvester-system/network-manager-7d9f-x2x4k/manager.log', 2],
    ]);
    for (const item of logs) {
      const file = new TextDecoder().decode(bundle.toFiles().get(item.path)!);
      expect(file.split('\n')[item.line - 1]).toBe(item.excerpt);
    }
  });

  it('reads only the previous run when previous is true, and gives the last lines of the log without a pattern', async () => {
    const run = await runRule(CRASH_RULE("{ namespace: '{{ pod/metadata/namespace }}', pod: '{{ pod/metadata/name }}', container: '{{ status/name }}', previous: true, last: 2, as: lastErrors }"), crashingPod());
    expect(run.finding?.message).toBe('manager crashes; 3 error lines: level=error msg="first run: webhook timeout" / level=fatal msg="first run: exiting"');
  });

  it('does not hold when the container\'s log was not collected: the finding says so instead of citing another log', async () => {
    const bundle = crashingPod();
    const files = bundle.toFiles();
    const withoutLogs = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
    withoutLogs.collectNamespace('harvester-system');
    for (const pod of bundle.listObjects('v1', 'Pod', 'harvester-system')) withoutLogs.addObject(pod);
    expect([...files.keys()].some((path) => path.endsWith('manager.log'))).toBe(true);
    const run = await runRule(CRASH_RULE(LOG_OF_STATUS), withoutLogs);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe('manager crashes; 0 error lines: no log');
    expect(run.finding!.evidence.every((item) => item.path.startsWith('yamls/'))).toBe(true);
  });

  it('holds only with at least minCount matching lines', async () => {
    const rule = CRASH_RULE("{ namespace: '{{ pod/metadata/namespace }}', pod: '{{ pod/metadata/name }}', container: '{{ status/name }}', pattern: 'webhook timeout', minCount: 3, as: lastErrors }");
    const run = await runRule(rule, crashingPod());
    expect(run.finding?.message).toBe('manager crashes; 0 error lines: no log');
  });

  it('refuses at load a template naming something that is not bound there, and an unsafe pattern', () => {
    const unbound = parseRule(CRASH_RULE("{ namespace: '{{ pod/metadata/namespace }}', pod: '{{ podd/metadata/name }}', as: lastErrors }"), 'rule.yaml');
    expect(unbound.problems.map((problem) => [problem.pointer, problem.message])).toEqual([
      ['/outcomes/0/when/some/where/all/1/optional/podLog/pod', 'template uses "podd", which is not an input or a bound name here'],
    ]);
    const unsafe = parseRule(CRASH_RULE("{ namespace: x, pod: y, pattern: '(a)\\1', as: lastErrors }"), 'rule.yaml');
    expect(unsafe.problems.map((problem) => problem.pointer)).toEqual(['/outcomes/0/when/some/where/all/1/optional/podLog/pattern']);
  });

  it('streams a container\'s log once for two rules that ask the same of it', async () => {
    const rule = (id: string) => parseRule(CRASH_RULE(LOG_OF_STATUS).replace('id: crash-with-log', `id: ${id}`), `${id}.yaml`).rule!;
    // Without patterns only the rules read logs; with them the miner's pass reads every log once
    // more, since a podLog search is known only once a rule looks at its object (not planned,
    // so not served from the pass): still one scan for the two rules, never one each.
    for (const [patterns, reads] of [[false, 1], [true, 2]] as const) {
      const opens: string[] = [];
      const bundle = await openBundle(crashingPod().toZip(), { onProgress: (event) => event.phase === 'read' && opens.push(event.path) });
      try {
        const report = await analyze(bundle, { rules: [rule('first'), rule('second')], patterns, timeline: false, overview: false });
        expect(report.findings.map((finding) => finding.message)).toEqual([expect.stringContaining('3 error lines'), expect.stringContaining('3 error lines')]);
        expect(opens.filter((path) => path.endsWith('/manager.log')), `patterns: ${patterns}`).toHaveLength(reads);
        expect(opens.filter((path) => path.endsWith('/manager.log.1')), `patterns: ${patterns}`).toHaveLength(reads);
      } finally {
        await bundle.close();
      }
    }
  });
});
