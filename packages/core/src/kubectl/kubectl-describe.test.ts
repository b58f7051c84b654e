import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, type Bundle } from '../bundle.js';
import { kubectlDescribe, type DescribedSubject } from './describe-object.js';
import { NotInBundleError } from './kubectl-errors.js';
import { WORKLOADS, workloadsVariant, workloadsNames } from './test-bundles.js';

const NAMES = workloadsNames();
const CRASHLOOP = NAMES.crashLoopPod;

let bundle: Bundle;
beforeAll(async () => {
  bundle = await openBundle(WORKLOADS.zip);
});
afterAll(() => bundle.close());

describe('kubectlDescribe', () => {
  it('gives the conditions, the events about the object (oldest first) and where it is in the bundle', async () => {
    const [description] = await kubectlDescribe(bundle, { target: `pod/${CRASHLOOP}`, namespace: 'harvester-system' });
    expect(description!.conditions.find((condition) => condition.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', lastTransitionAge: '95m' });
    expect(description!.events.map((event) => [event.type, event.reason, event.age, event.from])).toEqual([
      ['Normal', 'Pulled', '4m (x15 over 95m)', 'kubelet'],
      ['Warning', 'BackOff', '60s (x397 over 92m)', 'kubelet'],
    ]);
    // The message as kubectl prints it: without the event's field path (spec.containers{…}).
    expect(description!.events[1]!.message).toMatch(/^Back-off restarting/);
    expect(description!.origin?.path).toBe('yamls/namespaced/harvester-system/v1/pods.yaml');
  });

  it("follows the owner chain Pod → ReplicaSet → Deployment, each with its bundle path", async () => {
    const [description] = await kubectlDescribe(bundle, { target: 'pods', name: CRASHLOOP, namespace: 'harvester-system' });
    expect(description!.owners.map((owner) => [owner.kind, owner.name, owner.origin?.path])).toEqual([
      ['ReplicaSet', NAMES.crashLoopReplicaSet, 'yamls/namespaced/harvester-system/apps/v1/replicasets.yaml'],
      ['Deployment', 'harvester-network-controller-manager', 'yamls/namespaced/harvester-system/apps/v1/deployments.yaml'],
    ]);
  });

  it('follows a HelmChart-owned Job, and a static pod to its (cluster-scoped) Node', async () => {
    const [job] = await kubectlDescribe(bundle, { target: 'job/helm-install-rke2-canal', namespace: 'kube-system' });
    expect(job!.owners.map((owner) => `${owner.kind}/${owner.name}`)).toEqual(['HelmChart/rke2-canal']);
    const [etcd] = await kubectlDescribe(bundle, { target: 'pod/etcd-harvester-node-0', namespace: 'kube-system' });
    expect(etcd!.owners[0]).toMatchObject({ kind: 'Node', name: 'harvester-node-0', namespace: undefined });
  });

  it('says why an owner is missing instead of stopping in silence', async () => {
    const variant = await workloadsVariant(({ builder }) => {
      builder.removeObject('apps/v1', 'ReplicaSet', 'harvester-system', NAMES.crashLoopReplicaSet);
    });
    try {
      const [description] = await kubectlDescribe(variant, { target: `pod/${CRASHLOOP}`, namespace: 'harvester-system' });
      expect(description!.owners).toHaveLength(1);
      expect(description!.owners[0]!.missing).toMatch(/not in the bundle/);
    } finally {
      await variant.close();
    }
  });

  it("finds a node's events the kubelet reported with the node's name as uid, as kubectl describe node does", async () => {
    const variant = await workloadsVariant(({ builder, before }) => {
      builder.addObject({
        apiVersion: 'v1',
        kind: 'Event',
        count: 1,
        firstTimestamp: before(30),
        lastTimestamp: before(30),
        involvedObject: { kind: 'Node', name: 'harvester-node-1', uid: 'harvester-node-1' },
        message: 'Node harvester-node-1 status is now: NodeHasDiskPressure',
        metadata: { name: 'harvester-node-1.181a2b3c4d5e6f70', namespace: 'default' },
        reason: 'NodeHasDiskPressure',
        source: { component: 'kubelet', host: 'harvester-node-1' },
        type: 'Normal',
      });
    });
    try {
      const [description] = await kubectlDescribe(variant, { target: 'node/harvester-node-1' });
      expect(description!.events.map((event) => event.reason)).toContain('NodeHasDiskPressure');
      const [other] = await kubectlDescribe(variant, { target: 'node/harvester-node-0' });
      expect(other!.events.map((event) => event.reason)).not.toContain('NodeHasDiskPressure');
    } finally {
      await variant.close();
    }
  });

  it('describes every object whose name starts with a prefix, as kubectl does', async () => {
    const descriptions = await kubectlDescribe(bundle, { target: 'pods', name: 'kube-vip-', namespace: 'harvester-system' });
    expect(descriptions).toHaveLength(3);
  });

  it('is a NotInBundleError naming the namespace when nothing matches', async () => {
    const error = await kubectlDescribe(bundle, { target: 'vm/nope' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotInBundleError);
    expect((error as Error).message).toBe('virtualmachines.kubevirt.io "nope" not found in namespace "default"');
  });

  it('adds the sections other parts of the analyzer give it (the seam for findings and timeline)', async () => {
    const [description] = await kubectlDescribe(bundle, {
      target: 'bundles.fleet.cattle.io/mcc-harvester',
      namespace: 'fleet-local',
      extraSections: [({ ref, origin }) => [{ title: 'Findings', entries: [{ text: `nothing about ${ref.kind}/${ref.name}`, evidence: { path: origin!.path, line: origin!.line } }] }]],
    });
    expect(description!.sections).toEqual([{ title: 'Findings', entries: [{ text: 'nothing about Bundle/mcc-harvester', evidence: { path: 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml', line: expect.any(Number) } }] }]);
  });

  it('gives each section provider every object of the describe, the same array for each, so it can read what they share once', async () => {
    const calls: { name: string; described: readonly DescribedSubject[] }[] = [];
    const descriptions = await kubectlDescribe(bundle, {
      target: 'pods',
      name: 'kube-vip-',
      namespace: 'harvester-system',
      extraSections: [({ ref }, described) => (calls.push({ name: ref.name, described }), [])],
    });
    expect(calls.map((call) => call.name)).toEqual(descriptions.map((description) => description.ref.name));
    expect(new Set(calls.map((call) => call.described)).size).toBe(1);
    expect(calls[0]!.described.map((subject) => subject.ref.name)).toEqual(descriptions.map((description) => description.ref.name));
  });
});
