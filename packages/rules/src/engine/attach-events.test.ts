import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { defineCodeRule, type Rule } from '../rule/rule.js';
import { citedLine } from '../testing/cited-line.js';
import { BundleBuilder } from '../testing/index.js';
import { analyze } from './analyze.js';

const CREATED = '2025-03-06T22:45:28Z';

function pod(name: string, uid: string) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'harvester-system', uid }, spec: { nodeName: 'node1' }, status: { phase: 'Running' } };
}

function event(name: string, fields: { reason: string; type?: string; pod: string; uid?: string; count: number; first: string; last: string; message: string }) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    count: fields.count,
    firstTimestamp: fields.first,
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: fields.pod, namespace: 'harvester-system', ...(fields.uid ? { uid: fields.uid } : {}) },
    lastTimestamp: fields.last,
    message: fields.message,
    metadata: { name, namespace: 'harvester-system', uid: `uid-${name}` },
    reason: fields.reason,
    source: { component: 'kubelet', host: 'node1' },
    type: fields.type ?? 'Warning',
  };
}

/** Two pods; the first has BackOff events (twice, under two messages) and an Unhealthy series event; the third's namespace has only the events.k8s.io list. */
function cluster(): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: CREATED, kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('harvester-system');
  bundle.addObject(pod('manager-abc', 'pod-uid-1'));
  bundle.addObject(pod('webhook-def', 'pod-uid-2'));
  bundle.addObject(event('manager-abc.1', { reason: 'BackOff', pod: 'manager-abc', uid: 'pod-uid-1', count: 40, first: '2025-03-06T20:00:00Z', last: '2025-03-06T21:00:00Z', message: 'Back-off restarting failed container (old)' }));
  bundle.addObject(event('manager-abc.2', { reason: 'BackOff', pod: 'manager-abc', uid: 'pod-uid-1', count: 2, first: '2025-03-06T21:30:00Z', last: '2025-03-06T22:44:00Z', message: 'Back-off restarting failed container manager' }));
  bundle.addObject(event('manager-abc.3', { reason: 'Pulled', type: 'Normal', pod: 'manager-abc', count: 3, first: '2025-03-06T20:00:00Z', last: '2025-03-06T22:40:00Z', message: 'image present' }));
  // The same BackOff event as written to events.k8s.io/v1 (same uid): counted once.
  bundle.addObject({
    apiVersion: 'events.k8s.io/v1', kind: 'Event', deprecatedCount: 2, deprecatedFirstTimestamp: '2025-03-06T21:30:00Z', deprecatedLastTimestamp: '2025-03-06T22:44:00Z',
    metadata: { name: 'manager-abc.2', namespace: 'harvester-system', uid: 'uid-manager-abc.2' }, note: 'Back-off restarting failed container manager', reason: 'BackOff',
    regarding: { apiVersion: 'v1', kind: 'Pod', name: 'manager-abc', namespace: 'harvester-system', uid: 'pod-uid-1' }, type: 'Warning',
  });
  // A series event (eventTime, series.count), written as the kit writes every event: in both lists.
  const series = { eventTime: '2025-03-06T22:00:00.000000Z', series: { count: 7, lastObservedTime: '2025-03-06T22:30:00.000000Z' }, reason: 'Unhealthy', type: 'Warning' };
  const seriesMetadata = { name: 'manager-abc.4', namespace: 'harvester-system', uid: 'uid-manager-abc.4' };
  const seriesAbout = { apiVersion: 'v1', kind: 'Pod', name: 'manager-abc', namespace: 'harvester-system', uid: 'pod-uid-1' };
  bundle.addObject({ apiVersion: 'v1', kind: 'Event', ...series, involvedObject: seriesAbout, message: 'Readiness probe failed: connection refused', metadata: seriesMetadata, reportingComponent: 'kubelet' });
  bundle.addObject({ apiVersion: 'events.k8s.io/v1', kind: 'Event', ...series, metadata: seriesMetadata, note: 'Readiness probe failed: connection refused', regarding: seriesAbout, reportingController: 'kubelet' });
  // About an earlier pod of the same name (another uid): not this pod's.
  bundle.addObject(event('manager-abc.5', { reason: 'FailedMount', pod: 'manager-abc', uid: 'pod-uid-0', count: 9, first: '2025-03-06T19:00:00Z', last: '2025-03-06T22:10:00Z', message: 'old pod' }));
  // longhorn-system: its events only in events.k8s.io/v1 (no core list for the namespace).
  bundle.collectNamespace('longhorn-system');
  bundle.addObject({ ...pod('instance-manager-r1', 'pod-uid-3'), metadata: { name: 'instance-manager-r1', namespace: 'longhorn-system', uid: 'pod-uid-3' } });
  bundle.addObject({
    apiVersion: 'events.k8s.io/v1', kind: 'Event', deprecatedCount: 6, deprecatedFirstTimestamp: '2025-03-06T22:10:00Z', deprecatedLastTimestamp: '2025-03-06T22:40:00Z',
    metadata: { name: 'instance-manager-r1.1', namespace: 'longhorn-system', uid: 'uid-im-1' }, note: 'Liveness probe failed', reason: 'Unhealthy',
    regarding: { apiVersion: 'v1', kind: 'Pod', name: 'instance-manager-r1', namespace: 'longhorn-system', uid: 'pod-uid-3' }, reportingController: 'kubelet', type: 'Warning',
  });
  bundle.addObject(event('webhook-def.1', { reason: 'Unhealthy', pod: 'webhook-def', uid: 'pod-uid-2', count: 30, first: '2025-03-06T22:00:00Z', last: '2025-03-06T22:43:00Z', message: 'Liveness probe failed' }));
  return bundle;
}

/** A rule failing on the manager pod only. */
const MANAGER_DOWN = defineCodeRule({
  id: 'manager-down',
  title: 'The manager pod is down',
  severity: 'high',
  component: 'workload',
  whyCode: 'test rule',
  inputs: { pods: { resource: { group: '', resource: 'pods', namespace: 'harvester-system' } } },
  async evaluate(context) {
    const manager = context.inputs.pods.find((candidate) => candidate.metadata.name === 'manager-abc')!;
    return [{ status: 'fail' as const, message: 'manager is down', subject: manager, evidence: [await context.evidence(manager, '/status/phase')] }];
  },
});

/** A fallback rule with a finding about each pod. */
const EVERY_POD = defineCodeRule({
  id: 'pod-warnings',
  title: 'A pod has Warning events',
  severity: 'low',
  component: 'events',
  fallback: true,
  whyCode: 'test rule',
  inputs: { pods: { resource: { group: '', resource: 'pods', namespace: 'harvester-system' } } },
  async evaluate(context) {
    return Promise.all(context.inputs.pods.map(async (subject) => ({ status: 'warn' as const, message: `${subject.metadata.name} has warnings`, subject, evidence: [await context.evidence(subject)] })));
  },
});

async function report(rules: Rule[] = [MANAGER_DOWN]) {
  const builder = cluster();
  const bundle = await openBundle(builder.toZip());
  try {
    return { builder, report: await analyze(bundle, { rules }) };
  } finally {
    await bundle.close();
  }
}

describe('Warning events go under the finding of their object', () => {
  it('groups them by reason and object (an event of both lists counted once), newest first, citing the latest event\'s reason line', async () => {
    const { builder, report: result } = await report();
    const finding = result.findings.find((candidate) => candidate.ruleId === 'manager-down')!;
    expect(finding.events?.map((group) => [group.reason, group.count, group.firstTimestamp, group.lastTimestamp, group.message, group.source])).toEqual([
      ['BackOff', 42, '2025-03-06T20:00:00Z', '2025-03-06T22:44:00Z', 'Back-off restarting failed container manager', 'kubelet'],
      ['Unhealthy', 7, '2025-03-06T22:00:00.000000Z', '2025-03-06T22:30:00.000000Z', 'Readiness probe failed: connection refused', 'kubelet'],
    ]);
    expect(finding.events![0]!.object).toEqual({ apiVersion: 'v1', kind: 'Pod', namespace: 'harvester-system', name: 'manager-abc' });
    for (const group of finding.events!) {
      expect(group.path).toMatch(/^yamls\/namespaced\/harvester-system\/(v1|events\.k8s\.io\/v1)\/events\.yaml$/);
      expect(citedLine(builder, { path: group.path, line: group.line, excerpt: "" }).trim()).toBe(`reason: ${group.reason}`);
    }
  });

  it('reads the events.k8s.io list of a namespace whose core list the bundle does not have', async () => {
    const IM_DOWN = defineCodeRule({
      id: 'instance-manager-down',
      title: 'An instance manager is down',
      severity: 'high',
      component: 'longhorn',
      whyCode: 'test rule',
      inputs: { pods: { resource: { group: '', resource: 'pods', namespace: 'longhorn-system' } } },
      async evaluate(context) {
        const subject = context.inputs.pods[0]!;
        return [{ status: 'fail' as const, message: 'down', subject, evidence: [await context.evidence(subject)] }];
      },
    });
    const finding = (await report([IM_DOWN])).report.findings[0]!;
    expect(finding.events?.map((group) => [group.reason, group.count, group.path])).toEqual([['Unhealthy', 6, 'yamls/namespaced/longhorn-system/events.k8s.io/v1/events.yaml']]);
  });

  it('finds the events of an object whose name the YAML quotes, and not those of one its name only prefixes', async () => {
    const builder = cluster();
    // yaml.v2 writes a pod named "yes" as name: "yes" (a YAML 1.1 boolean otherwise); its event is not
    // the list's last item (which is always decoded).
    builder.addObject(pod('yes', 'pod-uid-4'));
    builder.addObject(event('backoff-of-yes.1', { reason: 'BackOff', pod: 'yes', uid: 'pod-uid-4', count: 5, first: '2025-03-06T22:00:00Z', last: '2025-03-06T22:30:00Z', message: 'Back-off restarting failed container' }));
    // An event about another pod whose message and name start with the manager's name.
    builder.addObject(pod('manager-abc-2', 'pod-uid-5'));
    builder.addObject(event('manager-abc-2.1', { reason: 'Failed', pod: 'manager-abc-2', uid: 'pod-uid-5', count: 1, first: '2025-03-06T22:00:00Z', last: '2025-03-06T22:00:00Z', message: 'name: manager-abc pulled' }));
    const PODS_DOWN = defineCodeRule({
      id: 'pods-down',
      title: 'Pods are down',
      severity: 'high',
      component: 'workload',
      whyCode: 'test rule',
      inputs: { pods: { resource: { group: '', resource: 'pods', namespace: 'harvester-system' } } },
      async evaluate(context) {
        const chosen = context.inputs.pods.filter((candidate) => ['yes', 'manager-abc'].includes(candidate.metadata.name));
        return Promise.all(chosen.map(async (subject) => ({ status: 'fail' as const, message: `${subject.metadata.name} is down`, subject, evidence: [await context.evidence(subject)] })));
      },
    });
    const bundle = await openBundle(builder.toZip());
    try {
      // Without the timeline and the overview, which take the event lists whole: only the items the hint finds are decoded.
      const result = await analyze(bundle, { rules: [PODS_DOWN], timeline: false, overview: false, patterns: false });
      const eventsOf = (name: string) => result.findings.find((finding) => finding.message === `${name} is down`)!.events?.map((group) => [group.object.name, group.reason, group.count]);
      expect(eventsOf('yes')).toEqual([['yes', 'BackOff', 5]]);
      expect(eventsOf('manager-abc')).toEqual([
        ['manager-abc', 'BackOff', 42],
        ['manager-abc', 'Unhealthy', 7],
      ]);
    } finally {
      await bundle.close();
    }
  });

  it('leaves out Normal events and events about an earlier object of the same name (another uid)', async () => {
    const finding = (await report()).report.findings.find((candidate) => candidate.ruleId === 'manager-down')!;
    expect(finding.events?.map((group) => group.reason)).not.toContain('Pulled');
    expect(finding.events?.map((group) => group.reason)).not.toContain('FailedMount');
  });
});

describe('a fallback rule reports only what no other finding covers', () => {
  it('drops its finding about an object another rule\'s finding is about, and keeps the others, each with its events', async () => {
    const { report: result } = await report([MANAGER_DOWN, EVERY_POD]);
    expect(result.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['manager-down', 'manager is down'],
      ['pod-warnings', 'webhook-def has warnings'],
    ]);
    expect(result.findings[1]!.events?.map((group) => [group.reason, group.count])).toEqual([['Unhealthy', 30]]);
    expect(result.summary).toMatchObject({ fail: 1, warn: 1, pass: 0 });
  });

  it('passes when every one of its findings was covered', async () => {
    const ONLY_MANAGER = defineCodeRule({
      id: 'manager-warnings',
      title: 'The manager pod has Warning events',
      severity: 'low',
      component: 'events',
      fallback: true,
      whyCode: 'test rule',
      inputs: { pods: { resource: { group: '', resource: 'pods', namespace: 'harvester-system' } } },
      async evaluate(context) {
        const manager = context.inputs.pods.find((candidate) => candidate.metadata.name === 'manager-abc')!;
        return [{ status: 'warn' as const, message: 'manager has warnings', subject: manager, evidence: [await context.evidence(manager)] }];
      },
    });
    const { report: result } = await report([MANAGER_DOWN, ONLY_MANAGER]);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['manager-down']);
    expect(result.summary).toMatchObject({ fail: 1, warn: 0, pass: 1 });
  });
});
