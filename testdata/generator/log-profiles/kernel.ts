import type { LogProfile } from './profile.js';

/** The node's kernel log (`journalctl -k`): disk, filesystem, memory and CPU trouble. */
export const kernelProfile: LogProfile = {
  component: 'kernel',
  format: 'plain',
  placement: () => ({ kind: 'journal', file: 'kernel.log', identifier: 'kernel' }),
  templates: [
    {
      id: 'kernel/blk-io-error',
      level: 'error',
      message: (v) => `blk_update_request: I/O error, dev ${v.device()}, sector ${v.int(1000, 90000000)} op 0x${v.int(0, 1)}:(${v.pick(['READ', 'WRITE'])}) flags 0x${v.hex(4)} phys_seg ${v.int(1, 32)} prio class 0`,
    },
    {
      id: 'kernel/buffer-io-error',
      level: 'error',
      message: (v) => `Buffer I/O error on dev ${v.device()}${v.int(1, 5)}, logical block ${v.int(0, 9000000)}, async page read`,
    },
    {
      id: 'kernel/ext4-find-entry',
      level: 'error',
      message: (v) => `EXT4-fs error (device dm-${v.int(0, 40)}): __ext4_find_entry:1611: inode #${v.int(2, 9000000)}: comm ${v.pick(['grafana-server', 'prometheus', 'longhorn'])}: reading directory lblock 0`,
    },
    {
      id: 'kernel/hung-task',
      level: 'error',
      message: (v) => `INFO: task ${v.pick(['kworker/u80:2', 'jbd2/dm-3-8', 'qemu-kvm', 'longhorn'])}:${v.int(100, 99999)} blocked for more than ${v.pick([120, 241, 362])} seconds.`,
    },
    {
      id: 'kernel/oom-kill',
      level: 'error',
      message: (v) => `Out of memory: Killed process ${v.int(1000, 99999)} (qemu-kvm) total-vm:${v.int(1e6, 9e6)}kB, anon-rss:${v.int(1e6, 8e6)}kB, file-rss:${v.int(1e3, 9e4)}kB, shmem-rss:${v.int(0, 9e3)}kB, UID:107 pgtables:${v.int(1e3, 9e3)}kB oom_score_adj:-997`,
    },
    {
      id: 'kernel/soft-lockup',
      level: 'fatal',
      message: (v) => `watchdog: BUG: soft lockup - CPU#${v.int(0, 63)} stuck for ${v.int(22, 90)}s! [${v.pick(['qemu-kvm', 'kworker/12:1', 'ksoftirqd/3'])}:${v.int(100, 99999)}]`,
    },
    {
      id: 'kernel/scsi-failed',
      level: 'error',
      message: (v) => `sd ${v.int(2, 12)}:0:0:${v.int(0, 3)}: [${v.device()}] tag#${v.int(0, 255)} FAILED Result: hostbyte=DID_TRANSPORT_DISRUPTED driverbyte=DRIVER_OK cmd_age=${v.int(1, 90)}s`,
    },
    {
      id: 'kernel/page-alloc-warning',
      level: 'warning',
      message: (v) => `WARNING: CPU: ${v.int(0, 63)} PID: ${v.int(100, 99999)} at mm/page_alloc.c:${v.int(4000, 5999)} __alloc_pages+0x${v.hex(3)}/0x${v.hex(3)}`,
    },
    {
      id: 'kernel/bridge-forwarding',
      level: 'info',
      message: (v) => `mgmt-br: port ${v.int(1, 9)}(tap${v.hex(6)}) entered forwarding state`,
    },
    {
      id: 'kernel/nic-link-down',
      level: 'info',
      message: () => 'ixgbe 0000:3b:00.0 eno1: NIC Link is Down',
    },
  ],
};
