import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { podNotReadyFault } from '../../workload/pod-not-ready/fault.js';
import { benignWarningEvents, eventsWarningRepeated } from './fault.js';

const ID = 'events-warning-repeated';

describe(ID, () => {
  it('warns per object about Warning events still coming, low for a user pod, medium for a system one and a node, citing each event', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { launcher, webhook, node } = eventsWarningRepeated(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    const byObject = new Map(run.findings.map((finding) => [finding.message.split(' keep coming')[0], finding]));
    expect([...byObject.keys()].sort()).toEqual([`Warning events about Node ${node}`, `Warning events about Pod default/${launcher.metadata.name}`, `Warning events about Pod harvester-system/${webhook.metadata.name}`].sort());
    const mount = byObject.get(`Warning events about Pod default/${launcher.metadata.name}`)!;
    expect(mount.severity).toBe('low');
    expect(mount.message).toMatch(/keep coming: FailedMount ×14 \(last 2m before the bundle was taken\): MapVolume\.WaitForAttach failed for volume "pvc-[0-9a-f-]+" : volume attachment is being deleted$/);
    expect(mount.evidence.map((item) => citedLine(builder, item).trim())).toEqual(['reason: FailedMount']);
    expect(byObject.get(`Warning events about Pod harvester-system/${webhook.metadata.name}`)).toMatchObject({ severity: 'medium' });
    expect(byObject.get(`Warning events about Node ${node}`)!.message).toBe(`Warning events about Node ${node} keep coming: SystemOOM ×1 (last 20m before the bundle was taken): System OOM encountered, victim process: qemu-system-x86, pid: 48213`);
  });

  it('reads the events.k8s.io list too: an event only that list holds still warns, counted once, citing that list', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { launcher } = eventsWarningRepeated(builder);
    const mount = builder.listObjects('v1', 'Event', 'default').find((event) => event.reason === 'FailedMount')!;
    builder.removeObject('v1', 'Event', 'default', mount.metadata.name);
    const run = await runRule(await catalogRule(ID), builder);
    const finding = run.findings.find((candidate) => candidate.message.startsWith(`Warning events about Pod default/${launcher.metadata.name} `))!;
    expect(finding.message).toContain('keep coming: FailedMount ×14 (last 2m before the bundle was taken)');
    expect(finding.evidence.map((item) => item.path)).toEqual(['yamls/namespaced/default/events.k8s.io/v1/events.yaml']);
    expect(finding.evidence.map((item) => citedLine(builder, item).trim())).toEqual(['reason: FailedMount']);
  });

  it('passes on what healthy clusters log: one-offs, groups that stopped, probe blips, replaced pods, DNSConfigForming (near misses)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    benignWarningEvents(builder);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('leaves the events of an object another finding covers to that finding (fallback), and keeps the others', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { launcher, webhook } = eventsWarningRepeated(builder);
    podNotReadyFault(builder);
    const report = await catalogReport(builder);
    const notReady = report.findings.find((finding) => finding.ruleId === 'pod-not-ready')!;
    expect(notReady.message).toContain(webhook.metadata.name);
    expect(notReady.events?.map((group) => [group.reason, group.count])).toEqual([['Unhealthy', 23]]);
    const events = report.findings.filter((finding) => finding.ruleId === ID);
    expect(events.map((finding) => finding.message.split(' keep coming')[0]).sort()).toEqual([`Warning events about Node harvester-node-0`, `Warning events about Pod default/${launcher.metadata.name}`].sort());
    expect(events.find((finding) => finding.message.includes(launcher.metadata.name))!.events?.map((group) => group.reason)).toEqual(['FailedMount', 'FailedAttachVolume']);
  });
});
