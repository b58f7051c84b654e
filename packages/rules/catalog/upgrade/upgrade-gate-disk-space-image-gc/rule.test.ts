import { describe, expect, it } from 'vitest';
import { upgradeGateDiskSpaceImageGc } from './fault.js';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('upgrade-gate-disk-space-image-gc');

describe('upgrade-gate-disk-space-image-gc (S36)', () => {
  it('fails when kubelet reports the image filesystem over the high threshold', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    const node = upgradeGateDiskSpaceImageGc(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `An upgrade will be refused with 'Node "${node}" will reach <x>% storage space after loading new images. It's higher than kubelet image garbage collection threshold 85%.': kubelet on ${node} already reports image filesystem usage 91%, before adding 13 GiB of new images.`,
    );
    const evidence = run.finding!.evidence[0]!;
    expect(evidence.path).toBe(`nodes/${node}.zip!/${node}/logs/kubelet.log`);
    expect(evidence.line).toBe(1);
    expect(evidence.excerpt).toContain('Disk usage on image filesystem is over the high threshold');
  });

  it('fails on a node reporting DiskPressure', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    bundle.updateObject('v1', 'Node', undefined, 'harvester-node-2', (node) => {
      const pressure = (node.status as { conditions: Record<string, unknown>[] }).conditions.find((condition) => condition.type === 'DiskPressure')!;
      Object.assign(pressure, { message: 'kubelet has disk pressure', reason: 'KubeletHasDiskPressure', status: 'True' });
    });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/node harvester-node-2 reports DiskPressure/);
    expect(run.finding!.evidence[0]!.path).toBe('yamls/cluster/v1/nodes.yaml');
  });

  it('does not fire when image garbage collection succeeds (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    upgradeGateDiskSpaceImageGc(bundle, { belowThreshold: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
