import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule, runRules, type BundleBuilder } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { namespaceTerminatingStuck } from './fault.js';

const ID = 'namespace-terminating-stuck';
const rule = () => catalogRule(ID);
const NAMESPACES = 'yamls/cluster/v1/namespaces.yaml';

const analyzeWith = async (builder: BundleBuilder, ids: string[]) => runRules(await Promise.all(ids.map((id) => catalogRule(id))), builder);

describe(ID, () => {
  it('fails for a namespace Terminating for 5h, quoting the NamespaceDeletion* conditions that name what remains', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 61 });
    namespaceTerminatingStuck(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toBe(
      'Namespace demo-apps has been Terminating for 5h: NamespaceContentRemaining: Some resources are remaining: persistentvolumeclaims. has 1 resource instances, pods. has 1 resource instances; NamespaceFinalizersRemaining: Some content in the namespace has finalizers remaining: kubernetes.io/pvc-protection in 1 resource instances.',
    );
    expectCited(bundle, run.finding, NAMESPACES, /^\/status\/conditions\/4\/message$/, 'finalizers remaining: kubernetes.io/pvc-protection');
  });

  it('warns when the namespace controller reported nothing', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 61 });
    namespaceTerminatingStuck(bundle, { conditions: false });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain('Namespace demo-apps has been Terminating for 5h and the namespace controller reports nothing');
  });

  it('passes for a namespace whose deletion started 30 s before the bundle (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 61 });
    namespaceTerminatingStuck(bundle, { recent: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('is explained by what is left in it (the protected claim, the pod still mounting it); one of them is the headline', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 61 });
    namespaceTerminatingStuck(bundle);
    const report = await analyzeWith(bundle, [ID, 'object-deletion-stuck']);
    const namespace = report.findings.find((finding) => finding.ruleId === ID && finding.status === 'fail');
    const stuck = report.findings.filter((finding) => finding.ruleId === 'object-deletion-stuck' && finding.status === 'fail');
    const claim = stuck.find((finding) => finding.message.startsWith('PersistentVolumeClaim demo-apps/postgres-data'));
    const pod = stuck.find((finding) => finding.message.includes('demo-apps/postgres-0'));
    expect(claim?.message).toContain('PersistentVolumeClaim demo-apps/postgres-data has been deleting for 5h: finalizer kubernetes.io/pvc-protection (removed by kube-controller-manager\'s PVC protection; it is removed once no pod uses the claim: a pod still mounts it');
    expect(pod?.message).toContain('past its grace period');
    expect(namespace?.causedBy?.map((link) => link.fingerprint).sort()).toEqual([claim!.fingerprint, pod!.fingerprint].sort());
    expect(report.summary.headline).toBe('object-deletion-stuck');
  });
});
