import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornVolumeDegraded } from '../longhorn-volume-degraded/fault.js';
import { longhornReplicaFailed } from './fault.js';

const ID = 'longhorn-replica-failed';
const REPLICAS = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/replicas.yaml';

describe(ID, () => {
  it('warns for a replica Longhorn marked failed, citing spec.failedAt', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1251 });
    const { replica, volume, node } = longhornReplicaFailed(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.finding!.message).toBe(
      `Longhorn replica ${replica} of volume ${volume} on node ${node} failed 12m before the bundle (state stopped); the volume has one copy less until Longhorn rebuilds it.`,
    );
    expectCited(builder, run.finding, REPLICAS, /^\/spec\/failedAt$/, 'failedAt: "2025-03-12T09:02:07Z"');
  });

  it('warns for a replica whose process is in state error before Longhorn marks it failed', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1252 });
    const { replica } = longhornReplicaFailed(builder, { state: 'error' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toContain(`Longhorn replica ${replica} of volume`);
    expectCited(builder, run.finding, REPLICAS, /^\/status\/currentState$/, 'currentState: error');
  });

  it('passes for a replica that failed earlier and was rebuilt (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1251 });
    longhornReplicaFailed(builder, { state: 'rebuilt' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is covered by longhorn-volume-degraded when the volume it belongs to is reported degraded', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 11 });
    const { volume } = longhornVolumeDegraded(builder);
    const report = await runCatalog(builder);
    const replica = report.findings.find((finding) => finding.ruleId === ID)!;
    expect([replica.status, replica.coveredBy]).toEqual(['info', 'longhorn-volume-degraded']);
    expect(replica.message).toContain(`of volume ${volume}`);
    expect(report.summary.headline).toBe('longhorn-volume-degraded');
  });
});
