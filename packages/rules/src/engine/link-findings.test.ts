import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import type { Report } from '@bundle-triage/report';
import { parseRule } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { BundleBuilder } from '../testing/index.js';
import { analyze } from './analyze.js';

// Relations between findings (refines / explains) and the root-cause headline, on small bundles in
// the real layout: two nodes, pods on them owned through a ReplicaSet by a Deployment, a PVC of a
// missing StorageClass and the VM that mounts it.
function cluster(): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('default');
  bundle.addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'server-version' }, value: 'v1.4.1', default: '' });
  for (const [name, ready] of [['node1', 'False'], ['node2', 'True']] as const) {
    bundle.addObject({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { conditions: [{ type: 'Ready', status: ready }] } });
  }
  bundle.addObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy' }, status: { unavailableReplicas: 2 } });
  bundle.addObject({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d9f', namespace: 'default', uid: 'uid-rs', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy', controller: true }] },
  });
  for (const [name, node] of [['web-5d9f-a', 'node1'], ['web-5d9f-b', 'node2'], ['lonely', 'node1']] as const) {
    bundle.addObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', ...(name.startsWith('web') ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d9f', uid: 'uid-rs', controller: true }] } : {}) },
      spec: { nodeName: node },
      status: { phase: 'Failed' },
    });
  }
  bundle.addObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'disk-0', namespace: 'default' }, spec: { storageClassName: 'gone' }, status: { phase: 'Pending' } });
  bundle.addObject({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm-0', namespace: 'default' },
    spec: { template: { spec: { volumes: [{ name: 'disk', persistentVolumeClaim: { claimName: 'disk-0' } }] } } },
    status: { printableStatus: 'ErrorUnschedulable' },
  });
  return bundle;
}

function yamlRule(text: string): Rule {
  const { rule, problems } = parseRule(text, '<test rule>');
  if (!rule) throw new Error(problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '));
  return rule;
}

/** A forEach rule that fails for each object of `resource` matching `field: value`, with optional links. */
function objectRule(id: string, resource: string, group: string, path: string, value: string, links = '', status = 'fail'): Rule {
  return yamlRule(`
id: ${id}
title: ${id}
severity: high
component: test
${links}
inputs:
  objects: { resource: { group: '${group}', resource: ${resource} } }
match: { forEach: objects, as: object }
outcomes:
  - when: { field: { path: object/${path}, equals: '${value}' } }
    status: ${status}
    message: ${id} {{ object/metadata/name }}
`);
}

const NODE_NOT_READY = (links = '') => objectRule('node-not-ready', 'nodes', '', 'status/conditions/0/status', 'False', links, 'warn');
const POD_FAILED = (links = '') => objectRule('pod-failed', 'pods', '', 'status/phase', 'Failed', links);
const DEPLOYMENT_UNAVAILABLE = (links = '') => objectRule('deployment-unavailable', 'deployments', 'apps', 'status/unavailableReplicas', '2', links);
const PVC_PENDING = (links = '') => objectRule('pvc-pending', 'persistentvolumeclaims', '', 'status/phase', 'Pending', links);
const VM_UNSCHEDULABLE = (links = '') => objectRule('vm-unschedulable', 'virtualmachines', 'kubevirt.io', 'status/printableStatus', 'ErrorUnschedulable', links);
const STORAGE_CLASS_MISSING = (links = '') => objectRule('storageclass-missing', 'persistentvolumeclaims', '', 'spec/storageClassName', 'gone', links);

async function report(rules: Rule[]): Promise<Report> {
  const bundle = await openBundle(cluster().toZip());
  try {
    return await analyze(bundle, { rules });
  } finally {
    await bundle.close();
  }
}

const links = (report: Report, ruleId: string) =>
  report.findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => ({ message: finding.message, status: finding.status, causedBy: finding.causedBy?.map((link) => link.ruleId), explains: finding.explains?.map((link) => link.ruleId) }))
    .sort((a, b) => (a.message < b.message ? -1 : 1));

describe('explains: causes before symptoms', () => {
  it('via node: a NotReady node explains the failing pods on it (not those on other nodes), and heads the report though it only warns', async () => {
    const result = await report([NODE_NOT_READY('explains: [{ rule: pod-failed, via: node }]'), POD_FAILED()]);
    expect(links(result, 'node-not-ready')).toEqual([{ message: 'node-not-ready node1', status: 'warn', causedBy: undefined, explains: ['pod-failed', 'pod-failed'] }]);
    expect(links(result, 'pod-failed')).toEqual([
      { message: 'pod-failed lonely', status: 'fail', causedBy: ['node-not-ready'], explains: undefined },
      { message: 'pod-failed web-5d9f-a', status: 'fail', causedBy: ['node-not-ready'], explains: undefined },
      { message: 'pod-failed web-5d9f-b', status: 'fail', causedBy: undefined, explains: undefined },
    ]);
    const node = result.findings.find((finding) => finding.ruleId === 'node-not-ready')!;
    expect(node.explains).toHaveLength(2);
    expect(result.summary.headline).toBe('node-not-ready');
    expect(result.summary.headlineFingerprint).toBe(node.fingerprint);
  });

  it('via owner: a Deployment is in the owner chain of its pods (through the ReplicaSet the bundle holds)', async () => {
    const result = await report([POD_FAILED('explains: [{ rule: deployment-unavailable, via: owner }]'), DEPLOYMENT_UNAVAILABLE()]);
    expect(links(result, 'deployment-unavailable')[0]!.causedBy).toEqual(['pod-failed', 'pod-failed']);
    expect(links(result, 'pod-failed').map((finding) => [finding.message, finding.explains])).toEqual([
      ['pod-failed lonely', undefined],
      ['pod-failed web-5d9f-a', ['deployment-unavailable']],
      ['pod-failed web-5d9f-b', ['deployment-unavailable']],
    ]);
  });

  it('via referencedBy, in a chain: a missing StorageClass explains the Pending PVC, which explains the VM that mounts it; the headline is the first cause', async () => {
    const result = await report([
      STORAGE_CLASS_MISSING('explains: [{ rule: pvc-pending }]'),
      PVC_PENDING('explains: [{ rule: vm-unschedulable, via: { referencedBy: /spec/template/spec/volumes/*/persistentVolumeClaim/claimName } }]'),
      VM_UNSCHEDULABLE(),
    ]);
    expect(links(result, 'pvc-pending')).toEqual([{ message: 'pvc-pending disk-0', status: 'fail', causedBy: ['storageclass-missing'], explains: ['vm-unschedulable'] }]);
    expect(links(result, 'vm-unschedulable')[0]!.causedBy).toEqual(['pvc-pending']);
    expect(result.summary.headline).toBe('storageclass-missing');
  });

  it('via references, from the symptom side of the same field', async () => {
    const result = await report([VM_UNSCHEDULABLE('explains: [{ rule: pvc-pending, via: { references: /spec/template/spec/volumes/*/persistentVolumeClaim/claimName } }]'), PVC_PENDING()]);
    expect(links(result, 'pvc-pending')[0]!.causedBy).toEqual(['vm-unschedulable']);
  });

  it('via volume: a faulted Longhorn volume explains the VM whose disk it backs (VM → claim → PVC spec.volumeName → volume) and the VolumeAttachment of that volume, not the VM on another disk', async () => {
    const bundle = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
    bundle.collectNamespace('default', 'longhorn-system');
    bundle.addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'server-version' }, value: 'v1.4.1', default: '' });
    for (const [vm, claim, volume, robustness] of [['db', 'db-disk-0', 'pvc-1111', 'faulted'], ['web', 'web-disk-0', 'pvc-2222', 'healthy']] as const) {
      bundle.addObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: claim, namespace: 'default' }, spec: { volumeName: volume }, status: { phase: 'Bound' } });
      bundle.addObject({
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: vm, namespace: 'default' },
        spec: { template: { spec: { volumes: [{ name: 'disk-0', persistentVolumeClaim: { claimName: claim } }] } } },
        status: { printableStatus: 'Starting' },
      });
      // The Longhorn volume does not name its claim here: the join goes through the PVC.
      bundle.addObject({ apiVersion: 'longhorn.io/v1beta2', kind: 'Volume', metadata: { name: volume, namespace: 'longhorn-system' }, status: { robustness, state: 'detached' } });
      bundle.addObject({ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: `csi-${volume}` }, spec: { source: { persistentVolumeName: volume } }, status: { attached: false, attachError: { message: 'volume is not ready for workloads' } } });
    }
    const rules = [
      objectRule('volume-faulted', 'volumes', 'longhorn.io', 'status/robustness', 'faulted', 'explains: [{ rule: vm-starting, via: volume }, { rule: attach-failed, via: volume }]'),
      objectRule('vm-starting', 'virtualmachines', 'kubevirt.io', 'status/printableStatus', 'Starting'),
      objectRule('attach-failed', 'volumeattachments', 'storage.k8s.io', 'status/attachError/message', 'volume is not ready for workloads'),
    ];
    const opened = await openBundle(bundle.toZip());
    try {
      const result = await analyze(opened, { rules });
      expect(links(result, 'vm-starting')).toEqual([
        { message: 'vm-starting db', status: 'fail', causedBy: ['volume-faulted'], explains: undefined },
        { message: 'vm-starting web', status: 'fail', causedBy: undefined, explains: undefined },
      ]);
      expect(links(result, 'attach-failed').map((finding) => [finding.message, finding.causedBy])).toEqual([
        ['attach-failed csi-pvc-1111', ['volume-faulted']],
        ['attach-failed csi-pvc-2222', undefined],
      ]);
      expect(result.summary.headline).toBe('volume-faulted');
    } finally {
      await opened.close();
    }
  });

  it('via bundle: any finding of the other rule', async () => {
    const result = await report([DEPLOYMENT_UNAVAILABLE('explains: [{ rule: vm-unschedulable, via: bundle }]'), VM_UNSCHEDULABLE()]);
    expect(links(result, 'vm-unschedulable')[0]!.causedBy).toEqual(['deployment-unavailable']);
  });

  it('falls back to the first fail or warn as the headline when explanations form a cycle', async () => {
    const result = await report([PVC_PENDING('explains: [{ rule: storageclass-missing }]'), STORAGE_CLASS_MISSING('explains: [{ rule: pvc-pending }]')]);
    expect(links(result, 'pvc-pending')[0]!.causedBy).toEqual(['storageclass-missing']);
    expect(result.summary.headline).toBe('pvc-pending');
  });
});

describe('refines: specific beats generic', () => {
  it('turns the related generic finding into info with coveredBy, and leaves the others failing', async () => {
    const result = await report([POD_FAILED(), NODE_NOT_READY('refines: [{ rule: pod-failed, via: node }]')]);
    expect(links(result, 'pod-failed').map((finding) => [finding.message, finding.status])).toEqual([
      ['pod-failed lonely (explained by node-not-ready)', 'info'],
      ['pod-failed web-5d9f-a (explained by node-not-ready)', 'info'],
      ['pod-failed web-5d9f-b', 'fail'],
    ]);
    expect(result.findings.filter((finding) => finding.status === 'info').every((finding) => finding.coveredBy === 'node-not-ready')).toBe(true);
    expect(result.summary.headline).toBe('pod-failed');
  });

  it('hands what the covered generic finding explains to the specific one, so the specific one heads the report', async () => {
    // A pod-level generic rule explains the Deployment; a node-level rule refines it for the pods on node1.
    const result = await report([
      POD_FAILED('explains: [{ rule: deployment-unavailable, via: owner }]'),
      DEPLOYMENT_UNAVAILABLE(),
      NODE_NOT_READY('refines: [{ rule: pod-failed, via: node }]'),
    ]);
    expect(links(result, 'node-not-ready')).toEqual([{ message: 'node-not-ready node1', status: 'warn', causedBy: undefined, explains: ['deployment-unavailable'] }]);
    expect(links(result, 'deployment-unavailable')[0]!.causedBy).toEqual(['node-not-ready', 'pod-failed']);
    // pod-failed on node2 is not covered and still explains the Deployment itself.
    expect(links(result, 'pod-failed').map((finding) => [finding.status, finding.explains])).toEqual([
      ['info', undefined],
      ['info', undefined],
      ['fail', ['deployment-unavailable']],
    ]);
  });

  it('lets the most specific rule cover a generic one that two rules refine', async () => {
    const result = await report([
      STORAGE_CLASS_MISSING('refines: [{ rule: pvc-pending }]'),
      PVC_PENDING(),
      objectRule('pvc-pending-generic', 'persistentvolumeclaims', '', 'status/phase', 'Pending', ''),
      yamlRule(`
id: pvc-pending-generic-2
title: t
severity: low
component: test
refines: [{ rule: pvc-pending }]
inputs:
  objects: { resource: { group: '', resource: persistentvolumeclaims } }
match: { forEach: objects, as: object }
outcomes:
  - { when: { field: { path: object/status/phase, equals: Pending } }, status: fail, message: generic 2 }
`),
    ]);
    // pvc-pending-generic-2 refines pvc-pending too, but is itself not covered, like storageclass-missing: the first uncovered wins.
    expect(result.findings.find((finding) => finding.ruleId === 'pvc-pending')?.coveredBy).toMatch(/^(storageclass-missing|pvc-pending-generic-2)$/);
  });
});
