import { describe, expect, it } from 'vitest';
import { longhornStaleAttachedVolume } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'longhorn-stale-attached-volume';

describe(ID, () => {
  it('warns for a volume left attached after its VM stopped, citing the workload that is no longer running', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 31 });
    const { volume, vm } = longhornStaleAttachedVolume(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.findings.filter((finding) => finding.status === 'warn')).toHaveLength(1);
    expect(run.finding!.message).toMatch(
      new RegExp(`^Longhorn volume ${volume} \\(PVC default/${vm}-disk-0-\\w+\\) is attached to harvester-node-\\d but no running pod uses it \\(workloads: virt-launcher-${vm}-\\w+\\)\\.$`),
    );
    const field = run.finding!.evidence.find((item) => item.pointer === '/status/state')!;
    expect(field.path).toBe('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml');
    expect(citedLine(builder, field).trim()).toBe('state: attached');
  });

  it('warns too when Longhorn records no workload at all (workloadsStatus written as "null" by the kit)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 32 });
    const { volume } = longhornStaleAttachedVolume(builder, { noWorkloads: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain(`Longhorn volume ${volume} `);
    expect(run.finding!.message).toContain('(workloads: none)');
  });

  it('passes when the stopped VM\'s volume was detached (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 31 });
    longhornStaleAttachedVolume(builder, { detached: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
