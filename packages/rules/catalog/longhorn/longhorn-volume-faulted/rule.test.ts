import { describe, expect, it } from 'vitest';
import { longhornVolumeFaulted } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'longhorn-volume-faulted';

describe(ID, () => {
  it('fails for the faulted volume, citing its robustness and the replica errors longhorn-manager logged', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 21 });
    const { volume, pvc } = longhornVolumeFaulted(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toBe(
      `Longhorn volume ${volume} (PVC default/${pvc}) is faulted: no replica is healthy, so it cannot be attached; longhorn-manager logged 3 replica failure line(s).`,
    );
    const field = run.finding!.evidence[0]!;
    expect(field.path).toBe('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml');
    expect(citedLine(builder, field).trim()).toBe('robustness: faulted');
    const logs = run.finding!.evidence.filter((item) => item.path.startsWith('logs/longhorn-system/longhorn-manager-'));
    expect(logs.map((item) => citedLine(builder, item))).toEqual([
      expect.stringContaining('crashed on Instance Manager'),
      expect.stringContaining(`reason: 'Faulted' Detected replica ${volume}-r-0 (10.52.0.9:10010) in error`),
      expect.stringContaining('no healthy replica for starting'),
    ]);
    expect(run.finding!.remediation!.commands).toContain(`kubectl get replicas.longhorn.io -n longhorn-system -l longhornvolume=${volume}`);
  });

  it('fails without log corroboration when longhorn-manager logged nothing', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 22 });
    const { volume } = longhornVolumeFaulted(builder, { logs: false });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(new RegExp(`^Longhorn volume ${volume} \\(PVC default/\\S+\\) is faulted: no replica is healthy, so it cannot be attached\\.$`));
  });

  it('passes when the volume was salvaged and only the old log lines remain (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 21 });
    longhornVolumeFaulted(builder, { salvaged: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
