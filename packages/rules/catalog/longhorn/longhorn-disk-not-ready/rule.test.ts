import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { longhornDiskNotReady } from './fault.js';

const ID = 'longhorn-disk-not-ready';
const NODES = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/nodes.yaml';

describe(ID, () => {
  it('fails for the node whose disk is not ready, citing the condition\'s message', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1271 });
    const { node, disk } = longhornDiskNotReady(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toBe(
      `Longhorn disk(s) ${disk} on node ${node} are not ready: DiskFilesystemChanged: Disk ${disk}(/var/lib/harvester/defaultdisk) on node ${node} is not ready: cannot find disk config file, maybe due to a mount error.`,
    );
    expectCited(builder, run.finding, NODES, /^\/status\/diskStatus\/default-disk-\w+\/conditions\/0\/message$/, `message: 'Disk ${disk}(/var/lib/harvester/defaultdisk)`);
  });

  it('passes on a healthy cluster, whose disks are all Ready (near miss: the Schedulable condition of a full disk is another rule\'s)', async () => {
    expect((await runRule(await catalogRule(ID), healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1272 }))).outcome).toBe('pass');
  });

  it('explains the replicas that failed on that node, and heads the report over the degraded volumes', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1271 });
    const { replicas } = longhornDiskNotReady(builder);
    const report = await runCatalog(builder);
    const disk = report.findings.find((finding) => finding.ruleId === ID)!;
    const failed = report.findings.filter((finding) => finding.ruleId === 'longhorn-replica-failed');
    expect(failed.map((finding) => finding.message.split(' ')[2]).sort()).toEqual([...replicas].sort());
    expect(failed.every((finding) => finding.causedBy?.[0]?.ruleId === ID)).toBe(true);
    expect(disk.explains).toHaveLength(replicas.length);
    expect(report.findings.some((finding) => finding.ruleId === 'longhorn-disk-not-schedulable' && finding.status !== 'pass')).toBe(false);
    expect(report.summary.headline).toBe(ID);
  });
});
