import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBundle, type IncidentBundle } from '../../../../testdata/generator/log-profiles/index.js';
import { healthyCluster } from '../../../../testdata/generator/index.js';
import { openBundle, type Bundle } from '../bundle.js';
import { minePatterns } from '../patterns/mine-patterns.js';
import type { PatternReport } from '../patterns/pattern-types.js';
import { buildTimeline } from './build-timeline.js';
import { timelineWindow } from './timeline-window.js';
import type { Timeline, TimelineEntry } from './timeline-types.js';

describe('buildTimeline on a bundle of a failed upgrade', () => {
  let incident: IncidentBundle;
  let bundle: Bundle;
  let patterns: PatternReport;
  let timeline: Timeline;
  const createdAt = () => Date.parse(incident.createdAt);

  beforeAll(async () => {
    incident = incidentBundle();
    bundle = await openBundle(incident.builder.toZip());
    patterns = await minePatterns(bundle);
    timeline = await buildTimeline(bundle, { patterns });
  });
  afterAll(async () => bundle?.close());

  const find = (predicate: (entry: TimelineEntry) => boolean) => timeline.entries.filter(predicate);

  it('orders every entry by time and gives each its source path and line', async () => {
    const times = timeline.entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const entry of timeline.entries) expect(entry.source.line, entry.text).toBeGreaterThan(0);
    // The line is the field that dates the entry.
    const backOff = find((entry) => entry.kind === 'event' && entry.text.includes('BackOff'))[0]!;
    expect(await bundle.lineText(backOff.source.path, backOff.source.line!)).toMatch(/^\s*firstTimestamp: /);
  });

  it('puts a repeated event at its first and last occurrence, about the involved object, with its count', () => {
    const [first, last] = [find((entry) => entry.kind === 'event' && entry.text.includes('BackOff'))[0]!, find((entry) => entry.kind === 'event-last' && entry.text.includes('BackOff'))[0]!];
    expect(first).toMatchObject({ level: 'warning', count: 42, precision: 's', object: { kind: 'Pod', namespace: 'default', name: incident.oomPod }, related: { namespace: 'default', node: incident.failedNode } });
    expect(first.until).toBe(last.time);
    expect(last.at - first.at).toBe(50 * 60_000);
  });

  it('shows the upgrade: creation, wrangler conditions (marked as last updates), jobs, and each node\'s state as the bundle found it', () => {
    const upgrade = find((entry) => entry.object?.kind === 'Upgrade');
    expect(upgrade.map((entry) => entry.kind)).toEqual(['created', 'condition', 'condition', 'condition', 'condition', 'upgrade-state', 'upgrade-state', 'upgrade-state', 'upgrade-state']);
    expect(upgrade.find((entry) => entry.text.includes('NodesUpgraded=False'))).toMatchObject({ level: 'warning' });
    expect(upgrade[1]!.text).toContain('[last updated]');
    const failedNode = upgrade.find((entry) => entry.text.includes(`node ${incident.failedNode}: Failed`))!;
    expect(failedNode).toMatchObject({ level: 'error', inferred: 'collected', time: incident.createdAt, related: { node: incident.failedNode } });
    // The upgrade's jobs, named after it (harvester-system also holds an Addon's helm-install job).
    const jobs = find((entry) => (entry.kind === 'job-started' || entry.kind === 'job-finished') && entry.object?.namespace === 'harvester-system' && entry.object.name.startsWith(`${incident.upgrade}-`));
    expect(jobs.map((entry) => [entry.kind, entry.level, entry.object?.name])).toEqual([
      ['job-started', 'info', `${incident.upgrade}-apply-manifests`],
      ['job-finished', 'info', `${incident.upgrade}-apply-manifests`],
      ['job-started', 'info', `${incident.upgrade}-post-drain-${incident.failedNode}`],
      ['job-finished', 'error', `${incident.upgrade}-post-drain-${incident.failedNode}`],
    ]);
  });

  it('shows the OOM-killed container before the node\'s reboot, and boots with their year inferred', () => {
    const oom = find((entry) => entry.kind === 'container-terminated' && entry.object?.name === incident.oomPod)[0]!;
    expect(oom).toMatchObject({ level: 'error', related: { namespace: 'default', node: incident.failedNode, owner: { kind: 'VirtualMachineInstance', name: 'web-01' } } });
    expect(oom.text).toContain('OOMKilled, exit code 137');
    const boots = find((entry) => entry.kind === 'node-boot');
    expect(boots).toHaveLength(incident.nodes.length + 1);
    const reboot = boots.find((entry) => entry.related.node === incident.failedNode && entry.source.path.endsWith('kernel.log'))!;
    expect(reboot).toMatchObject({ inferred: 'year', precision: 'us' });
    expect(reboot.at).toBe(createdAt() - 40 * 60_000);
    expect(reboot.at).toBeGreaterThan(oom.at);
  });

  it('puts log templates on the timeline: first and last lines, about the pod that wrote them', () => {
    const loop = patterns.templates[0]!;
    const entries = find((entry) => entry.templateId === loop.id);
    expect(entries.map((entry) => entry.kind)).toEqual(['log-first', 'log-last']);
    expect(entries[0]).toMatchObject({ level: 'error', object: { kind: 'Pod', namespace: 'harvester-system' }, source: { path: loop.first.path, line: loop.first.line }, precision: 'ns' });
    expect(entries[0]!.text).toContain('loop every 30');
  });

  it('keeps each time at the precision its source wrote: seconds, microseconds, nanoseconds, never padded', () => {
    for (const entry of timeline.entries) {
      const digits = /\.(\d+)Z$/.exec(entry.time)?.[1]?.length ?? 0;
      expect({ s: 0, ms: 3, us: 6, ns: 9 }[entry.precision] >= digits || (entry.precision === 'ms' && digits <= 3), entry.time).toBe(true);
    }
    expect(new Set(timeline.entries.map((entry) => entry.precision))).toEqual(new Set(['s', 'us', 'ns']));
  });

  it('filters by time window, namespace and object (an object also brings what it owns)', async () => {
    const since = createdAt() - 60 * 60_000;
    const window = await buildTimeline(bundle, { patterns, since, until: createdAt() });
    expect(window.entries.length).toBeGreaterThan(0);
    expect(window.entries.every((entry) => entry.at >= since && entry.at <= createdAt())).toBe(true);
    const defaults = await buildTimeline(bundle, { namespace: 'default' });
    expect(defaults.entries.every((entry) => entry.object?.namespace === 'default' || entry.related.namespace === 'default')).toBe(true);
    const vmi = await buildTimeline(bundle, { objects: [{ kind: 'virtualmachineinstance', namespace: 'default', name: 'web-01' }] });
    expect(vmi.entries.map((entry) => entry.object?.name)).toContain(incident.oomPod);
  });

  it('keeps the latest entries of a source past the cap and says how many there were', async () => {
    const capped = await buildTimeline(bundle, { maxEntriesPerSource: 2 });
    const pods = capped.truncated.find((item) => item.source === 'yamls/namespaced/default/v1/pods.yaml');
    expect(pods).toMatchObject({ kept: 2 });
    expect(pods!.total).toBeGreaterThan(2);
    const kept = capped.entries.filter((entry) => entry.source.path === 'yamls/namespaced/default/v1/pods.yaml');
    const all = timeline.entries.filter((entry) => entry.source.path === 'yamls/namespaced/default/v1/pods.yaml');
    expect(kept.map((entry) => entry.at)).toEqual(all.slice(-2).map((entry) => entry.at));
  });

  it('opens the node bundles of a bundle opened on demand for the node boots, and reads them as a bundle opened whole', async () => {
    const onDemand = await openBundle(incident.builder.toZip(), { nestedArchives: 'when-needed' });
    try {
      const withoutBoots = await buildTimeline(onDemand, { boots: false });
      expect(onDemand.index.unopened.nodeBundles).toBe(true);
      expect(withoutBoots.entries.some((entry) => entry.kind === 'node-boot')).toBe(false);
      const boots = (await buildTimeline(onDemand)).entries.filter((entry) => entry.kind === 'node-boot');
      expect(onDemand.index.unopened).toEqual({ nodeBundles: false, supportconfig: true });
      expect(boots).toEqual(timeline.entries.filter((entry) => entry.kind === 'node-boot'));
    } finally {
      await onDemand.close();
    }
  });

  it("takes several pattern reports, each with its own templates, and locates only the entries `keep` chooses", async () => {
    const pod = timeline.entries.find((entry) => entry.kind.startsWith('log-') && entry.object?.kind === 'Pod')!.object!;
    const podLogs = await minePatterns(bundle, { logs: { namespace: pod.namespace!, pod: pod.name } });
    const nodeLogs = await minePatterns(bundle, { logs: { node: incident.failedNode } });
    const both = await buildTimeline(bundle, { patterns: [podLogs, nodeLogs], boots: false });
    const templatesOf = (report: PatternReport) => new Set(report.templates.slice(0, 100).map((template) => template.id));
    const onTimeline = new Set(both.entries.flatMap((entry) => (entry.templateId ? [entry.templateId] : [])));
    const mined = new Set([...templatesOf(podLogs), ...templatesOf(nodeLogs)]);
    expect([...onTimeline].filter((id) => !mined.has(id))).toEqual([]);
    expect([...templatesOf(podLogs)].some((id) => onTimeline.has(id))).toBe(true);
    expect([...templatesOf(nodeLogs)].some((id) => onTimeline.has(id))).toBe(true);

    const latest = await buildTimeline(bundle, { keep: (entries) => new Set(entries.slice(-3)) });
    expect(latest.entries).toEqual(timeline.entries.filter((entry) => !entry.templateId).slice(-3));
    expect(latest.stats).toMatchObject({ entries: 3, locatedFast: expect.any(Number), locatedSlow: expect.any(Number) });
    expect(latest.stats.locatedFast! + latest.stats.locatedSlow!).toBeLessThanOrEqual(3);
  });
});

describe('buildTimeline says what it could not use', () => {
  it('lists a bundle without events, without node bundles, and without a creation time', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 3 });
    for (const apiVersion of ['v1', 'events.k8s.io/v1']) {
      for (const event of builder.listObjects(apiVersion, 'Event')) builder.removeObject(apiVersion, 'Event', event.metadata.namespace, event.metadata.name);
    }
    for (const node of ['harvester-node-0']) builder.removeNodeBundle(node);
    builder.setMetadata({ bundleCreatedAt: '' });
    const folder = mkdtempSync(join(tmpdir(), 'timeline-'));
    try {
      builder.writeDirectory(folder);
      const bundle = await openBundle(folder);
      try {
        const timeline = await buildTimeline(bundle);
        expect(timeline.skipped.map((item) => item.source)).toEqual(expect.arrayContaining(['metadata.yaml', 'events', 'nodes/']));
        expect(timeline.entries.length).toBeGreaterThan(0);
        expect(timeline.entries.every((entry) => entry.inferred === undefined)).toBe(true);
      } finally {
        await bundle.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('timelineWindow: what a finding should show', () => {
  it('takes the entries about a pod, what owns it and its node, before the pod\'s last sign, closest marked', async () => {
    const incident = incidentBundle();
    const bundle = await openBundle(incident.builder.toZip());
    try {
      const timeline = await buildTimeline(bundle);
      const pod = { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: incident.oomPod };
      const window = timelineWindow(timeline.entries, [pod], { nodes: [incident.failedNode], beforeMs: 3 * 3600_000 });
      const closeness = new Set(window.map((item) => item.closeness));
      expect(closeness).toEqual(new Set(['object', 'node']));
      const last = Math.max(...window.filter((item) => item.closeness === 'object').map((item) => item.entry.at));
      expect(window.every((item) => item.entry.at <= last && item.entry.at >= last - 3 * 3600_000)).toBe(true);
      // The node's reboot and the failed upgrade job's node state are in the pod's window.
      expect(window.some((item) => item.entry.kind === 'node-boot')).toBe(true);
      const owned = timelineWindow(timeline.entries, [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', namespace: 'default', name: 'web-01' }], { closeness: 'owner' });
      expect(owned.map((item) => item.entry.object?.name)).toContain(incident.oomPod);
    } finally {
      await bundle.close();
    }
  });
});
