import { LogFile, logsToMine, openBundle } from '@bundle-triage/core';
import { describe, expect, it, vi } from 'vitest';
import { generateHealthyCluster, restartContainer } from '../../../../testdata/generator/index.js';
import { analyze } from '../engine/analyze.js';
import { parseRule } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { citedLine, runRule } from '../testing/index.js';

/** A node's kernel log over three boots: the port went down in both earlier boots. */
const PORT_DISABLED = `
id: port-disabled
title: A bridge port was disabled
severity: low
component: node
inputs:
  kernel: { logs: { nodeFile: logs/kernel.log } }
outcomes:
  - when: { log: { input: kernel, as: ports, prefilter: entered disabled state, pattern: 'port \\d+\\((?P<port>\\w+)\\) entered disabled state' } }
    status: info
    message: '{{ portsCount }} times, the last in {{ ports | last | map:path | first }}'
`;

function apiserverRule(previous?: boolean): string {
  return `
id: apiserver-starting
title: The apiserver container started a controller
severity: low
component: harvester
inputs:
  apiserver: { logs: { namespace: harvester-system, podPrefix: harvester-, container: apiserver${previous === undefined ? '' : `, previous: ${previous}`} } }
outcomes:
  - when: { log: { input: apiserver, as: lines, pattern: 'level=(?P<level>\\w+)' } }
    status: info
    message: '{{ lines | map:path | unique | join:" then " }}'
`;
}

describe('log inputs read rotated logs as one log', () => {
  it('reads kernel.log.2 and kernel.log.1 before kernel.log, citing each line in its own file', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 11, previousBoots: 2 });
    const run = await runRule(PORT_DISABLED, cluster.builder);
    expect(run.outcome).toBe('info');
    expect(run.finding!.message).toBe('2 times, the last in nodes/harvester-node-0.zip!/harvester-node-0/logs/kernel.log.1');
    expect(run.finding!.evidence.map((item) => item.path.split('/').pop())).toEqual(['kernel.log.2', 'kernel.log.1']);
    for (const evidence of run.finding!.evidence) expect(citedLine(cluster.builder, evidence)).toContain('mgmt-br: port 1(eno1) entered disabled state');
  });

  it('reads a container\'s previous run before its current one; previous: true is that run alone, false the current one alone', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 12 });
    const pod = restartContainer(cluster, 'harvester-system', 'harvester-', 'apiserver', [
      'time="2025-03-12T05:10:00Z" level=info msg="Starting harvesterhci.io/v1beta1, Kind=Setting controller"',
      'time="2025-03-12T05:12:41Z" level=fatal msg="leader election lost"',
    ]);
    const path = `logs/harvester-system/${pod}/apiserver.log`;
    const both = await runRule(apiserverRule(), cluster.builder);
    expect(both.finding!.message).toBe(`${path}.1 then ${path}`);
    expect(both.finding!.evidence[0]).toMatchObject({ path: `${path}.1`, line: 1 });
    expect((await runRule(apiserverRule(true), cluster.builder)).finding!.message).toBe(`${path}.1`);
    expect((await runRule(apiserverRule(false), cluster.builder)).finding!.message).toBe(path);
  });
});

describe('shared log scans over series', () => {
  it('reads each file of a series once, however many rules search it', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 13, previousBoots: 2 });
    const second = PORT_DISABLED.replace('id: port-disabled', 'id: port-disabled-again').replace("pattern: 'port", "pattern: 'bridge port|port");
    const rules = [PORT_DISABLED, second].map((text) => parseRule(text, 'inline').rule as Rule);
    const kernelLogs = ['kernel.log.2', 'kernel.log.1', 'kernel.log'].map((file) => `nodes/harvester-node-0.zip!/harvester-node-0/logs/${file}`);
    // Without patterns the rules alone read logs: the kernel series, each file once. With them the
    // log pass serves the rules' searches and the miner together: every log it mines once, the
    // series too. (The timeline, left out here, reads each kernel log's first lines for its boot banner.)
    for (const patterns of [false, true]) {
      const bundle = await openBundle(cluster.builder.toZip());
      const reads = new Map<string, number>();
      let mined: string[] = [];
      const original = LogFile.prototype.lines;
      const lines = vi.spyOn(LogFile.prototype, 'lines').mockImplementation(function (this: LogFile, options) {
        reads.set(this.path, (reads.get(this.path) ?? 0) + 1);
        return original.call(this, options);
      });
      try {
        const report = await analyze(bundle, { rules, patterns, timeline: false, overview: false, logThread: false });
        expect(report.findings.map((finding) => finding.status)).toEqual(['info', 'info']);
        mined = logsToMine(bundle.logs()).logs.map((log) => log.path);
      } finally {
        lines.mockRestore();
        await bundle.close();
      }
      if (!patterns) expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(kernelLogs.map((path) => [path, 1])));
      else {
        expect(mined).toEqual(expect.arrayContaining(kernelLogs));
        expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(mined.map((path) => [path, 1])));
      }
    }
  });
});

describe('log matches kept for a rule', () => {
  it('keeps the first matches and the latest, so last is the latest however many lines match', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 14 });
    const created = Date.parse(cluster.builder.createdAt);
    cluster.builder.appendNodeLog('harvester-node-0', 'kernel.log', Array.from({ length: 150 }, (_, index) => ({
      time: new Date(created - (150 - index) * 60_000).toISOString(),
      identifier: 'kernel',
      text: `EXT4-fs error (device sdc): __ext4_find_entry:1532: inode #2: comm grafana-server: reading directory lblock ${index}`,
    })));
    const rule = `
id: ext4-errors
title: ext4 errors
severity: low
component: node
inputs:
  kernel: { logs: { nodeFile: logs/kernel.log } }
outcomes:
  - when: { log: { input: kernel, as: errors, prefilter: EXT4-fs error, pattern: 'lblock (?P<block>\\d+)' } }
    status: info
    message: '{{ errorsCount }} lines, {{ errors | count }} kept, the last block {{ errors | last | map:block }}, {{ errors | last | map:time | age }} before the bundle'
`;
    const run = await runRule(rule, cluster.builder);
    expect(run.finding!.message).toBe('150 lines, 100 kept, the last block 149, 1m before the bundle');
  });
});
