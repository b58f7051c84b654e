import { describe, expect, it } from 'vitest';
import { applyManifestsMonitoringPodsNotDeleted } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('apply-manifests-monitoring-pods-not-deleted');

describe('apply-manifests-monitoring-pods-not-deleted (S22)', () => {
  it('fails on the repeated wait and names the Terminating prometheus pod', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 22 });
    applyManifestsMonitoringPodsNotDeleted(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'apply-manifests is stuck: "there are still 1 pods in cattle-monitoring-system to be deleted" (30 times); terminating pods: prometheus-rancher-monitoring-prometheus-0.',
    );
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expectCites(bundle, run, log.path, 'there are still 1 pods in cattle-monitoring-system to be deleted');
    expectCites(bundle, run, 'yamls/namespaced/cattle-monitoring-system/v1/pods.yaml', 'deletionTimestamp');
  });

  it('does not fire when the pods were deleted after one wait (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 22 });
    applyManifestsMonitoringPodsNotDeleted(bundle, { podsGone: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });

  it('is skipped outside v1.1.2 – v1.2.1', async () => {
    const run = await runRule(await rule(), healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 22 }));
    expect(run.skipReason).toBe('applies to Harvester >=1.1.2 <1.2.2; this bundle is v1.4.1');
  });
});
