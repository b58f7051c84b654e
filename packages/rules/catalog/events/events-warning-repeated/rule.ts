import type { KubeObject } from '@bundle-triage/core';
import { humanDuration } from '@bundle-triage/core';
import { eventsAreAbout, involvedKey, type InvolvedObject, type WarningEventGroup } from '../../../src/events/warning-event-groups.js';
import { warningEventGroups } from '../../../src/events/warning-event-groups.js';
import { isSystemNamespace } from '../../../src/catalog/support/system-namespaces.js';
import { textOf } from '../../../src/rule/object-fields.js';
import { defineCodeRule, type CodeFinding } from '../../../src/rule/rule.js';

/** Last seen this long before the bundle was taken, or later: still happening. */
const ONGOING_MS = 60 * 60_000;
/** Occurrences that make a group repeated rather than a blip. */
const REPEATED = 5;
/** Probe failures are recorded one by one (a probe runs every 10 s by default): a start or a pause gives a few. */
const REPEATED_PROBE_FAILURES = 10;
/** Repeated and harmless on healthy clusters. */
const BENIGN = new Set(['DNSConfigForming', 'InvalidDiskCapacity', 'ProbeWarning', 'FailedGetResourceMetric', 'FailedComputeMetricsReplicas']);
/** Serious even once. */
const SERIOUS = new Set(['SystemOOM', 'OOMKilling', 'Evicted', 'EvictionThresholdMet', 'FreeDiskSpaceFailed', 'ImageGCFailed', 'ContainerGCFailed']);

/**
 * Warning events that keep coming, about objects no other finding is about (a fallback rule: the
 * events of an object another rule reports go under that finding instead). Grouped by reason and
 * object across both event lists; what fires was worked out from what healthy clusters log.
 */
export default defineCodeRule({
  id: 'events-warning-repeated',
  title: 'Warning events keep repeating about an object no other finding covers',
  description:
    'Groups the Warning events of both event lists (the kit writes every event to v1/events.yaml and again to ' +
    'events.k8s.io/v1/events.yaml; an event of both is counted once, by uid, so one missing from a list is still seen) by reason and ' +
    'involved object, and reports, per object, the groups that are still happening and repeated: last seen within an hour ' +
    'before the bundle was taken (the API server keeps events an hour after their last occurrence, so an older group has ' +
    'stopped) and seen 5 times or more. What healthy clusters log does not fire: a one-off or a group that stopped (a ' +
    'FailedAttachVolume while a volume attaches, a FailedScheduling before a node came back); readiness or liveness probe ' +
    'failures (Unhealthy) below 10, since a probe runs every 10 seconds and a start or a pause fails a few; events about a ' +
    'pod that is gone (replaced by its controller) or has Succeeded (the BackOff of a completed Job pod\'s failed first ' +
    'try); and reasons that repeat harmlessly for ever: DNSConfigForming (the node\'s resolv.conf lists more than three ' +
    'nameservers; the kubelet says so on every pod sync), InvalidDiskCapacity (at kubelet start), ProbeWarning (a probe ' +
    'that passed with a warning) and the autoscaler\'s FailedGetResourceMetric / FailedComputeMetricsReplicas before metrics ' +
    'exist. Some reasons are serious even once within the hour: SystemOOM, OOMKilling, Evicted, EvictionThresholdMet, ' +
    'FreeDiskSpaceFailed, ImageGCFailed, ContainerGCFailed. This is a fallback rule: an object another finding is about ' +
    '(a crash-looping pod, a NotReady node) gets its events under that finding and nothing here. Severity follows impact: ' +
    'medium for an object of a system namespace (harvester-system, longhorn-system, kube-system, cattle-*, fleet-*) or a ' +
    'cluster-scoped one (a Node), low for a user workload.',
  severity: 'medium',
  component: 'events',
  tags: ['health', 'events'],
  fallback: true,
  references: [
    { title: 'Kubernetes: Event v1 (count, firstTimestamp, lastTimestamp, series)', url: 'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/' },
    { title: 'Kubernetes: kube-apiserver --event-ttl (events are kept 1h by default)', url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/' },
    { title: 'kubernetes/kubernetes#42867: a FailedMount event can be misleading (the mount succeeded later)', url: 'https://github.com/kubernetes/kubernetes/issues/42867' },
  ],
  whyCode: {
    needs: ['aggregation', 'object-join'],
    because: 'Events are grouped by reason and involved object (counts summed, first and last time kept) and each group is judged against the object it is about (a pod that is gone or completed), found by name in another input.',
  },
  inputs: {
    // Only Warning events are grouped: only the items that say Warning are decoded.
    events: { resource: { group: '', resource: 'events', containing: 'Warning' } },
    // The same events through the newer API: read too, so an event only that list holds is not lost.
    newEvents: { resource: { group: 'events.k8s.io', resource: 'events', containing: 'Warning' } },
    nodes: { resource: { group: '', resource: 'nodes', namespace: null } },
  },
  // The pods the groups that may fire are about, looked up by name: not every pod of the cluster.
  lookups: { pods: { group: '', resource: 'pods' } },
  async evaluate(context) {
    const groups = warningEventGroups(context.inputs.events, context.inputs.newEvents);
    if (groups.length === 0) return [];
    const createdAt = context.facts.createdAt ? Date.parse(context.facts.createdAt) : Number.NaN;
    if (Number.isNaN(createdAt)) {
      context.skip('missing-input', `the bundle's creation time is unknown, so whether its ${groups.length} group(s) of Warning events are still happening cannot be told`);
    }
    const objectOf = async (involved: InvolvedObject): Promise<KubeObject | undefined> => {
      const candidate =
        involved.kind === 'Node'
          ? context.inputs.nodes.find((node) => node.metadata.name === involved.name)
          : involved.kind === 'Pod' && involved.namespace
            ? await context.lookup('pods', { namespace: involved.namespace, name: involved.name })
            : undefined;
      return candidate && eventsAreAbout(involved, candidate) ? candidate : undefined;
    };

    const byObject = new Map<string, { involved: InvolvedObject; object: KubeObject | undefined; groups: WarningEventGroup[] }>();
    for (const group of groups) {
      // Whether the group is ongoing and repeated first: only then is its object looked up.
      if (!fires(group, createdAt, undefined, { objectUnknown: true })) continue;
      const object = await objectOf(group.involved);
      if (!fires(group, createdAt, object)) continue;
      const key = involvedKey(group.involved);
      const entry = byObject.get(key) ?? { involved: group.involved, object, groups: [] };
      entry.groups.push(group);
      byObject.set(key, entry);
    }

    const findings: CodeFinding[] = [];
    for (const { involved, object, groups: firing } of byObject.values()) {
      const label = `${involved.kind} ${involved.namespace ? `${involved.namespace}/` : ''}${involved.name}`;
      const system = involved.namespace === undefined || isSystemNamespace(involved.namespace);
      const described = firing.map((group) => {
        const last = group.lastTimestamp === undefined ? 'at an unknown time' : `${humanDuration(createdAt - Date.parse(group.lastTimestamp))} before the bundle was taken`;
        return `${group.reason} ×${group.count} (last ${last}): ${group.message}`;
      });
      findings.push({
        status: 'warn',
        severity: system ? 'medium' : 'low',
        message: `Warning events about ${label} keep coming: ${described.join('; ')}`,
        // The object itself when the bundle holds it (Pods, Nodes), else its reference: what the events are about.
        subject: object ?? referenceTo(involved),
        evidence: await Promise.all(firing.map((group) => context.evidence(group.latest, '/reason'))),
        remediation: {
          summary: `Read what the events about ${label} say (${[...new Set(firing.map((group) => group.reason))].join(', ')}) and fix its cause; no other finding of this report covers ${label}.`,
          commands: [involved.namespace ? `kubectl -n ${involved.namespace} describe ${involved.kind.toLowerCase()} ${involved.name}` : `kubectl describe ${involved.kind.toLowerCase()} ${involved.name}`],
        },
      });
    }
    return findings;
  },
});

/**
 * Still happening and repeated (or serious once), not benign, not about a pod that is gone or done
 * (`objectUnknown`: everything but the object, judged before it is looked up).
 */
function fires(group: WarningEventGroup, createdAt: number, object: KubeObject | undefined, options: { objectUnknown?: boolean } = {}): boolean {
  if (BENIGN.has(group.reason)) return false;
  if (group.lastTimestamp === undefined || createdAt - Date.parse(group.lastTimestamp) > ONGOING_MS) return false;
  if (!options.objectUnknown && (group.involved.kind === 'Pod' || group.involved.kind === 'Node')) {
    // The pod was replaced (or the node removed): its events are history.
    if (!object) return false;
    if (group.involved.kind === 'Pod' && textOf(object, 'status.phase') === 'Succeeded') return false;
  }
  if (SERIOUS.has(group.reason)) return true;
  return group.count >= (group.reason === 'Unhealthy' ? REPEATED_PROBE_FAILURES : REPEATED);
}

function referenceTo(involved: InvolvedObject): KubeObject {
  return {
    apiVersion: involved.apiVersion ?? 'v1',
    kind: involved.kind,
    metadata: { name: involved.name, ...(involved.namespace ? { namespace: involved.namespace } : {}), ...(involved.uid ? { uid: involved.uid } : {}) },
  };
}
