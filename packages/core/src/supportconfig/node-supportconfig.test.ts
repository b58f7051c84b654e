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
        ['2025-03-12T09:01:01+0000', 'kernel', 'CPU 3/KVM invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=-997'],
        ['2025-03-12T09:01:01+0000', 'kernel', 'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-5f1c.scope,mems_allowed=0,oom_memcg=/kubepods/burstable/pod0d6ab3b1-7c1e-4c4e-9a55-3f0f0f6a1b2c,task_memcg=/kubepods/burstable/pod0d6ab3b1-7c1e-4c4e-9a55-3f0f0f6a1b2c/5f1c,task=qemu-kvm,pid=48213,uid=107'],
        ['2025-03-12T09:01:02+0000', 'kernel', 'Memory cgroup out of memory: Killed process 48213 (qemu-kvm) total-vm:17825792kB, anon-rss:16777216kB, file-rss:0kB, shmem-rss:0kB, UID:107 pgtables:33216kB oom_score_adj:-997'],
        ['2025-03-12T09:01:40+0000', 'kernel', 'Out of memory: Killed process 3321 (longhorn-manager) total-vm:2317540kB, anon-rss:512000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1500kB oom_score_adj:0'],
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
        ['oom-kill', 'longhorn-manager'],
        ['io-error', 'sdb'],
        ['filesystem-error', 'sda5'],
        ['link-down', 'eno1'],
        ['hung-task', 'jbd2/sda5-8'],
      ]);
      // One kill, two lines: the kill is cited, the cgroup comes from the oom-kill: line before it.
      const [oom, older] = scc.kernelEvents.filter((event) => event.kind === 'oom-kill');
      expect(oom).toMatchObject({ pid: 48213, cgroup: '/kubepods/burstable/pod0d6ab3b1-7c1e-4c4e-9a55-3f0f0f6a1b2c/5f1c', time: Date.parse('2025-03-12T09:01:02Z') });
      expect(await bundle.lineText(oom!.source.path, oom!.source.line!)).toContain('Memory cgroup out of memory: Killed process 48213');
      expect(older).toMatchObject({ pid: 3321, subject: 'longhorn-manager' });
      expect(older!.cgroup).toBeUndefined();
      // The CPU count from mpstat's header; the binds of COS_PERSISTENT are the same space.
      expect(scc.cpus?.count).toBe(16);
      expect(await bundle.lineText(scc.cpus!.source.path, scc.cpus!.source.line!)).toMatch(/_x86_64_\t\(16 CPU\)$/);
      expect(scc.filesystems.filter((fs) => fs.sameAs === '/usr/local').map((fs) => fs.mount)).toEqual(['/var/lib/harvester/defaultdisk', '/var/lib/longhorn']);
      expect(persistent.sameAs).toBeUndefined();
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
