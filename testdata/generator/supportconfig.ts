/**
 * The node's SUSE supportconfig (`scc_supportconfig_<node>*.txz`) as `supportconfig -c -m -B
 * supportconfig_<node> -i BOOT,DAEMONS,ETC,ISCSI,MEM,MOD,NTP,SMART,DISK,…` writes it on a Harvester
 * node (supportconfig.md; openSUSE/supportutils `bin/supportconfig`, `bin/supportconfig.rc`):
 * each file a run of sections, a banner (`#==[ Command ]====…#`), `# <absolute command path>
 * <args>`, the output verbatim, a blank line. Kept small (no per-CPU mpstat, a few pod tmpfs
 * mounts) but with every section a parser reads in its real shape.
 */
import type { SupportconfigFiles } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterNode } from './cluster-context.js';
import type { HarvesterRelease } from './harvester-releases.js';

const GIB = 1024 ** 3;

export interface NodeFilesystem {
  source: string;
  type: string;
  sizeBytes: number;
  usedBytes: number;
  mount: string;
}

/** What a node's supportconfig says about its health; faults change these before it is written. */
export interface NodeHealth {
  filesystems: NodeFilesystem[];
  memory: { totalKiB: number; usedKiB: number; freeKiB: number; sharedKiB: number; buffCacheKiB: number; availableKiB: number };
  swap: { totalKiB: number; usedKiB: number };
  load: [number, number, number];
  uptime: string;
  /** Online CPUs (mpstat's header). */
  cpus: number;
  /** `systemctl --failed` rows. */
  failedUnits: { unit: string; description: string }[];
  /** Journal lines (`journalctl --output=short-iso`), oldest first: [ISO time, identifier, text]. */
  journal: [string, string, string][];
  disks: { device: string; model: string; serial: string; passed: boolean }[];
}

/** A healthy node: a 250 GB disk with Harvester's partitions, 64 GiB of memory, no swap. */
export function healthyNodeHealth(node: ClusterNode, release: HarvesterRelease, createdAt: string, index: number): NodeHealth {
  const persistentSize = 183 * GIB;
  const persistentUsed = Math.round((41 + index * 3.4) * GIB);
  const at = (minutesBefore: number): string => isoShort(Date.parse(createdAt) - minutesBefore * 60_000);
  return {
    filesystems: [
      { source: '/dev/loop0', type: 'ext2', sizeBytes: 3 * GIB, usedBytes: Math.round(2.2 * GIB), mount: '/' },
      { source: 'devtmpfs', type: 'devtmpfs', sizeBytes: 4 * 1024 ** 2, usedBytes: 0, mount: '/dev' },
      { source: 'tmpfs', type: 'tmpfs', sizeBytes: 32 * GIB, usedBytes: 0, mount: '/dev/shm' },
      { source: 'tmpfs', type: 'tmpfs', sizeBytes: 13 * GIB, usedBytes: 19 * 1024 ** 2, mount: '/run' },
      { source: '/dev/sda2', type: 'ext4', sizeBytes: 43 * 1024 ** 2, usedBytes: 3 * 1024 ** 2, mount: '/oem' },
      { source: '/dev/sda3', type: 'ext4', sizeBytes: 15 * GIB, usedBytes: Math.round(4.3 * GIB), mount: '/run/initramfs/cos-state' },
      { source: '/dev/sda5', type: 'ext4', sizeBytes: persistentSize, usedBytes: persistentUsed, mount: '/usr/local' },
      { source: 'overlay', type: 'overlay', sizeBytes: 32 * GIB, usedBytes: 15 * 1024 ** 2, mount: '/boot' },
      { source: 'overlay', type: 'overlay', sizeBytes: 32 * GIB, usedBytes: 15 * 1024 ** 2, mount: '/etc' },
      { source: 'overlay', type: 'overlay', sizeBytes: 32 * GIB, usedBytes: 2 * 1024 ** 2, mount: '/srv' },
      { source: '/dev/sda5', type: 'ext4', sizeBytes: persistentSize, usedBytes: persistentUsed, mount: '/var/lib/harvester/defaultdisk' },
      { source: '/dev/sda5', type: 'ext4', sizeBytes: persistentSize, usedBytes: persistentUsed, mount: '/var/lib/longhorn' },
      { source: 'tmpfs', type: 'tmpfs', sizeBytes: 62 * GIB, usedBytes: 12 * 1024, mount: `/var/lib/kubelet/pods/${node.systemUuid}/volumes/kubernetes.io~projected/kube-api-access-${node.machine.slice(-5)}` },
    ],
    memory: { totalKiB: 65_777_212, usedKiB: 21_406_528 + index * 811_008, freeKiB: 30_115_980, sharedKiB: 118_452, buffCacheKiB: 14_254_704, availableKiB: 43_660_812 },
    swap: { totalKiB: 0, usedKiB: 0 },
    load: [0.75 + index * 0.1, 0.78, 0.89],
    uptime: '12:35',
    cpus: 16,
    failedUnits: [],
    journal: [
      [at(95), 'kernel', 'IPv6: ADDRCONF(NETDEV_CHANGE): mgmt-br: link becomes ready'],
      [at(60), 'systemd[1]', 'Started Rancher System Agent.'],
      [at(31), 'kernel', `scsi host2: iSCSI Initiator over TCP/IP`],
      [at(30), 'iscsid[1903]', 'iscsid: Connection1:0 to [target: iqn.2019-10.io.longhorn:pvc-volume, portal: 10.52.0.11,3260] through [iface: default] is operational now'],
      [at(2), 'systemd[1]', `Started Harvester ${release.harvester} support bundle collector.`],
    ],
    disks: [{ device: 'sda', model: 'SAMSUNG MZ7LH240HAHQ-00005', serial: `S45R${node.systemUuid.slice(0, 8).toUpperCase()}`, passed: true }],
  };
}

/** Files the limited module list (kit ≥ v0.0.36) writes; full runs (v0.0.26–v0.0.35) write more. */
const SELECTED = new Set([
  'basic-environment.txt', 'basic-health-check.txt', 'boot.txt', 'fs-diskio.txt', 'fs-smartmon.txt', 'memory.txt',
  'messages.txt', 'summary.xml', 'supportconfig.txt', 'systemd.txt',
]);

/** The supportconfig files of a node, by name. `suffix` is the kit's 6 random [A-Za-z0-9]. */
export function supportconfigFiles(node: ClusterNode, release: HarvesterRelease, createdAt: string, health: NodeHealth, suffix: string): SupportconfigFiles {
  const host = node.name;
  const ran = new Date(Date.parse(createdAt) - 90_000);
  const files = new Map<string, string>();
  const kernel = '5.14.21-150500.55.88-default';
  files.set('basic-environment.txt', [
    note(release),
    command('/bin/date', ran.toUTCString().replace('GMT', 'UTC')),
    command('/bin/uname -a', `Linux ${host} ${kernel} #1 SMP PREEMPT_DYNAMIC Wed Nov 20 12:10:32 UTC 2024 (bd7b4e3) x86_64 x86_64 x86_64 GNU/Linux`),
    config('/etc/os-release', `NAME="SLE Micro"\nVERSION="5.5"\nID="sle-micro-rancher"\nPRETTY_NAME="Harvester ${release.harvester}"`),
  ].join(''));
  files.set('basic-health-check.txt', [
    command('/usr/bin/uptime', ` ${ran.toISOString().slice(11, 19)}  up  ${health.uptime},  0 users,  load average: ${health.load.map((value) => value.toFixed(2)).join(', ')}`),
    command('/usr/bin/vmstat 1 4', vmstat(health)),
    command('/usr/bin/mpstat -P ALL 1 3', mpstat(health, kernel, ran, node)),
    command('/usr/bin/free -k', free(health)),
    command('/bin/df -hT', df(health.filesystems)),
  ].join(''));
  files.set('boot.txt', [
    config('/proc/cmdline', 'BOOT_IMAGE=(loop0)/boot/vmlinuz console=tty1 root=LABEL=COS_STATE cos-img/filename=/cOS/active.img panic=0 net.ifnames=1 rd.cos.oemlabel=COS_OEM rd.cos.mount=LABEL=COS_OEM:/oem rd.emergency=reboot rd.shell=0 systemd.crash_reboot'),
    command('/usr/bin/journalctl --no-pager --list-boot', `  0 ${node.systemUuid.replaceAll('-', '')} ${isoShort(Date.parse(createdAt) - 12.6 * 3_600_000).replace('T', ' ')}—${isoShort(ran.getTime()).replace('T', ' ')}`),
  ].join(''));
  files.set('fs-diskio.txt', [
    command('/usr/bin/lsblk -o NAME,SIZE,TYPE,FSTYPE,LABEL,MOUNTPOINT', 'NAME     SIZE TYPE FSTYPE LABEL          MOUNTPOINT\nloop0      3G loop ext2   COS_ACTIVE     /\nsda      250G disk\n├─sda1     1M part\n├─sda2    50M part ext4   COS_OEM        /oem\n├─sda3    15G part ext4   COS_STATE      /run/initramfs/cos-state\n├─sda4     8G part ext4   COS_RECOVERY\n└─sda5   183G part ext4   COS_PERSISTENT /usr/local'),
    command('/bin/df -Th', df(health.filesystems)),
  ].join(''));
  files.set('fs-smartmon.txt', smartmon(health));
  files.set('memory.txt', [command('/usr/bin/vmstat 1 4', vmstat(health)), command('/usr/bin/free -k', free(health)), config('/proc/meminfo', meminfo(health))].join(''));
  files.set('messages.txt', command('/usr/bin/journalctl --no-pager --output=short-iso --lines 5000', health.journal.map(([time, identifier, text]) => `${time} ${host} ${identifier}: ${text}`).join('\n')));
  files.set('systemd.txt', [command('/usr/bin/systemctl --failed', failedUnits(health))].join(''));
  files.set('summary.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<summary>\n <supportconfig>\n  <version>3.1.11-46.3</version>\n  <cmdline>-c -m -B supportconfig_${host}-${suffix} -i BOOT,DAEMONS,ETC,ISCSI,MEM,MOD,NTP,SMART,DISK,pharvester_plugin_rke2,pharvester_plugin_console</cmdline>\n </supportconfig>\n <hostname>${host}</hostname>\n <kernel>${kernel}</kernel>\n <arch>x86_64</arch>\n</summary>\n`);
  files.set('supportconfig.txt', `Support Utilities - Supportconfig\n                   Script Version: 3.1.11-46.3\n                   Library Version: 3.1.11-46.3\n                   Script Date: 2023 08 23\n\n Detected Environment:                 Physical\n Command with Alias:                   /sbin/supportconfig -c -m -B supportconfig_${host}\n Supportconfig Start:                  ${ran.toUTCString()}\n`);
  // Only a full run (kit v0.0.26–v0.0.35) writes these.
  files.set('network.txt', command('/sbin/ip addr', `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n2: mgmt-br: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n    inet ${node.ip}/24 brd 192.168.122.255 scope global mgmt-br`));
  files.set('rpm.txt', command('/bin/rpm -qa --queryformat "%-35{NAME} %-35{DISTRIBUTION} %{VERSION}-%{RELEASE}\\n"', 'NAME                                DISTRIBUTION                        VERSION\nkernel-default                      SUSE Linux Enterprise Micro 5.5     5.14.21-150500.55.88.1\nsupportutils                        SUSE Linux Enterprise Micro 5.5     3.1.11-46.3'));
  return { files, selected: SELECTED, suffix };
}

function command(line: string, output: string): string {
  return `#==[ Command ]======================================#\n# ${line}\n${output}\n\n`;
}

function config(path: string, content: string): string {
  return `#==[ Configuration File ]===========================#\n# ${path}\n${content}\n\n\n`;
}

function note(release: HarvesterRelease): string {
  return `#==[ Note ]=========================================#\n# Harvester ${release.harvester}: supportconfig run by support-bundle-kit\n\n`;
}

/** `journalctl -o short-iso`: second precision with a +0000 offset. */
function isoShort(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+0000`;
}

/** GNU `df -h`: 1024-based, rounded up, one decimal below 10. */
function human(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['K', 'M', 'G', 'T', 'P'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : String(Math.ceil(value));
  return `${text === '10.0' ? '10' : text}${units[unit]}`;
}

function df(filesystems: readonly NodeFilesystem[]): string {
  const rows = [['Filesystem', 'Type', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on']];
  for (const fs of filesystems) {
    const avail = Math.max(fs.sizeBytes - fs.usedBytes, 0);
    const percent = fs.sizeBytes === 0 ? '-' : `${Math.ceil((fs.usedBytes / fs.sizeBytes) * 100)}%`;
    rows.push([fs.source, fs.type, human(fs.sizeBytes), human(fs.usedBytes), human(avail), percent, fs.mount]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 6 ? cell : column <= 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join(' '),
    )
    .join('\n');
}

function free(health: NodeHealth): string {
  const { memory, swap } = health;
  const row = (label: string, values: number[]) => `${label.padEnd(7)}${values.map((value) => String(value).padStart(12)).join('')}`;
  return [
    '               total        used        free      shared  buff/cache   available',
    row('Mem:', [memory.totalKiB, memory.usedKiB, memory.freeKiB, memory.sharedKiB, memory.buffCacheKiB, memory.availableKiB]),
    row('Swap:', [swap.totalKiB, swap.usedKiB, swap.totalKiB - swap.usedKiB]),
  ].join('\n');
}

function vmstat(health: NodeHealth): string {
  const line = `${' 1  0'}      ${String(health.swap.usedKiB).padStart(1)} ${String(health.memory.freeKiB).padStart(8)} ${String(2_104_332).padStart(6)} ${String(12_150_372).padStart(8)}    0    0    12   184 2411 4127  4  2 94  0  0`;
  return ['procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----', ' r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st', line, line, line, line].join('\n');
}

/**
 * `mpstat -P ALL 1 3`, the `all` rows only (a real one has a row per CPU). The header's host is
 * the support bundle agent's pod, not the node (supportconfig.md); `(<n> CPU)` is the CPU count.
 */
function mpstat(health: NodeHealth, kernel: string, ran: Date, node: ClusterNode): string {
  const date = `${String(ran.getUTCMonth() + 1).padStart(2, '0')}/${String(ran.getUTCDate()).padStart(2, '0')}/${String(ran.getUTCFullYear()).slice(2)}`;
  const clock = (seconds: number) => new Date(ran.getTime() + seconds * 1000).toISOString().slice(11, 19);
  const busy = Math.min(99, health.load[0] / health.cpus * 100);
  const row = (label: string) => `${label.padEnd(12)} all ${(busy * 0.6).toFixed(2).padStart(7)}    0.00 ${(busy * 0.3).toFixed(2).padStart(7)}    0.06    0.00    0.19    0.00 ${(busy * 0.1).toFixed(2).padStart(7)}    0.00 ${(100 - busy).toFixed(2).padStart(7)}`;
  return [
    `Linux ${kernel} (supportbundle-agent-${node.machine.slice(-5)}) \t${date} \t_x86_64_\t(${health.cpus} CPU)`,
    '',
    `${clock(0).padEnd(12)} CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle`,
    row(clock(1)),
    row(clock(2)),
    row(clock(3)),
    '',
    'Average:     CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle',
    row('Average:'),
  ].join('\n');
}

function meminfo(health: NodeHealth): string {
  const { memory, swap } = health;
  const row = (key: string, kib: number) => `${`${key}:`.padEnd(16)}${String(kib).padStart(8)} kB`;
  return [row('MemTotal', memory.totalKiB), row('MemFree', memory.freeKiB), row('MemAvailable', memory.availableKiB), row('SwapTotal', swap.totalKiB), row('SwapFree', swap.totalKiB - swap.usedKiB)].join('\n');
}

function failedUnits(health: NodeHealth): string {
  if (health.failedUnits.length === 0) {
    return '  UNIT LOAD ACTIVE SUB DESCRIPTION\n0 loaded units listed.';
  }
  const width = Math.max(...health.failedUnits.map(({ unit }) => unit.length), 4);
  return [
    `  ${'UNIT'.padEnd(width)} LOAD   ACTIVE SUB    DESCRIPTION`,
    ...health.failedUnits.map(({ unit, description }) => `● ${unit.padEnd(width)} loaded failed failed ${description}`),
    '',
    'LOAD   = Reflects whether the unit definition was properly loaded.',
    'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.',
    'SUB    = The low-level unit activation state, values depend on unit type.',
    `${health.failedUnits.length} loaded units listed.`,
  ].join('\n');
}

function smartmon(health: NodeHealth): string {
  const result = (passed: boolean) => `SMART overall-health self-assessment test result: ${passed ? 'PASSED' : 'FAILED!'}`;
  const parts = [
    command('/usr/bin/systemctl status smartd.service', '● smartd.service - Self Monitoring and Reporting Technology (SMART) Daemon\n     Loaded: loaded (/usr/lib/systemd/system/smartd.service; enabled; vendor preset: enabled)\n     Active: active (running)'),
    '#==[ Quick Status Check ]===========================#\n',
    ...health.disks.map((disk) => `smartmon-${disk.device}:${result(disk.passed)}\n`),
    '\n',
  ];
  for (const disk of health.disks) {
    parts.push(
      command(
        `/usr/sbin/smartctl --all /dev/${disk.device}`,
        [
          'smartctl 7.2 2021-09-14 r5236 [x86_64-linux-5.14.21-150500.55.88-default] (SUSE RPM)',
          '',
          '=== START OF INFORMATION SECTION ===',
          `Device Model:     ${disk.model}`,
          `Serial Number:    ${disk.serial}`,
          'User Capacity:    240,057,409,536 bytes [240 GB]',
          'SMART support is: Enabled',
          '',
          '=== START OF READ SMART DATA SECTION ===',
          result(disk.passed),
        ].join('\n'),
      ),
    );
  }
  return parts.join('');
}
