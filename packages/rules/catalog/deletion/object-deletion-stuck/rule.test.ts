import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { analyze } from '../../../src/engine/analyze.js';
import { parseRule } from '../../../src/rule/load-rules.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { objectDeletionStuck } from './fault.js';

const ID = 'object-deletion-stuck';
const rule = () => catalogRule(ID);
const VOLUMES = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml';

describe(ID, () => {
  it('fails for a Longhorn volume deleted 2h ago, naming its finalizer, its controller, and that controller down', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 51 });
    const volume = objectDeletionStuck(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    const finding = run.findings.find((candidate) => candidate.status === 'fail')!;
    expect(finding.severity).toBe('high');
    expect(finding.message).toBe(
      `Volume longhorn-system/${volume.metadata.name} has been deleting for 2h5m: finalizer longhorn.io (removed by longhorn-manager; it is removed once the object is cleaned up (a volume must be detached first)) not removed. DaemonSet longhorn-system/longhorn-manager, which runs that controller, has 1 of 3 pods unavailable.`,
    );
    expectCited(bundle, finding, VOLUMES, /^\/metadata\/deletionTimestamp$/, 'deletionTimestamp:');
    expectCited(bundle, finding, VOLUMES, /^\/metadata\/finalizers\/0$/, '- longhorn.io');
    expectCited(bundle, finding, 'yamls/namespaced/longhorn-system/apps/v1/daemonsets.yaml', /^\/status\/numberUnavailable$/, 'numberUnavailable: 1');
    expect(finding.remediation?.commands).toEqual([`kubectl get volumes.longhorn.io ${volume.metadata.name} -n longhorn-system -o yaml`]);
  });

  it('fails for a pod terminating 40 minutes past its grace period, citing its node (no finalizer involved)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 51 });
    const pod = objectDeletionStuck(bundle, 'pod');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('medium');
    const node = String((pod.spec as { nodeName: string }).nodeName);
    expect(run.finding!.message).toBe(`Pod default/${pod.metadata.name} has been terminating for 40m past its grace period on node ${node}: the kubelet there never confirmed its containers stopped (is the node NotReady or unreachable?).`);
    expectCited(bundle, run.finding, 'yamls/namespaced/default/v1/pods.yaml', /^\/spec\/nodeName$/, `nodeName: ${node}`);
  });

  it('passes for deletions in flight: a volume deleted 20 s before the bundle, and the healthy cluster\'s snapshot cleanup (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 51 });
    objectDeletionStuck(bundle, 'recent');
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('pass');
  });

  it('skips, not passes, on a bundle without a creation time', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 51 });
    objectDeletionStuck(bundle);
    bundle.setMetadata({ bundleCreatedAt: '' });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('missing-input');
  });

  // The pod and workload rules of the health checks (another catalog area) declare that a
  // controller down explains what it leaves undone. These stand-ins declare it the same way: the
  // stuck finding cites the controller's DaemonSet, so a DaemonSet finding is related as the same
  // object, a pod finding through its owner.
  for (const [standIn, via] of [
    [`id: standin-daemonset-unavailable
title: t
severity: high
component: workload
explains: [{ rule: object-deletion-stuck }]
inputs:
  daemonsets: { resource: { group: apps, resource: daemonsets } }
match: { forEach: daemonsets, as: daemonset }
outcomes:
  - when: { field: { path: daemonset/status/numberUnavailable, gt: 0 } }
    status: fail
    message: DaemonSet {{ daemonset/metadata/name }} has pods unavailable
remediation: { summary: s }
`, 'same-object'],
    [`id: standin-pod-crashloop
title: t
severity: high
component: pod
explains: [{ rule: object-deletion-stuck, via: owner }]
inputs:
  pods: { resource: { group: '', resource: pods, namespace: longhorn-system } }
match: { forEach: pods, as: pod }
outcomes:
  - when: { field: { path: pod/status/containerStatuses/*/state/waiting/reason, equals: CrashLoopBackOff } }
    status: fail
    message: Pod {{ pod/metadata/name }} is in CrashLoopBackOff
remediation: { summary: s }
`, 'owner'],
  ] as const) {
    it(`is explained by its controller being down (a stand-in rule related by ${via}), which becomes the headline`, async () => {
      const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 51 });
      objectDeletionStuck(builder);
      const { rule: cause } = parseRule(standIn, 'standin.yaml');
      const bundle = await openBundle(builder.toZip());
      try {
        const report = await analyze(bundle, { rules: [cause!, await rule()] });
        const stuck = report.findings.find((finding) => finding.ruleId === ID)!;
        expect(stuck.causedBy?.map((link) => link.ruleId)).toEqual([cause!.id]);
        expect(report.summary.headline).toBe(cause!.id);
      } finally {
        await bundle.close();
      }
    });
  }
});

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
const hasSample = SAMPLE !== '' && existsSync(join(SAMPLE, 'metadata.yaml'));
describe.skipIf(!hasSample)(`${ID} on the real v1.0 sample (${hasSample ? SAMPLE : 'absent: set BUNDLE_TRIAGE_SAMPLE_V10'})`, () => {
  // The sample's monitoring claims were deleted on 2022-03-08 and still exist on 2022-03-22: the
  // Prometheus and Grafana pods that mount them are Running, so pvc-protection stays, and their
  // volumes keep pv-protection and the CSI attacher's finalizer.
  it('reports the two monitoring claims and their two volumes stuck for 15 days, and nothing else', async () => {
    const bundle = await openBundle(SAMPLE);
    try {
      const report = await analyze(bundle, { rules: [await rule()] });
      expect(report.errors).toEqual([]);
      expect(report.findings.map((finding) => `${finding.status} ${finding.evidence[0]?.object?.kind} ${finding.evidence[0]?.object?.name}`).sort()).toEqual([
        'fail PersistentVolume pvc-232180f3-6740-4682-ba5c-f4b57a75512b',
        'fail PersistentVolume pvc-ce3fa571-6642-4018-b7fd-9eb2c1e56191',
        'fail PersistentVolumeClaim prometheus-rancher-monitoring-prometheus-db-prometheus-rancher-monitoring-prometheus-0',
        'fail PersistentVolumeClaim rancher-monitoring-grafana',
      ]);
      expect(report.findings.every((finding) => finding.message.includes('has been deleting for 14d23h'))).toBe(true);
    } finally {
      await bundle.close();
    }
  }, 120_000);
});
