import { describe, expect, it } from 'vitest';
import { upgradeGateDiskSpaceImageGc } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster, healthyCluster } from '../../../../../testdata/generator/index.js';
import { precheckNodeFreeSpace } from '../../node/precheck-node-free-space/fault.js';

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

describe('upgrade-gate-disk-space-image-gc from the nodes\' supportconfig', () => {
  it('computes the validator\'s (used + 13 GiB) / capacity on the df -h row of /usr/local, citing it inside the archive', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    const node = precheckNodeFreeSpace(cluster, { usedGiB: 150 });
    const run = await runRule(await rule(), cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `An upgrade will be refused with 'Node "${node}" will reach <x>% storage space after loading new images. It's higher than kubelet image garbage collection threshold 85%.': ${node} uses 150G of 183G on /usr/local (df -h), and 13 GiB of new images takes it past 85 %.`,
    );
    expect(citedLine(cluster.builder, run.finding!.evidence[0]!)).toMatch(/150G.*\/usr\/local$/);
  });

  it('warns within df -h\'s rounding of the threshold, and passes below it (near miss)', async () => {
    const near = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    precheckNodeFreeSpace(near, { usedGiB: 142 });
    expect((await runRule(await rule(), near.builder)).outcome).toBe('warn');
    const below = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    precheckNodeFreeSpace(below, { usedGiB: 141 });
    expect((await runRule(await rule(), below.builder)).outcome).toBe('pass');
  });

  it('passes when the target Version skips the check (v1.5.0 and later)', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 36 });
    precheckNodeFreeSpace(cluster, { usedGiB: 150 });
    const [version] = cluster.builder.listObjects('harvesterhci.io/v1beta1', 'Version', 'harvester-system');
    cluster.builder.updateObject('harvesterhci.io/v1beta1', 'Version', 'harvester-system', version!.metadata.name, (object) => {
      object.metadata.annotations = { ...(object.metadata.annotations as Record<string, string>), 'harvesterhci.io/skipGarbageCollectionThresholdCheck': 'true' };
    });
    expect((await runRule(await rule(), cluster.builder)).outcome).toBe('pass');
  });
});
