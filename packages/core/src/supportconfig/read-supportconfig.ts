import type { NodeFileEntry } from '../index/index-entry.js';
import type { LogFile } from '../logs/log-file.js';
import type { NodeBundleChoice } from '../source/node-layout.js';
import type {
  CpuCount,
  DiskHealth,
  FailedUnit,
  FilesystemUsage,
  HarvesterMountRole,
  KernelEvent,
  KernelEventKind,
  LoadAverage,
  MemoryUsage,
  NodeSupportconfig,
  SwapUsage,
} from './node-supportconfig.js';
import { parseDf } from './parse-df.js';
import { commandSections, parseSections, type SupportconfigSection } from './sections.js';

export interface SupportconfigReaders {
  choice: NodeBundleChoice;
  /** The node's `supportconfig/<name>` files. */
  files: readonly NodeFileEntry[];
  readText(path: string): Promise<string>;
  log(path: string): LogFile | undefined;
  signal?: AbortSignal;
}

/** Parses what answers node-level questions; one file that cannot be read is a `missing` entry. */
export async function readNodeSupportconfig(readers: SupportconfigReaders): Promise<NodeSupportconfig | undefined> {
  const { choice } = readers;
  if (!choice.supportconfig) return undefined;
  const byName = new Map(readers.files.map((entry) => [entry.file.slice('supportconfig/'.length), entry]));
  const result: NodeSupportconfig = {
    node: choice.node,
    path: choice.supportconfig.path,
    files: [...byName.keys()].sort(),
    filesystems: [],
    failedUnits: [],
    kernelEvents: [],
    disks: [],
    missing: [],
  };
  const parsed = new Map<string, { path: string; sections: SupportconfigSection[] } | undefined>();
  const sectionsOf = async (name: string) => {
    if (parsed.has(name)) return parsed.get(name);
    const entry = byName.get(name);
    let value: { path: string; sections: SupportconfigSection[] } | undefined;
    if (entry) {
      try {
        value = { path: entry.path, sections: parseSections(await readers.readText(entry.path)) };
      } catch (error) {
        result.missing.push(`${name} could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    parsed.set(name, value);
    return value;
  };
  /** The first section of `program` in the first of `names` that has one. */
  const firstCommand = async (program: string, names: string[], accept: (section: SupportconfigSection) => boolean = () => true) => {
    for (const name of names) {
      const file = await sectionsOf(name);
      const section = file && commandSections(file.sections, program).find(accept);
      if (file && section) return { path: file.path, name, section };
    }
    return undefined;
  };

  const df = await firstCommand('df', ['fs-diskio.txt', 'basic-health-check.txt'], (section) => /(^|\s)-\w*h/.test(section.header));
  if (df) {
    for (const row of parseDf(df.section)) {
      const usage: FilesystemUsage = {
        filesystem: row.filesystem,
        ...(row.type === undefined ? {} : { type: row.type }),
        mount: row.mount,
        role: mountRole(row.mount, row.type ?? '', row.filesystem),
        size: row.size,
        used: row.used,
        available: row.available,
        ...(row.sizeBytes === undefined ? {} : { sizeBytes: row.sizeBytes }),
        ...(row.usedBytes === undefined ? {} : { usedBytes: row.usedBytes }),
        ...(row.availableBytes === undefined ? {} : { availableBytes: row.availableBytes }),
        ...(row.usePercent === undefined ? {} : { usePercent: row.usePercent }),
        source: { path: df.path, line: row.line, description: `${df.name} ${df.section.header}` },
      };
      result.filesystems.push(usage);
    }
    markBindMounts(result.filesystems);
  } else {
    result.missing.push('free space: no df -h section in fs-diskio.txt or basic-health-check.txt');
  }

  const free = await firstCommand('free', ['basic-health-check.txt', 'memory.txt'], (section) => /(^|\s)-k\b/.test(section.header));
  if (free) {
    const { memory, swap } = parseFree(free.section, free.path, `${free.name} ${free.section.header}`);
    if (memory) result.memory = memory;
    if (swap) result.swap = swap;
  }
  if (!result.memory) result.missing.push('memory and swap: no free -k section in basic-health-check.txt or memory.txt');

  const uptime = await firstCommand('uptime', ['basic-health-check.txt']);
  const load = uptime && parseUptime(uptime.section, uptime.path, `${uptime.name} ${uptime.section.header}`);
  if (load) result.load = load;
  else result.missing.push('load: no uptime section in basic-health-check.txt');

  const cpus = await cpuCount(firstCommand, sectionsOf);
  if (cpus) result.cpus = cpus;
  else result.missing.push('CPU count: no mpstat header in basic-health-check.txt, no /proc/cpuinfo or lscpu in hardware.txt');

  const failed = await firstCommand('systemctl', ['systemd.txt'], (section) => /--failed/.test(section.header));
  if (failed) result.failedUnits = parseFailedUnits(failed.section, failed.path, `${failed.name} ${failed.section.header}`);
  else result.missing.push('failed units: no systemctl --failed section in systemd.txt');

  const smart = await sectionsOf('fs-smartmon.txt');
  if (smart) result.disks = parseSmart(smart.sections, smart.path);
  else result.missing.push('disk SMART state: fs-smartmon.txt was not collected');

  const messages = byName.get('messages.txt');
  const log = messages && readers.log(messages.path);
  if (log) result.kernelEvents = await scanKernelEvents(log, readers.signal);
  else result.missing.push('kernel messages: messages.txt was not collected');
  return result;
}

function mountRole(mount: string, type: string, filesystem: string): HarvesterMountRole {
  if (mount === '/') return 'os-image';
  if (mount === '/run/initramfs/cos-state') return 'cos-state';
  if (mount === '/usr/local') return 'cos-persistent';
  if (mount === '/oem') return 'cos-oem';
  if (mount === '/var/lib/harvester/defaultdisk') return 'longhorn-default-disk';
  if (type === 'overlay' || filesystem === 'overlay') return 'overlay';
  if (/^(tmpfs|devtmpfs|shm)$/.test(type || filesystem)) return 'memory';
  return 'other';
}

/**
 * A device listed again at another mount with the same size is a bind mount of the first row
 * (Harvester binds `/var/lib/longhorn`, `/var/lib/kubelet` and, without a data disk, the default
 * disk from COS_PERSISTENT): the same space, which a rule about full disks must count once.
 */
function markBindMounts(filesystems: FilesystemUsage[]): void {
  const first = new Map<string, string>();
  for (const fs of filesystems) {
    if (!fs.filesystem.startsWith('/dev/')) continue;
    const key = `${fs.filesystem} ${fs.size}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, fs.mount);
    else fs.sameAs = earlier;
  }
}

type FirstCommand = (
  program: string,
  names: string[],
  accept?: (section: SupportconfigSection) => boolean,
) => Promise<{ path: string; name: string; section: SupportconfigSection } | undefined>;

/**
 * Online CPUs, as SCA's load check counts them: mpstat's header (`… _x86_64_ (24 CPU)`), else the
 * `processor` lines of /proc/cpuinfo, else lscpu's `CPU(s):`.
 */
async function cpuCount(
  firstCommand: FirstCommand,
  sectionsOf: (name: string) => Promise<{ path: string; sections: SupportconfigSection[] } | undefined>,
): Promise<CpuCount | undefined> {
  const mpstat = await firstCommand('mpstat', ['basic-health-check.txt']);
  for (const { line, text } of mpstat?.section.body ?? []) {
    const match = /\((\d+) CPU\)\s*$/.exec(text);
    if (match) return { count: Number(match[1]), source: { path: mpstat!.path, line, description: `${mpstat!.name} ${mpstat!.section.header}` } };
  }
  const hardware = await sectionsOf('hardware.txt');
  if (!hardware) return undefined;
  const cpuinfo = hardware.sections.find((section) => section.header === '/proc/cpuinfo');
  const processors = cpuinfo?.body.filter(({ text }) => /^processor\s*:\s*\d+/.test(text)) ?? [];
  if (cpuinfo && processors.length > 0) {
    return { count: processors.length, source: { path: hardware.path, line: processors[processors.length - 1]!.line, description: 'hardware.txt /proc/cpuinfo' } };
  }
  for (const section of commandSections(hardware.sections, 'lscpu')) {
    const row = section.body.find(({ text }) => /^CPU\(s\):\s*\d+\s*$/.test(text));
    if (row) return { count: Number(/\d+/.exec(row.text)![0]), source: { path: hardware.path, line: row.line, description: `hardware.txt ${section.header}` } };
  }
  return undefined;
}

const KIB = 1024;

function parseFree(section: SupportconfigSection, path: string, description: string): { memory?: MemoryUsage; swap?: SwapUsage } {
  const out: { memory?: MemoryUsage; swap?: SwapUsage } = {};
  const header = section.body.find(({ text }) => /\btotal\b/.test(text))?.text.trim().split(/\s+/) ?? [];
  for (const { line, text } of section.body) {
    const [label, ...values] = text.trim().split(/\s+/);
    const numbers = values.map(Number);
    if (numbers.some((value) => !Number.isFinite(value))) continue;
    const column = (name: string) => {
      const index = header.indexOf(name);
      return index >= 0 && numbers[index] !== undefined ? numbers[index]! * KIB : undefined;
    };
    if (label === 'Mem:') {
      const available = column('available');
      out.memory = {
        totalBytes: (numbers[0] ?? 0) * KIB,
        usedBytes: (numbers[1] ?? 0) * KIB,
        freeBytes: (numbers[2] ?? 0) * KIB,
        ...(available === undefined ? {} : { availableBytes: available }),
        source: { path, line, description },
      };
    } else if (label === 'Swap:') {
      out.swap = { totalBytes: (numbers[0] ?? 0) * KIB, usedBytes: (numbers[1] ?? 0) * KIB, source: { path, line, description } };
    }
  }
  return out;
}

function parseUptime(section: SupportconfigSection, path: string, description: string): LoadAverage | undefined {
  for (const { line, text } of section.body) {
    const match = /load averages?:\s*([\d.]+),?\s+([\d.]+),?\s+([\d.]+)/.exec(text);
    if (!match) continue;
    const up = /\bup\s+(.+?),\s+\d+\s+users?/.exec(text)?.[1];
    return {
      one: Number(match[1]),
      five: Number(match[2]),
      fifteen: Number(match[3]),
      ...(up === undefined ? {} : { uptime: up.trim() }),
      source: { path, line, description },
    };
  }
  return undefined;
}

function parseFailedUnits(section: SupportconfigSection, path: string, description: string): FailedUnit[] {
  const units: FailedUnit[] = [];
  for (const { line, text } of section.body) {
    // `● name.service loaded failed failed Description…` (the bullet is `*` without UTF-8).
    const match = /^\s*(?:[●*]\s+)?(\S+\.(?:service|socket|mount|timer|target|path|scope|slice|swap|device|automount))\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(text);
    if (!match) continue;
    units.push({ unit: match[1]!, load: match[2]!, active: match[3]!, sub: match[4]!, description: match[5]!.trim(), source: { path, line, description } });
  }
  return units;
}

function parseSmart(sections: readonly SupportconfigSection[], path: string): DiskHealth[] {
  const disks: DiskHealth[] = [];
  for (const section of commandSections(sections, 'smartctl')) {
    const device = /\/dev\/(\S+)/.exec(section.header)?.[1];
    if (!device) continue;
    const model = section.body.find(({ text }) => /^(Device Model|Model Number|Product):/.test(text))?.text.split(':').slice(1).join(':').trim();
    const verdict = section.body.find(({ text }) => /SMART (overall-health self-assessment test result|Health Status):/.test(text));
    if (!verdict) continue;
    const passed = /PASSED|\bOK\b/.test(verdict.text);
    disks.push({
      device,
      health: passed ? 'passed' : 'failed',
      ...(model ? { model } : {}),
      source: { path, line: verdict.line, description: `fs-smartmon.txt ${section.header}` },
    });
  }
  return disks;
}

/** What each kind of message looks like; the literals are the prefilter (lines without one are never decoded). */
const EVENT_PATTERNS: { kind: KernelEventKind; literals: string[]; pattern: RegExp }[] = [
  // `oom-kill:constraint=…,task_memcg=/kubepods/…,task=qemu-kvm,pid=48213,uid=107` (kernel ≥ 4.19), then
  // `[Memory cgroup o|O]ut of memory: Killed process 48213 (qemu-kvm) …`: one kill, two lines.
  { kind: 'oom-kill', literals: ['oom-kill:', 'Killed process'], pattern: /oom-kill:.*?(?:task_memcg=(?<cgroup>[^,]*),)?task=(?<task>[^,\s]+),pid=(?<pid>\d+)|Killed process (?<killed>\d+) \((?<subject>[^)]+)\)/ },
  { kind: 'io-error', literals: ['I/O error'], pattern: /I\/O error,? (?:on )?dev(?:ice)? (?<subject>[\w.-]+)|Buffer I\/O error on dev(?:ice)? (?<device>[\w.-]+)|I\/O error/ },
  {
    kind: 'filesystem-error',
    literals: ['-fs error', 'EXT4-fs (', 'XFS (', 'Remounting filesystem read-only', 'Corruption of in-memory data'],
    pattern: /(?:EXT[234]-fs error \(device (?<subject>[\w.-]+)\))|(?:EXT[234]-fs \((?<ro>[\w.-]+)\): Remounting filesystem read-only)|(?:XFS \((?<xfs>[\w.-]+)\): (?:Corruption|metadata I\/O error|log I\/O error|Filesystem has been shut down))|Remounting filesystem read-only/,
  },
  { kind: 'link-down', literals: ['Link is Down', 'link is not ready', 'carrier lost', 'link down'], pattern: /(?:(?<subject>[\w.-]+): (?:NIC )?Link is Down)|(?:(?<iface>[\w.-]+): link (?:is not ready|down))|carrier lost/i },
  { kind: 'link-up', literals: ['Link is Up', 'link becomes ready'], pattern: /(?:(?<subject>[\w.-]+): (?:NIC )?Link is Up)|ADDRCONF\(NETDEV_CHANGE\): (?<iface>[\w.-]+): link becomes ready/ },
  { kind: 'hung-task', literals: ['blocked for more than'], pattern: /task (?<subject>\S+?):\d+ blocked for more than \d+ seconds|blocked for more than \d+ seconds/ },
];

const ALL_LITERALS = EVENT_PATTERNS.flatMap((event) => event.literals);

/** Kernel events of messages.txt, in file order; a line counts once, as the first kind it matches. */
export async function scanKernelEvents(log: LogFile, signal?: AbortSignal): Promise<KernelEvent[]> {
  const events: KernelEvent[] = [];
  // `oom-kill:` lines waiting for their `Killed process` line, by pid.
  const pendingKills = new Map<number, KernelEvent>();
  for await (const line of log.lines({ prefilter: ALL_LITERALS, ...(signal ? { signal } : {}) })) {
    for (const { kind, pattern } of EVENT_PATTERNS) {
      const match = pattern.exec(line.text);
      if (!match) continue;
      const groups = match.groups ?? {};
      const source = { path: log.path, line: line.line, description: `messages.txt ${kind}` };
      const time = line.time === undefined ? {} : { time: line.time };
      if (kind === 'oom-kill') {
        if (groups.pid !== undefined) {
          const event: KernelEvent = { kind, text: line.text, ...time, subject: groups.task!, pid: Number(groups.pid), ...(groups.cgroup ? { cgroup: groups.cgroup } : {}), source };
          pendingKills.set(event.pid!, event);
          events.push(event);
        } else {
          const pid = Number(groups.killed);
          const announced = pendingKills.get(pid);
          pendingKills.delete(pid);
          // The kill itself is the line to cite; the cgroup stays from the line before it.
          if (announced) Object.assign(announced, { text: line.text, ...time, subject: groups.subject!, source });
          else events.push({ kind, text: line.text, ...time, subject: groups.subject!, pid, source });
        }
        break;
      }
      const subject = groups.subject ?? groups.device ?? groups.ro ?? groups.xfs ?? groups.iface;
      events.push({ kind, text: line.text, ...time, ...(subject ? { subject } : {}), source });
      break;
    }
  }
  return events;
}
