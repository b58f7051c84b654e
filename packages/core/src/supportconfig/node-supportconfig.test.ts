import { describe, expect, it } from 'vitest';
import { generateHealthyCluster, updateNodeHealth } from '../../../../testdata/generator/index.js';
import { openBundle } from '../bundle.js';

describe('bundle.supportconfig(node)', () => {
  it('answers free space, memory, load, failed units, kernel events and SMART, each with its line in the archive', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 2, seed: 7 });
    updateNodeHealth(cluster, 'harvester-node-1', (health) => {
      for (const fs of health.filesystems) if (fs.source === '/dev/sda5') fs.usedBytes = 171 * 1024 ** 3;
      health.failedUnits.push({ unit: 'rancher-system-agent.service', description: 'Rancher System Agent' });
      health.journal.push(
        ['2025-03-12T09:01:02+0000', 'kernel', 'Out of memory: Killed process 48213 (qemu-kvm) total-vm:17825792kB, anon-rss:16777216kB, file-rss:0kB, shmem-rss:0kB, UID:107 pgtables:33216kB oom_score_adj:0'],
        ['2025-03-12T09:02:02+0000', 'kernel', 'blk_update_request: I/O error, dev sdb, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0'],
        ['2025-03-12T09:03:02+0000', 'kernel', 'EXT4-fs error (device sda5): ext4_find_entry:1463: inode #2: comm kubelet: reading directory lblock 0'],
        ['2025-03-12T09:04:02+0000', 'kernel', 'ixgbe 0000:3b:00.0 eno1: NIC Link is Down'],
        ['2025-03-12T09:05:02+0000', 'kernel', 'INFO: task jbd2/sda5-8:512 blocked for more than 120 seconds.'],
      );
      health.disks[0]!.passed = false;
    });
    const bundle = await openBundle(cluster.builder.toZip());
    try {
      expect(bundle.supportconfigNodes()).toEqual(['harvester-node-0', 'harvester-node-1']);
      const scc = (await bundle.supportconfig('harvester-node-1'))!;
      const persistent = scc.filesystems.find((fs) => fs.mount === '/usr/local')!;
      expect(persistent).toMatchObject({ role: 'cos-persistent', usePercent: 94, size: '183G' });
      expect(await bundle.lineText(persistent.source.path, persistent.source.line!)).toContain('/usr/local');
      expect(scc.failedUnits).toMatchObject([{ unit: 'rancher-system-agent.service', active: 'failed', description: 'Rancher System Agent' }]);
      expect(scc.kernelEvents.map((event) => [event.kind, event.subject])).toEqual([
        ['link-up', 'mgmt-br'],
        ['oom-kill', 'qemu-kvm'],
        ['io-error', 'sdb'],
        ['filesystem-error', 'sda5'],
        ['link-down', 'eno1'],
        ['hung-task', 'jbd2/sda5-8'],
      ]);
      const oom = scc.kernelEvents.find((event) => event.kind === 'oom-kill')!;
      expect(oom.time).toBe(Date.parse('2025-03-12T09:01:02Z'));
      expect(await bundle.lineText(oom.source.path, oom.source.line!)).toContain('Out of memory: Killed process 48213');
      expect(scc.disks).toMatchObject([{ device: 'sda', health: 'failed' }]);
      expect(await bundle.lineText(scc.disks[0]!.source.path, scc.disks[0]!.source.line!)).toBe('SMART overall-health self-assessment test result: FAILED!');
      expect(scc.missing).toEqual([]);
      // The other node is healthy.
      const healthy = (await bundle.supportconfig('harvester-node-0'))!;
      expect(healthy.failedUnits).toEqual([]);
      expect(healthy.kernelEvents.filter((event) => event.kind !== 'link-up')).toEqual([]);
    } finally {
      await bundle.close();
    }
  });

  it('says what it could not answer when files are missing, and is undefined for a node without a supportconfig', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 8, kit: 'old' });
    const bundle = await openBundle(cluster.builder.toZip());
    try {
      expect(bundle.supportconfigNodes()).toEqual([]);
      expect(await bundle.supportconfig('harvester-node-0')).toBeUndefined();
      expect(await bundle.supportconfig('no-such-node')).toBeUndefined();
    } finally {
      await bundle.close();
    }
  });
});
