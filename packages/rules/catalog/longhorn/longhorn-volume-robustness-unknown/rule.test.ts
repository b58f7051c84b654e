import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornVolumeRobustnessUnknown } from './fault.js';

const ID = 'longhorn-volume-robustness-unknown';
const VOLUMES = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml';

describe(ID, () => {
  it('fails for an attached volume whose robustness is unknown, citing it and its engine\'s state', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1291 });
    const { volume, pvc, node, engine } = longhornVolumeRobustnessUnknown(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toBe(
      `Longhorn volume ${volume} (PVC default/${pvc}) is attached to ${node} but its robustness is unknown: longhorn-manager cannot reach its engine (${engine} on ${node}: unknown).`,
    );
    expectCited(builder, run.finding, VOLUMES, /^\/status\/robustness$/, 'robustness: unknown');
    expectCited(builder, run.finding, 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/engines.yaml', /^\/status\/currentState$/, 'currentState: unknown');
  });

  it('passes on the healthy cluster, whose stopped VM\'s volume is detached with robustness unknown as Longhorn reports every detached volume (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1292 });
    const detached = builder.listObjects('longhorn.io/v1beta2', 'Volume', 'longhorn-system').filter((volume) => (volume.status as { state: string }).state === 'detached');
    expect(detached.map((volume) => (volume.status as { robustness: string }).robustness)).toEqual(['unknown']);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
