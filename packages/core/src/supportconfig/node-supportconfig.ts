import type { FactSource } from '../facts/bundle-facts.js';

/**
 * What a node's supportconfig says about the node, each fact with the file and 1-based line it
 * was read from (`nodes/<node>.zip!/<node>/scc/<archive>.txz!/<dir>/fs-diskio.txt`, line 12), so a
 * rule cites it as evidence. A fact the archive does not hold is absent and named in `missing`.
 */
export interface NodeSupportconfig {
  node: string;
  /** Bundle path of the archive read (`….txz`) or of the unpacked folder. */
  path: string;
  /** The supportconfig's files, by name (`fs-diskio.txt`); read them with `bundle.nodeFile(node, 'supportconfig/<name>')`. */
  files: string[];
  /** Every mounted filesystem `df` lists (pod tmpfs mounts included), from fs-diskio.txt, else basic-health-check.txt. */
  filesystems: FilesystemUsage[];
  memory?: MemoryUsage;
  swap?: SwapUsage;
  load?: LoadAverage;
  /** Online CPUs: `mpstat`'s header in basic-health-check.txt, else `/proc/cpuinfo` or `lscpu` in hardware.txt. */
  cpus?: CpuCount;
  /** `systemctl --failed` (systemd.txt); `[]` when the section lists none, absent from `missing` then. */
  failedUnits: FailedUnit[];
  /** Kernel and service messages worth a look, from messages.txt (`journalctl --output=short-iso`). */
  kernelEvents: KernelEvent[];
  /** SMART overall health per disk (fs-smartmon.txt), where smartctl ran. */
  disks: DiskHealth[];
  /** Facts this archive could not answer, with why (`free -k not in basic-health-check.txt or memory.txt`). */
  missing: string[];
}

/** The role of a mount on a Harvester node (supportconfig.md). */
export type HarvesterMountRole =
  /** `/`: the read-only OS image (a loop device; a high Use% is normal). */
  | 'os-image'
  /** `/run/initramfs/cos-state`: the COS_STATE partition holding the OS images (pre-check COS_STATE-Size). */
  | 'cos-state'
  /** `/usr/local`: COS_PERSISTENT, with kubelet, containerd images and bind mounts (`/var/lib/…`). */
  | 'cos-persistent'
  /** `/oem`: COS_OEM. */
  | 'cos-oem'
  /** `/var/lib/harvester/defaultdisk`: Longhorn's default disk, bind-mounted from COS_PERSISTENT. */
  | 'longhorn-default-disk'
  /** Overlays of /etc, /var, /srv, /boot: their Use% says nothing about a disk. */
  | 'overlay'
  /** tmpfs, devtmpfs and pod volume mounts. */
  | 'memory'
  | 'other';

export interface FilesystemUsage {
  filesystem: string;
  type?: string;
  mount: string;
  role: HarvesterMountRole;
  /** As df printed them (`183G`); bytes are approximate (`df -h` rounds up). */
  size: string;
  used: string;
  available: string;
  sizeBytes?: number;
  usedBytes?: number;
  availableBytes?: number;
  usePercent?: number;
  /**
   * The mount point of an earlier row of the same device and size: this row is a bind mount of it
   * (`/var/lib/longhorn`, or the default disk on COS_PERSISTENT, beside `/usr/local`), the same
   * space counted again.
   */
  sameAs?: string;
  source: FactSource;
}

export interface CpuCount {
  count: number;
  source: FactSource;
}

export interface MemoryUsage {
  totalBytes: number;
  usedBytes: number;
  freeBytes: number;
  availableBytes?: number;
  source: FactSource;
}

export interface SwapUsage {
  totalBytes: number;
  usedBytes: number;
  source: FactSource;
}

export interface LoadAverage {
  one: number;
  five: number;
  fifteen: number;
  /** `up 12:35` as uptime printed it. */
  uptime?: string;
  source: FactSource;
}

export interface FailedUnit {
  unit: string;
  load: string;
  active: string;
  sub: string;
  description: string;
  source: FactSource;
}

/**
 * `oom-kill` is one event per process killed (its `Killed process` line; the `oom-kill:` line
 * before it gives the cgroup); the `invoked oom-killer` line names the process that asked for
 * memory, not the victim, and is not an event of its own.
 */
export type KernelEventKind = 'oom-kill' | 'io-error' | 'filesystem-error' | 'link-down' | 'link-up' | 'hung-task';

export interface KernelEvent {
  kind: KernelEventKind;
  /** The message after the timestamp (`harvester-node-0 kernel: Out of memory: Killed process …`). */
  text: string;
  /** Milliseconds since the epoch, from the line's short-iso stamp. */
  time?: number;
  /** What it is about, when the message says: the device (`sda`), interface (`eno1`) or process (`qemu-kvm`). */
  subject?: string;
  /** `oom-kill`: the killed process's id. */
  pid?: number;
  /**
   * `oom-kill`: the memory cgroup the killed process ran in (`task_memcg=` of the kernel's
   * `oom-kill:` line), e.g. `/kubepods/burstable/pod<uid>/<container id>`: which pod's container it was.
   */
  cgroup?: string;
  source: FactSource;
}

export interface DiskHealth {
  device: string;
  health: 'passed' | 'failed';
  model?: string;
  source: FactSource;
}
