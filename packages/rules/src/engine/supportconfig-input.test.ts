import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { generateHealthyCluster, healthyCluster, updateNodeHealth } from '../../../../testdata/generator/index.js';
import { parseRule } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { citedLine, runRule } from '../testing/index.js';
import { analyze } from './analyze.js';

const GIB = 1024 ** 3;

/** forEach over the df rows of every node: the persistent partition at 90 % or more fails. */
const FULL_PERSISTENT = `
id: persistent-full
title: COS_PERSISTENT is nearly full
severity: high
component: node
inputs:
  filesystems: { supportconfig: { fact: filesystems, whenMissing: 'check it on each node with df -h /usr/local' } }
match: { forEach: filesystems, as: fs, where: { field: { path: fs/role, equals: cos-persistent, evidence: false } } }
outcomes:
  - when: { field: { path: fs/usePercent, gte: 90 } }
    status: fail
    message: '{{ fs/mount }} on {{ fs/node }} is {{ fs/usePercent }}% used ({{ fs/used }} of {{ fs/size }})'
`;

/** The whole node record: memory and load, each cited at its own line. */
const NODE_RECORD = `
id: node-busy
title: A node is short of memory and busy
severity: medium
component: node
inputs:
  nodes: { supportconfig: {} }
match: { forEach: nodes, as: node }
outcomes:
  - when:
      all:
        - field: { path: node/memory/usedPercent, gte: 95 }
        - field: { path: node/load/fifteen, gte: 10 }
    status: warn
    message: '{{ node/node }}: memory {{ node/memory/usedPercent }}% used, load {{ node/load/fifteen }} on {{ node/cpus/count }} CPUs'
`;

function fillPersistent(cluster: ReturnType<typeof generateHealthyCluster>, node: string, usedGiB: number): void {
  updateNodeHealth(cluster, node, (health) => {
    for (const fs of health.filesystems) if (fs.source === '/dev/sda5') fs.usedBytes = usedGiB * GIB;
  });
}

describe('supportconfig input: records of the nodes\' supportconfig', () => {
  it('fails per record, citing the df row inside the archive, identified by node and mount (not by the archive\'s random name)', async () => {
    const fingerprints: string[] = [];
    const archives = new Set<string>();
    for (const seed of [65, 66]) {
      const cluster = generateHealthyCluster({ harvesterVersion: 'v1.6.1', nodes: 2, seed, kit: 'v0.0.65' });
      fillPersistent(cluster, 'harvester-node-1', 171);
      const run = await runRule(FULL_PERSISTENT, cluster.builder);
      expect(run.outcome).toBe('fail');
      expect(run.findings).toHaveLength(1);
      expect(run.finding!.message).toBe('/usr/local on harvester-node-1 is 94% used (171G of 183G)');
      const [evidence] = run.finding!.evidence;
      expect(evidence!.path).toMatch(/^nodes\/harvester-node-1\.zip!\/harvester-node-1\/scc\/scc_supportconfig_harvester-node-1-[A-Za-z0-9]{6}\.txz!\/scc_supportconfig_harvester-node-1-[A-Za-z0-9]{6}\/fs-diskio\.txt$/);
      expect(evidence!.pointer).toBeUndefined();
      // The line as the archive holds it, read back from the bytes the builder wrote.
      expect(citedLine(cluster.builder, evidence!)).toMatch(/^\/dev\/sda5\s+ext4\s+183G\s+171G\s+12G\s+94% \/usr\/local$/);
      expect(evidence!.excerpt).toBe(citedLine(cluster.builder, evidence!).trim());
      archives.add(evidence!.path.split('!/')[1]!);
      fingerprints.push(run.finding!.fingerprint);
    }
    expect(archives.size).toBe(2);
    expect(fingerprints[0]).toBe(fingerprints[1]);
  });

  it('reads every kit generation that has a supportconfig: logs/ before v0.0.39, scc/ after, selected modules from v0.0.36', async () => {
    for (const [kit, version, folder] of [['v0.0.28', 'v1.2.1', 'logs'], ['v0.0.36', 'v1.2.2', 'logs'], ['v0.0.46', 'v1.4.1', 'scc'], ['v0.0.84', 'v1.8-dev', 'scc']] as const) {
      const cluster = generateHealthyCluster({ harvesterVersion: version, nodes: 1, seed: 3, kit });
      fillPersistent(cluster, 'harvester-node-0', 170);
      const run = await runRule(FULL_PERSISTENT, cluster.builder);
      expect(run.outcome, kit).toBe('fail');
      expect(run.finding!.evidence[0]!.path, kit).toMatch(new RegExp(`^nodes/harvester-node-0\\.zip!/harvester-node-0/${folder}/scc_supportconfig_harvester-node-0[^/]*\\.txz!/`));
      expect(citedLine(cluster.builder, run.finding!.evidence[0]!), kit).toContain('/usr/local');
    }
  });

  it('passes when every node answered with no record at all: no failed unit is an answer, not a missing input', async () => {
    const rule = FULL_PERSISTENT.replace('fact: filesystems', 'fact: failedUnits').replace('where: { field: { path: fs/role, equals: cos-persistent, evidence: false } }', '').replace('path: fs/usePercent, gte: 90', 'path: fs/unit, exists: true');
    expect((await runRule(rule, healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 2, seed: 10 }))).outcome).toBe('pass');
  });

  it('passes when every node was checked and none matched (near miss: 88 %)', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 2, seed: 4 });
    fillPersistent(cluster, 'harvester-node-0', 161);
    const run = await runRule(FULL_PERSISTENT, cluster.builder);
    expect(run.outcome).toBe('pass');
  });

  it('skips, never passes, while a node could not be checked: no supportconfig in its node bundle', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 5 });
    cluster.builder.removeSupportconfig('harvester-node-2');
    const run = await runRule(FULL_PERSISTENT, cluster.builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('missing-input');
    expect(run.skipReason).toBe('the node bundle of harvester-node-2 holds no supportconfig (nothing found on the 2 other nodes)');
    // A finding on another node is still reported.
    fillPersistent(cluster, 'harvester-node-0', 175);
    expect((await runRule(FULL_PERSISTENT, cluster.builder)).outcome).toBe('fail');
  });

  it('says a supportconfig that does not open is unreadable, and a node without a node bundle is unchecked', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 6 });
    cluster.builder.removeSupportconfig('harvester-node-1');
    cluster.builder.addNodeFile('harvester-node-1', 'scc/scc_supportconfig_harvester-node-1.txz', new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]));
    cluster.builder.removeNodeBundle('harvester-node-2');
    const run = await runRule(FULL_PERSISTENT, cluster.builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('missing-input');
    expect(run.skipReason).toMatch(
      /^2 of 3 nodes could not be checked: the supportconfig of harvester-node-1 \(nodes\/harvester-node-1\.zip!\/harvester-node-1\/scc\/scc_supportconfig_harvester-node-1\.txz\) could not be read: .+; node harvester-node-2 has no node bundle \(nothing found on the 1 other node\)$/,
    );
  });

  it('skips the rule when no node has a supportconfig: not-recorded for kits before v0.0.26, missing-input otherwise, with what to check instead', async () => {
    const old = await runRule(FULL_PERSISTENT, healthyCluster({ harvesterVersion: 'v1.0.3', nodes: 1, seed: 7, kit: 'old' }));
    expect([old.outcome, old.skipKind]).toEqual(['skipped', 'not-recorded']);
    expect(old.skipReason).toBe(
      'bundles of Harvester v1.0.3 hold no node supportconfig (support-bundle-kit collects scc_supportconfig_*.txz since v0.0.26, Harvester v1.2.0); check it on each node with df -h /usr/local',
    );
    // A development build (the real v1.0 sample's 1a861fc-dirty): no version to go by, but no settings.yaml either.
    const development = healthyCluster({ harvesterVersion: 'v1.0.3', nodes: 1, seed: 7, kit: 'old' });
    development.addNodeFile('harvester-node-0', 'configs/etc/harvester-release.yaml', 'harvester: 1a861fc-dirty\nharvesterChart: 0.0.0-dev\nos: Harvester ada3f1a-dirty\nkubernetes: v1.21.7+rke2r1\n');
    const dev = await runRule(FULL_PERSISTENT, development);
    expect([dev.outcome, dev.skipKind]).toEqual(['skipped', 'not-recorded']);
    expect(dev.skipReason).toMatch(/^this bundle's support-bundle-kit predates v0\.0\.26, .* and the bundle has no settings\.yaml; check it on each node/);
    const trimmed = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7 });
    trimmed.builder.removeSupportconfig('harvester-node-0');
    const missing = await runRule(FULL_PERSISTENT, trimmed.builder);
    expect([missing.outcome, missing.skipKind, missing.skipReason]).toEqual([
      'skipped',
      'missing-input',
      'no node bundle holds a supportconfig (scc_supportconfig_*.txz); check it on each node with df -h /usr/local',
    ]);
    const noNodes = await runRule(FULL_PERSISTENT, new Uint8Array(healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7 }).toZip({ nodes: 'none' })));
    expect([noNodes.skipKind, noNodes.skipReason]).toEqual(['missing-input', 'no nodes/ folder: node logs and configs were not collected in this bundle; check it on each node with df -h /usr/local']);
  });

  it('gives the whole node as one record: memory with its used share and load with the CPU count, each cited at its own line', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 8 });
    updateNodeHealth(cluster, 'harvester-node-1', (health) => {
      health.memory.availableKiB = 1_900_000;
      health.load = [31.5, 29.2, 28.7];
    });
    const run = await runRule(NODE_RECORD, cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toBe('harvester-node-1: memory 97% used, load 28.7 on 16 CPUs');
    expect(run.finding!.evidence.map((item) => citedLine(cluster.builder, item).trim().split(/\s+/)[0])).toEqual(['Mem:', expect.stringMatching(/^\d\d:\d\d:\d\d$/)]);
    expect(citedLine(cluster.builder, run.finding!.evidence[1]!)).toContain('load average: 31.50, 29.20, 28.70');
  });
});

describe('kernel events of messages.txt', () => {
  it('gives one record per event, its time as RFC 3339 for within and age, cited at its line of messages.txt', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 2, seed: 12 });
    updateNodeHealth(cluster, 'harvester-node-1', (health) => {
      health.journal.push(
        ['2025-03-12T07:14:07+0000', 'kernel', 'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=5f1c,mems_allowed=0,oom_memcg=/kubepods/pod1,task_memcg=/kubepods/pod1/5f1c,task=qemu-kvm,pid=48213,uid=107'],
        ['2025-03-12T07:14:07+0000', 'kernel', 'Memory cgroup out of memory: Killed process 48213 (qemu-kvm) total-vm:17825792kB, anon-rss:16777216kB, file-rss:0kB, shmem-rss:0kB, UID:107 pgtables:33216kB oom_score_adj:-997'],
      );
    });
    const rule = `
id: oom-events
title: OOM kills
severity: high
component: node
inputs:
  events: { supportconfig: { fact: kernelEvents } }
match: { forEach: events, as: event, where: { field: { path: event/kind, equals: oom-kill, evidence: false } } }
outcomes:
  - when: { field: { path: event/time, within: 24h } }
    status: fail
    message: '{{ event/subject }} (pid {{ event/pid }}, cgroup {{ event/cgroup }}) killed on {{ event/node }} {{ event/time | age }} before the bundle'
`;
    const run = await runRule(rule, cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe('qemu-kvm (pid 48213, cgroup /kubepods/pod1/5f1c) killed on harvester-node-1 2h before the bundle');
    expect(run.finding!.evidence[0]!.path).toMatch(/\/messages\.txt$/);
    expect(citedLine(cluster.builder, run.finding!.evidence[0]!)).toContain('Memory cgroup out of memory: Killed process 48213 (qemu-kvm)');
  });
});

describe('records in relations', () => {
  it('relates findings about the same record (node and mount) like findings about the same object, and no others', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 9 });
    fillPersistent(cluster, 'harvester-node-1', 171);
    fillPersistent(cluster, 'harvester-node-2', 120);
    const busy = FULL_PERSISTENT.replace('id: persistent-full', 'id: persistent-busy').replace('gte: 90', 'gte: 60');
    const cause = `${FULL_PERSISTENT}\nexplains: [{ rule: persistent-busy }]\n`;
    const rules = [cause, busy].map((text) => parseRule(text, 'inline').rule as Rule);
    const bundle = await openBundle(cluster.builder.toZip());
    try {
      const report = await analyze(bundle, { rules });
      const full = report.findings.find((finding) => finding.ruleId === 'persistent-full')!;
      const symptoms = report.findings.filter((finding) => finding.ruleId === 'persistent-busy').sort((a, b) => (a.message < b.message ? -1 : 1));
      expect(symptoms.map((finding) => [finding.message.split(' ')[2], finding.causedBy?.map((link) => link.ruleId) ?? []])).toEqual([
        ['harvester-node-1', ['persistent-full']],
        ['harvester-node-2', []],
      ]);
      expect(full.explains).toEqual([{ ruleId: 'persistent-busy', fingerprint: symptoms[0]!.fingerprint }]);
    } finally {
      await bundle.close();
    }
  });
});
