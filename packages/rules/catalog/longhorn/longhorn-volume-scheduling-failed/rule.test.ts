import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornVolumeSchedulingFailed } from './fault.js';

const ID = 'longhorn-volume-scheduling-failed';
const VOLUMES = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml';

describe(ID, () => {
  it('warns for a volume whose replica cannot be placed, with the scheduler\'s reason', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1301 });
    const { volume, pvc } = longhornVolumeSchedulingFailed(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.finding!.message).toBe(
      `Longhorn cannot place every replica of volume ${volume} (PVC default/${pvc}, 3 wanted, state attached, robustness degraded): ` +
        'ReplicaSchedulingFailure: insufficient storage;precheck new replica failed (since 55m before the bundle).',
    );
    expectCited(builder, run.finding, VOLUMES, /^\/status\/conditions\/0\/status$/, "status: \"False\"");
    expectCited(builder, run.finding, VOLUMES, /^\/status\/conditions\/0\/message$/, 'message: insufficient storage;precheck new replica failed');
  });

  it('passes once the replacement replica was placed (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1301 });
    longhornVolumeSchedulingFailed(builder, { scheduled: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('explains the degraded volume', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1301 });
    longhornVolumeSchedulingFailed(builder);
    const report = await runCatalog(builder);
    const scheduling = report.findings.find((finding) => finding.ruleId === ID)!;
    const degraded = report.findings.find((finding) => finding.ruleId === 'longhorn-volume-degraded')!;
    expect(degraded.causedBy).toEqual([{ ruleId: ID, fingerprint: scheduling.fingerprint }]);
    expect(report.summary.headline).toBe(ID);
  });
});
