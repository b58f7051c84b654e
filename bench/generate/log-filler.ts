/**
 * Routine log lines in bulk, in the formats the bundle's logs really have: kubelet-stamped pod
 * log lines (logrus, klog, KubeVirt's JSON), journal lines (`Mar 12 06:14:07.123456 host unit:`)
 * and klog files. Lines are built from templates with varying numbers and names, so the text
 * compresses like a real log (≈ 8–12×), not like a repeated string.
 */
import { SeededRandom } from '../../testdata/generator/random.js';
import type { TextSink } from './text-sink.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats times cheaply: the date part is recomputed once per second, not per line. */
class Stamp {
  #second = -1;
  #iso = '';
  #journal = '';
  #klog = '';

  #refresh(ms: number): void {
    const second = Math.floor(ms / 1000);
    if (second === this.#second) return;
    this.#second = second;
    const date = new Date(second * 1000);
    this.#iso = date.toISOString().slice(0, 19);
    this.#journal = `${MONTHS[date.getUTCMonth()]} ${this.#iso.slice(8, 10)} ${this.#iso.slice(11, 19)}`;
    this.#klog = `${this.#iso.slice(5, 7)}${this.#iso.slice(8, 10)} ${this.#iso.slice(11, 19)}`;
  }

  /** `2025-03-12T06:14:07.123456789Z` (kubelet's RFC3339Nano prefix). */
  nano(ms: number, nanos: number): string {
    this.#refresh(ms);
    return `${this.#iso}.${String((ms % 1000) * 1_000_000 + nanos).padStart(9, '0')}Z`;
  }

  /** `2025-03-12T06:14:07Z`. */
  iso(ms: number): string {
    this.#refresh(ms);
    return `${this.#iso}Z`;
  }

  /** `Mar 12 06:14:07.123456` (journalctl short-precise, UTC). */
  journal(ms: number, micros: number): string {
    this.#refresh(ms);
    return `${this.#journal}.${String((ms % 1000) * 1000 + micros).padStart(6, '0')}`;
  }

  /** `0312 06:14:07.123456` (klog's header after the level letter). */
  klog(ms: number, micros: number): string {
    this.#refresh(ms);
    return `${this.#klog}.${String((ms % 1000) * 1000 + micros).padStart(6, '0')}`;
  }
}

export interface FillOptions {
  /** Stop once this many bytes were written. */
  bytes: number;
  /** Time of the first line and of the last line (ms since the epoch). */
  fromMs: number;
  toMs: number;
  seed: number;
}

type LineMaker = (random: SeededRandom, stamp: Stamp, ms: number, index: number) => string;

async function fill(sink: TextSink, options: FillOptions, averageLine: number, make: LineMaker): Promise<void> {
  const random = new SeededRandom(options.seed);
  const stamp = new Stamp();
  const lines = Math.max(1, Math.ceil(options.bytes / averageLine));
  const step = Math.max(1, (options.toMs - options.fromMs) / lines);
  let written = 0;
  let ms = options.fromMs;
  for (let index = 0; written < options.bytes; index += 1) {
    const line = make(random, stamp, Math.floor(ms), index);
    written += line.length;
    await sink.write(line);
    ms += step * (0.5 + random.next());
  }
}

const VOLUME_EVENTS = ['Starting to purge snapshot', 'Finished snapshot check', 'Volume replica is healthy', 'Engine is running', 'Requeue volume due to conflict', 'Reconciling volume attachment'];
const LONGHORN_CONTROLLERS = ['longhorn-volume', 'longhorn-engine', 'longhorn-replica', 'longhorn-node', 'longhorn-instance-manager', 'longhorn-setting'];

/** longhorn-manager: logrus lines and HTTP access lines, under the kubelet's timestamp. */
export function fillLonghornManagerLog(sink: TextSink, options: FillOptions, node: string): Promise<void> {
  return fill(sink, options, 190, (random, stamp, ms, index) => {
    const at = stamp.nano(ms, random.int(0, 999_999));
    if (index % 5 === 4) {
      return `${at} 10.52.${random.int(0, 19)}.${random.int(2, 250)} - - [12/Mar/2025:${at.slice(11, 19)} +0000] "GET /v1/volumes/pvc-${random.hex(8)}-${random.hex(4)} HTTP/1.1" 200 ${random.int(1500, 25000)} "" "Go-http-client/1.1"\n`;
    }
    return `${at} time="${stamp.iso(ms)}" level=${index % 41 === 0 ? 'warning' : 'info'} msg="${random.pick(VOLUME_EVENTS)}" controller=${random.pick(LONGHORN_CONTROLLERS)} node=${node} volume=pvc-${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}\n`;
  });
}

const HANDLER_MESSAGES = ['Processing event', 'VMI is in phase: Running', 'Synchronizing the VirtualMachineInstance', 'Domain status: Running, reason: Unknown', 'Updating cluster config from KubeVirt to resource version'];

/** virt-handler: KubeVirt's JSON lines. */
export function fillVirtHandlerLog(sink: TextSink, options: FillOptions): Promise<void> {
  return fill(sink, options, 260, (random, stamp, ms) => {
    const at = stamp.nano(ms, random.int(0, 999_999));
    return `${at} {"component":"virt-handler","kind":"VirtualMachineInstance","level":"info","msg":"${random.pick(HANDLER_MESSAGES)}","name":"vm-${String(random.int(0, 499)).padStart(4, '0')}","namespace":"default","pos":"vm.go:${random.int(1000, 3999)}","timestamp":"${at.slice(0, 26)}Z","uid":"${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${random.hex(4)}-${random.hex(12)}"}\n`;
  });
}

/** virt-launcher `compute`: KubeVirt's JSON lines about one domain. */
export function fillLauncherLog(sink: TextSink, options: FillOptions, vm: string): Promise<void> {
  return fill(sink, options, 230, (random, stamp, ms) => {
    const at = stamp.nano(ms, random.int(0, 999_999));
    return `${at} {"component":"virt-launcher","level":"info","msg":"${random.pick(['Domain started.', 'Synced vmi', 'Guest agent ping', 'DomainLifecycle event 4 with reason 0 received'])}","name":"${vm}","namespace":"default","pos":"manager.go:${random.int(100, 2999)}","timestamp":"${at.slice(0, 26)}Z"}\n`;
  });
}

const HARVESTER_MESSAGES = [
  'Fetching upgrade info from https://harvester-upgrade-responder.rancher.io/v1/checkupgrade',
  'Starting harvesterhci.io/v1beta1, Kind=Setting controller',
  'Handling VM backup metadata sync',
  'OnVMChanged: reconciling volume claim templates',
  'Syncing node network configuration',
];

/** harvester apiserver and other logrus components. */
export function fillLogrusLog(sink: TextSink, options: FillOptions, messages: readonly string[] = HARVESTER_MESSAGES): Promise<void> {
  return fill(sink, options, 170, (random, stamp, ms) => {
    const at = stamp.nano(ms, random.int(0, 999_999));
    return `${at} time="${stamp.iso(ms)}" level=info msg="${random.pick(messages)}" resourceVersion=${random.int(100000, 9999999)}\n`;
  });
}

const APP_MESSAGES = ['GET /healthz 200', 'GET /api/v1/orders 200', 'POST /api/v1/orders 201', 'cache refreshed', 'worker finished job'];

export function fillAppLog(sink: TextSink, options: FillOptions): Promise<void> {
  return fill(sink, options, 110, (random, stamp, ms) => {
    const at = stamp.nano(ms, random.int(0, 999_999));
    return `${at} ${stamp.iso(ms)} INFO ${random.pick(APP_MESSAGES)} duration=${random.int(1, 900)}ms request_id=${random.hex(16)}\n`;
  });
}

const KERNEL_MESSAGES = [
  (random: SeededRandom) => `mgmt-br: port ${random.int(1, 9)}(tap${random.hex(6)}) entered forwarding state`,
  (random: SeededRandom) => `IPv6: ADDRCONF(NETDEV_CHANGE): cali${random.hex(11)}: link becomes ready`,
  (random: SeededRandom) => `sd ${random.int(2, 40)}:0:0:1: [sd${String.fromCharCode(98 + random.int(0, 20))}] Synchronizing SCSI cache`,
  (random: SeededRandom) => `scsi host${random.int(2, 60)}: iSCSI Initiator over TCP/IP`,
  (random: SeededRandom) => `EXT4-fs (dm-${random.int(0, 40)}): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.`,
  (random: SeededRandom) => `kvm [${random.int(10000, 99999)}]: vcpu${random.int(0, 7)}, guest rIP: 0xffffffff${random.hex(8)} ignored rdmsr: 0x${random.hex(3)} data 0x0`,
  (random: SeededRandom) => `audit: type=1400 audit(${random.int(1741000000, 1741999999)}.${random.int(100, 999)}:${random.int(100, 99999)}): apparmor="STATUS" operation="profile_replace" profile="unconfined" name="virt-launcher" pid=${random.int(1000, 99999)} comm="apparmor_parser"`,
];

/** `kernel.log`: journal lines of the kernel identifier, one boot's worth of routine messages. */
export function fillKernelLog(sink: TextSink, options: FillOptions, host: string): Promise<void> {
  return fill(sink, options, 150, (random, stamp, ms) => `${stamp.journal(ms, random.int(0, 999))} ${host} kernel: ${random.pick(KERNEL_MESSAGES)(random)}\n`);
}

const AGENT_MESSAGES = [
  '[Applyinator] Applying plan with checksum',
  '[K8s] updated plan secret fleet-local/custom-',
  'Plan was applied successfully, no changes needed',
  '[Applyinator] Command sh [-c rke2 etcd-snapshot list --etc-s3=false 2>/dev/null] finished with err: <nil> and exit code: 0',
];

/** `rancher-system-agent.log`: a journal unit log with logrus payloads. */
export function fillJournalUnitLog(sink: TextSink, options: FillOptions, host: string, unit: string): Promise<void> {
  return fill(sink, options, 175, (random, stamp, ms) => `${stamp.journal(ms, random.int(0, 999))} ${host} ${unit}: time="${stamp.iso(ms)}" level=info msg="${random.pick(AGENT_MESSAGES)} ${random.hex(12)}"\n`);
}

/** `kubelet.log`: klog lines. */
export function fillKubeletLog(sink: TextSink, options: FillOptions, host: string): Promise<void> {
  return fill(sink, options, 160, (random, stamp, ms) => {
    const kind = random.int(0, 2);
    const head = `I${stamp.klog(ms, random.int(0, 999))}    3012 `;
    if (kind === 0) return `${head}reconciler_common.go:${random.int(150, 260)}] "operationExecutor.MountVolume started for volume" volume="pvc-${random.hex(8)}" pod="default/virt-launcher-vm-${random.hex(5)}" node="${host}"\n`;
    if (kind === 1) return `${head}kubelet.go:${random.int(2300, 2500)}] "SyncLoop (PLEG): event for pod" pod="longhorn-system/instance-manager-${random.hex(32)}" event={"Type":"ContainerStarted"}\n`;
    return `${head}prober.go:${random.int(100, 120)}] "Probe succeeded" probeType="Readiness" pod="harvester-system/virt-handler-${random.hex(5)}" containerName="virt-handler"\n`;
  });
}
