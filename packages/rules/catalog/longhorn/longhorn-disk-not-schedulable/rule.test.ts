import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornDiskNotReady } from '../longhorn-disk-not-ready/fault.js';
import { longhornDiskPressure } from './fault.js';

const ID = 'longhorn-disk-not-schedulable';
const NODES = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/nodes.yaml';

describe(ID, () => {
  it('warns (medium) for a disk under DiskPressure, citing longhorn-manager\'s message', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1281 });
    const { node, disk } = longhornDiskPressure(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.finding!.message).toBe(
      `Longhorn disk(s) ${disk} on node ${node} take no new replicas: DiskPressure: Disk ${disk} (/var/lib/harvester/defaultdisk) on the node ${node} has 52428800 available, but requires reserved 0, minimal 25% to schedule more replicas.`,
    );
    expectCited(builder, run.finding, NODES, /^\/status\/diskStatus\/default-disk-\w+\/conditions\/1\/message$/, `message: Disk ${disk} (/var/lib/harvester/defaultdisk)`);
  });

  it('passes once space was freed and the disk is schedulable again (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1282 });
    longhornDiskPressure(builder, { pressureReleased: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('leaves a disk that is not ready (Schedulable False, DiskNotReady) to longhorn-disk-not-ready', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1283 });
    longhornDiskNotReady(builder);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
