import type { KubeObject } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import { defineCodeRule, type CodeFinding, type InputSpecs, type RuleContext } from '../../../src/rule/rule.js';
import { fieldOf, recordsOf, textOf } from '../../../src/rule/object-fields.js';
import { isSystemNamespace } from '../../../src/catalog/support/system-namespaces.js';
import { humanAge } from '../../../src/match/render-template.js';
import { finalizerOwner, type ControllerWorkload } from './finalizer-owners.js';

/** A deletion this long before the bundle was taken is stuck, not in progress. */
const STUCK_AFTER_MS = 10 * 60_000;

const INPUTS = {
  // Left out, as the largest lists of a bundle that cannot add a finding of their own: events are
  // never deleted through finalizers (they expire); a CRD being deleted waits for its instances,
  // whose stuck deletions are reported themselves (the CRD list is 4-13 MB).
  deleting: { resource: { group: '*', containing: 'deletionTimestamp', except: ['events', 'customresourcedefinitions'] } },
  // Only workloads that are short of pods: the API writes these fields only then, so the lists of a
  // healthy cluster are searched, not decoded.
  deployments: { resource: { group: 'apps', resource: 'deployments', containing: 'unavailableReplicas' } },
  daemonsets: { resource: { group: 'apps', resource: 'daemonsets', containing: 'numberUnavailable' } },
} satisfies InputSpecs;
type Context = RuleContext<typeof INPUTS>;

/**
 * Any object, of any kind, whose deletion was requested well before the bundle was taken and
 * that is still there because a finalizer was not removed; and pods still terminating long past
 * their grace period (the kubelet never confirmed).
 */
export default defineCodeRule({
  id: 'object-deletion-stuck',
  title: 'An object is stuck in deletion: a finalizer was never removed',
  description:
    'Reads every resource list of the bundle for objects with metadata.deletionTimestamp (each list is searched as bytes and ' +
    'decoded only when it holds one), except events (never deleted through finalizers) and the CRD list (a CRD being deleted ' +
    'waits for its instances, which are reported themselves). An object whose deletion was requested more than 10 minutes before the bundle was taken ' +
    'and that still has finalizers is stuck: the controller that owns each finalizer has not finished its cleanup. The rule names ' +
    'every finalizer left and the controller that removes it (a table of the finalizers a Harvester cluster carries: ' +
    'Kubernetes\', the CSI sidecars\', Longhorn\'s, KubeVirt\'s, CDI\'s, Fleet\'s, Cluster API\'s, Rancher\'s, Harvester\'s and other ' +
    'wrangler controllers\'), says why it may still be there, and cites that controller\'s Deployment or DaemonSet ' +
    'when the bundle shows it unavailable — the likely cause. A pod still terminating 10 minutes past its grace period is ' +
    'reported too (its node\'s kubelet never confirmed). Severity follows impact: objects in system namespaces and cluster-scoped ' +
    'objects high, a user\'s medium. More specific rules (a terminating namespace, a HelmChart whose helm-delete Job fails) ' +
    'refine this one; a stuck object explains the namespace it keeps from terminating.',
  severity: 'high',
  component: 'deletion',
  tags: ['health', 'deletion', 'finalizer'],
  versions: 'all',
  detectability: 'detectable',
  explains: [{ rule: 'namespace-terminating-stuck', via: { references: '/metadata/namespace' } }],
  references: [
    { title: 'Kubernetes docs: Finalizers', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/finalizers/' },
    { title: 'Kubernetes docs: Garbage collection (foreground and orphan deletion)', url: 'https://kubernetes.io/docs/concepts/architecture/garbage-collection/' },
    { title: 'Kubernetes blog: Using finalizers to control deletion', url: 'https://kubernetes.io/blog/2021/05/14/using-finalizers-to-control-deletion/' },
    { title: 'rancher/wrangler: pkg/generic/remove.go (wrangler.cattle.io/<handler> finalizers)', url: 'https://github.com/rancher/wrangler/blob/main/pkg/generic/remove.go' },
  ],
  whyCode: {
    needs: ['object-join'],
    because: 'names each finalizer\'s controller from a table of the finalizers Harvester clusters carry and matches it with that controller\'s workload in the bundle to cite it when it is down; a declarative rule can neither look a value up in a table nor join an object to a workload named by it',
  },
  inputs: INPUTS,
  async evaluate(context) {
    const createdAt = context.facts.createdAt ? Date.parse(context.facts.createdAt) : Number.NaN;
    if (Number.isNaN(createdAt)) context.skip('missing-input', "the bundle's creation time is unknown, so how long a deletion has been pending cannot be told");
    const findings: CodeFinding[] = [];
    for (const object of context.inputs.deleting) {
      const requested = textOf(object, 'metadata.deletionTimestamp');
      const at = requested ? Date.parse(requested) : Number.NaN;
      if (Number.isNaN(at) || createdAt - at < STUCK_AFTER_MS) continue;
      const listed = fieldOf(object, 'metadata.finalizers');
      const finalizers = Array.isArray(listed) ? listed.filter((finalizer): finalizer is string => typeof finalizer === 'string' && finalizer !== '') : [];
      const isPod = object.kind === 'Pod' && object.apiVersion === 'v1';
      if (finalizers.length === 0 && !isPod) continue;
      findings.push(await stuckFinding(context, object, finalizers, humanAge(createdAt - at)));
    }
    return findings;
  },
});

async function stuckFinding(context: Context, object: Readonly<KubeObject>, finalizers: string[], age: string): Promise<CodeFinding> {
  const namespace = object.metadata.namespace;
  const where = `${object.kind} ${namespace ? `${namespace}/` : ''}${object.metadata.name}`;
  const evidence: Evidence[] = [await context.evidence(object, '/metadata/deletionTimestamp')];
  const parts: string[] = [];
  const down: string[] = [];
  for (const [index, finalizer] of finalizers.entries()) {
    evidence.push(await context.evidence(object, `/metadata/finalizers/${index}`));
    const owner = finalizerOwner(finalizer);
    parts.push(owner ? `${finalizer} (removed by ${owner.controller}${owner.hint ? `; ${owner.hint}` : ''})` : `${finalizer} (its controller is not one this catalog knows)`);
    for (const workload of owner?.workloads ?? []) {
      const state = await workloadState(context, workload);
      if (!state) continue;
      evidence.push(state.evidence);
      down.push(state.text);
    }
  }
  let message: string;
  if (finalizers.length === 0) {
    const node = textOf(object, 'spec.nodeName');
    if (node) evidence.push(await context.evidence(object, '/spec/nodeName'));
    message = `${where} has been terminating for ${age} past its grace period${node ? ` on node ${node}` : ''}: the kubelet there never confirmed its containers stopped (is the node NotReady or unreachable?).`;
  } else {
    message = `${where} has been deleting for ${age}: finalizer${finalizers.length > 1 ? 's' : ''} ${parts.join(', ')} not removed.`;
  }
  if (down.length > 0) message += ` ${[...new Set(down)].join('; ')}.`;
  const resource = kubectlResource(evidence[0]?.path, object.kind);
  const target = `${resource} ${object.metadata.name}${namespace ? ` -n ${namespace}` : ''}`;
  return {
    status: 'fail',
    severity: !namespace || isSystemNamespace(namespace) ? 'high' : 'medium',
    subject: object,
    message,
    evidence,
    remediation: {
      summary:
        finalizers.length === 0
          ? `Bring node ${textOf(object, 'spec.nodeName') ?? 'of the pod'} back, or — only once it is really down and will not come back with the pod running — force-delete the pod.`
          : `Get the controller named for each finalizer working (it removes the finalizer itself once its cleanup is done); remove a finalizer by hand only when its controller is gone for good and its cleanup was done another way.`,
      steps:
        finalizers.length === 0
          ? [`kubectl get node ${textOf(object, 'spec.nodeName') ?? '<node>'}`, `Last resort: kubectl delete pod ${object.metadata.name} -n ${namespace} --grace-period=0 --force`]
          : [
              `kubectl get ${target} -o yaml — read the finalizers and the status.`,
              'Check the controller named above (its pods and logs); what it waits for is in the hint (a pod still mounting a claim, a volume still attached, a Job that must succeed).',
              `Last resort, when the cleanup is known done: kubectl patch ${target} --type=json -p '[{"op":"remove","path":"/metadata/finalizers"}]'`,
            ],
      commands: [`kubectl get ${target} -o yaml`],
    },
  };
}

/** A controller's workload that is short of pods, with the status field that says so. */
async function workloadState(context: Context, workload: ControllerWorkload): Promise<{ text: string; evidence: Evidence } | undefined> {
  const list = workload.kind === 'Deployment' ? context.inputs.deployments : context.inputs.daemonsets;
  const object = list.find((candidate) => candidate.metadata.namespace === workload.namespace && candidate.metadata.name === workload.name);
  if (!object) return undefined;
  const label = `${workload.kind} ${workload.namespace}/${workload.name}`;
  const number = (path: string) => Number(fieldOf(object, path) ?? 0);
  if (workload.kind === 'DaemonSet') {
    const unavailable = number('status.numberUnavailable');
    if (unavailable <= 0) return undefined;
    return { text: `${label}, which runs that controller, has ${unavailable} of ${number('status.desiredNumberScheduled')} pods unavailable`, evidence: await context.evidence(object, '/status/numberUnavailable') };
  }
  const wanted = Number(fieldOf(object, 'spec.replicas') ?? 1);
  const available = number('status.availableReplicas');
  if (available >= wanted) return undefined;
  return { text: `${label}, which runs that controller, has ${available}/${wanted} replicas available`, evidence: await context.evidence(object, availablePointer(object)) };
}

function availablePointer(deployment: Readonly<KubeObject>): string {
  const index = recordsOf(deployment, 'status.conditions').findIndex((condition) => condition.type === 'Available');
  return index >= 0 ? `/status/conditions/${index}/status` : '/status';
}

/** `persistentvolumeclaims`, `volumes.longhorn.io`: the name kubectl takes, from the list's bundle path. */
function kubectlResource(path: string | undefined, kind: string): string {
  const match = /^yamls\/(?:cluster|namespaced\/[^/]+)\/(?:(?<group>[^/]+)\/)?[^/]+\/(?<resource>[^/]+)\.yaml$/.exec(path ?? '');
  if (!match?.groups) return kind.toLowerCase();
  return match.groups.group ? `${match.groups.resource}.${match.groups.group}` : match.groups.resource!;
}
