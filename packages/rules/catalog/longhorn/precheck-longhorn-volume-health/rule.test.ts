import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { describeReadinessCheck, readinessCluster, volumeName } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { detachedSingleReplicaVolume, precheckLonghornVolumeHealth } from './fault.js';

const ID = 'precheck-longhorn-volume-health';

describeReadinessCheck({
  id: ID, nodes: 3,
  fault: precheckLonghornVolumeHealth, nearMiss: (b) => precheckLonghornVolumeHealth(b, { robustness: 'healthy' }),
  message: (_b, named) => `Longhorn-Volume-Health-Status Test: Failed — Volume ${volumeName(named)} is degraded.`,
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'robustness: degraded',
});

describe(`${ID} where the script does not run the check`, () => {
  it('is skipped as not applicable, not passed, on a single-node cluster, even with a degraded volume', async () => {
    const builder = readinessCluster(1);
    precheckLonghornVolumeHealth(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('not-applicable');
    expect(run.skipReason).toBe('the pre-check script skips Longhorn-Volume-Health-Status on a single-node cluster, and this one has one node (harvester-node-0)');
  });
});

describe(`${ID}: a detached single-replica volume, by the bundle's Harvester version`, () => {
  it('fails it from v1.4.0, citing its replica count', async () => {
    const builder = readinessCluster(3, 'v1.4.0');
    const volume = detachedSingleReplicaVolume(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(`Longhorn-Volume-Health-Status Test: Failed — Volume ${volume.metadata.name} is a detached single-replica volume; upgrading may have data integrity concerns.`);
    expect(citedLine(builder, run.finding!.evidence[0]!).trim()).toBe('numberOfReplicas: 1');
  });

  it('passes it on v1.3.x, whose script has no data-integrity branch', async () => {
    const builder = readinessCluster(3, 'v1.3.2');
    detachedSingleReplicaVolume(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });

  it('warns, naming the unknown version, on a development build instead of taking either branch', async () => {
    const builder = readinessCluster(3, 'v1.4.0', 7, '1a861fc-dirty');
    const volume = detachedSingleReplicaVolume(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toBe(
      `Longhorn-Volume-Health-Status: Volume ${volume.metadata.name} is a detached single-replica volume, which the pre-check of Harvester v1.4.0 and later fails; this bundle is a development build (1a861fc-dirty), so whether the check fails cannot be told.`,
    );
  });
});
