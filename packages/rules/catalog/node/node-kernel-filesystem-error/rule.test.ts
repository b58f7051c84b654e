import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';
import { nodeKernelFilesystemError } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-filesystem-error',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelFilesystemError(cluster),
  // ext4's routine lines about the same device: mounted, re-mounted, no error.
  nearMiss: (cluster) =>
    kernelMessages(cluster, cluster.nodes[1]!.name, [
      [25, 'EXT4-fs (sdc): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.'],
      [24, 'EXT4-fs (sdc): re-mounted. Opts: (null). Quota mode: none.'],
    ]),
  status: 'fail',
  message: (named) => {
    const node = named as string;
    return `Filesystem errors in the 24 hours up to the bundle, the last one 25m before it: EXT4-fs error on sdc (${node}); Aborting journal on sdc (${node}); Remounting filesystem read-only on sdc (${node})`;
  },
  file: 'logs/kernel.log',
  proof: 'EXT4-fs error (device sdc)',
});

describe('node-kernel-filesystem-error', () => {
  it('names every device, an ext4 read that failed with EIO included, and counts the age from the latest line of any kind', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 73 });
    // As on the real v1.0 sample: ext4 errors on one Longhorn-backed device, EIO warnings on another, the warnings later.
    const node = nodeKernelFilesystemError(cluster, { minutesBefore: 90 });
    kernelMessages(cluster, node, [[20, 'EXT4-fs warning (device sdb): htree_dirblock_to_tree:997: inode #786433: lblock 0: comm prometheus: error -5 reading directory block']]);
    const run = await runRule(await catalogRule('node-kernel-filesystem-error'), cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `Filesystem errors in the 24 hours up to the bundle, the last one 20m before it: EXT4-fs error on sdc (${node}); Aborting journal on sdc (${node}); error -5 reading directory block on sdb (${node}); Remounting filesystem read-only on sdc (${node})`,
    );
    expect(run.finding!.evidence.map((item) => citedLine(cluster.builder, item))).toContainEqual(expect.stringContaining('EXT4-fs warning (device sdb)'));
  });

  it('leaves ext4 warnings that are not failed reads alone', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 74 });
    kernelMessages(cluster, cluster.nodes[0]!.name, [[20, 'EXT4-fs warning (device sda3): ext4_dx_add_entry:2461: Directory (ino: 1313) index full, reach max htree level :2']]);
    expect((await runRule(await catalogRule('node-kernel-filesystem-error'), cluster.builder)).outcome).toBe('pass');
  });
});
